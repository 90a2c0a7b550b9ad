using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Echelon.Studio.Web;

/// <summary><c>/api/v1/sessions</c>: the recorded sessions in the recordings folder.</summary>
public static class SessionsApi
{
    /// <summary>Maps <c>GET /api/v1/sessions</c>.</summary>
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/sessions", GetSessions)
            .WithTags("Sessions")
            .WithName("GetSessions")
            .WithSummary("The sessions in the recordings folder, newest first: name, folder, manifest status, start time, records.");
        return endpoints;
    }

    private static Ok<IReadOnlyList<SessionSummary>> GetSessions(IStudioRuntime runtime) => TypedResults.Ok(runtime.ListSessions());
}
