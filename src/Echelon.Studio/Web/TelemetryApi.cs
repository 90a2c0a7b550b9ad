using System.Net.WebSockets;
using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary>
/// <c>/ws/telemetry</c>: the control state decimated to <see cref="StudioWebHostOptions.TelemetryHz"/> (30–60 Hz) as
/// JSON text messages (<see cref="TelemetryWriter"/>). A client that reads slowly gets fewer messages, never older ones.
/// </summary>
public static class TelemetryApi
{
    /// <summary>Maps <c>/ws/telemetry</c>.</summary>
    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWebSocket("/ws/telemetry", Watch)
            .WithTags("Telemetry")
            .WithName("WatchTelemetry")
            .WithSummary("WebSocket: JSON text messages at 30–60 Hz with x*, y*, psi, theta, phi, k_used, residual, tempo, levels, controls, devices, recorder and stream state.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<IResult> Watch(
        HttpContext context,
        IStudioRuntime runtime,
        AudioBroadcast audio,
        StudioWebHostOptions options,
        WebCounters counters,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return AudioApi.NotAWebSocket("/ws/telemetry");
        }

        ILogger logger = loggers.CreateLogger(typeof(TelemetryApi).FullName!);
        using WebSocket socket = await SocketSession.AcceptAsync(context, options);
        long client = SocketSession.NextClientId();
        long messages = 0;
        counters.TelemetryClientOpened();
        try
        {
            WebLog.TelemetryClientConnected(logger, client, context.Connection.RemoteIpAddress, options.TelemetryHz);
            using var writer = new TelemetryWriter(runtime, audio);
            string reason = await SocketSession.RunAsync(context, socket, async token =>
            {
                // PeriodicTimer does not queue missed ticks: a late send lowers this client's rate instead of bunching messages.
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / options.TelemetryHz));
                do
                {
                    await socket.SendAsync(writer.Next(), WebSocketMessageType.Text, endOfMessage: true, token);
                    messages++;
                    counters.TelemetryMessageSent();
                }
                while (await timer.WaitForNextTickAsync(token));
            });
            WebLog.SocketEnded(logger, "/ws/telemetry", client, reason);
        }
        finally
        {
            counters.TelemetryClientClosed();
            WebLog.TelemetryClientClosed(logger, client, messages);
        }

        return TypedResults.Empty;
    }
}
