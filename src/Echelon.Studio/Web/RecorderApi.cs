using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary><c>/api/v1/recorder</c>: the session recorder's state, and starting and stopping a take.</summary>
public static class RecorderApi
{
    /// <summary>Maps <c>GET /api/v1/recorder</c>, <c>POST /api/v1/recorder/start</c> and <c>POST /api/v1/recorder/stop</c>.</summary>
    public static IEndpointRouteBuilder MapRecorderApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/v1/recorder").WithTags("Recorder");
        group.MapGet(string.Empty, (IStudioRuntime runtime) => TypedResults.Ok(runtime.Recorder))
            .WithName("GetRecorder")
            .WithSummary("Recording or not, into which folder, records written and dropped.");
        group.MapPost("/start", Start)
            .WithName("StartRecording")
            .WithSummary("Starts a new take (returns the current state when one is already being recorded).")
            .RequirePairingToken();
        group.MapPost("/stop", Stop)
            .WithName("StopRecording")
            .WithSummary("Stops and closes the take (nothing happens when none is being recorded).")
            .RequirePairingToken();
        return endpoints;
    }

    private static Ok<RecorderStatus> Start(IStudioRuntime runtime, ILoggerFactory loggers) =>
        Logged(runtime.StartRecording(), "start", loggers);

    private static Ok<RecorderStatus> Stop(IStudioRuntime runtime, ILoggerFactory loggers) =>
        Logged(runtime.StopRecording(), "stop", loggers);

    private static Ok<RecorderStatus> Logged(RecorderStatus status, string action, ILoggerFactory loggers)
    {
        ILogger logger = loggers.CreateLogger(typeof(RecorderApi).FullName!);
        WebLog.RecorderChanged(logger, action, status.Recording, status.Directory);
        return TypedResults.Ok(status);
    }
}
