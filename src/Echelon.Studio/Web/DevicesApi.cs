using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Echelon.Studio.Web;

/// <summary><c>/api/v1/devices</c>: every sensor device the engine has seen or registered, with rate, last frame and dropouts.</summary>
public static class DevicesApi
{
    /// <summary>Maps <c>GET /api/v1/devices</c>.</summary>
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/devices", GetDevices)
            .WithTags("Devices")
            .WithName("GetDevices")
            .WithSummary("Every sensor device seen or registered: id, kind, source, frames per second, last frame time, frames and dropouts.");
        return endpoints;
    }

    private static Ok<IReadOnlyList<DeviceStatus>> GetDevices(IStudioRuntime runtime) => TypedResults.Ok(runtime.Devices);
}
