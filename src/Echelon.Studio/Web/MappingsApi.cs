using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Echelon.Studio.Web;

/// <summary><c>/api/v1/mappings</c>: the runtime's mappings when it lists them (<see cref="IMappingCatalog"/>), else an empty list.</summary>
public static class MappingsApi
{
    /// <summary>Maps <c>GET /api/v1/mappings</c>.</summary>
    public static IEndpointRouteBuilder MapMappingsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/mappings", GetMappings)
            .WithTags("Mappings")
            .WithName("GetMappings")
            .WithSummary("The mappings from control state to targets; empty while the runtime does not list them.");
        return endpoints;
    }

    private static Ok<IReadOnlyList<MappingSummary>> GetMappings(IStudioRuntime runtime) =>
        TypedResults.Ok(runtime is IMappingCatalog catalog ? catalog.Mappings : (IReadOnlyList<MappingSummary>)[]);
}
