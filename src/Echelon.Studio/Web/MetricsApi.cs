using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Echelon.Studio.Web;

/// <summary><c>/metrics</c>: Prometheus text exposition of the engine's and the web host's counters.</summary>
public static class MetricsApi
{
    /// <summary>Maps <c>GET /metrics</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", WriteMetrics)
            .WithTags("Metrics")
            .WithName("GetMetrics")
            .WithSummary("Engine counters, audio listeners and gaps, telemetry and sensor clients, devices and recorder, in the Prometheus text format 0.0.4.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return endpoints;
    }

    private static async Task WriteMetrics(HttpContext context, StudioMetrics metrics)
    {
        context.Response.ContentType = StudioMetrics.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await metrics.WriteAsync(context.Response.Body, context.RequestAborted);
    }
}
