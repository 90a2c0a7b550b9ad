using System.Diagnostics;
using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Echelon.Studio.Web;

/// <summary><c>/healthz</c>: 200 <c>ok</c> once the engine produces telemetry, 503 <c>starting</c> before.</summary>
public static class HealthApi
{
    /// <summary>Maps <c>GET /healthz</c>.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", GetHealth)
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("ok (200) when the engine is producing telemetry; starting (503) before its first control frame.")
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static Results<Ok<HealthView>, JsonHttpResult<HealthView>> GetHealth(IStudioRuntime runtime, AudioBroadcast audio, WebCounters counters)
    {
        TelemetrySnapshot snapshot = runtime.CreateTelemetrySnapshot();
        bool ready = runtime.TryReadTelemetry(snapshot);
        var view = new HealthView(
            ready ? "ok" : "starting",
            ready ? snapshot.Frame : null,
            Stopwatch.GetElapsedTime(counters.Started).TotalSeconds,
            audio.Readers);
        return ready ? TypedResults.Ok(view) : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
