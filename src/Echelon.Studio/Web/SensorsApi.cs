using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary>
/// <c>/ws/sensors</c>: phones paired through <c>/pair</c> send DeviceMotion and DeviceOrientation readings as JSON
/// (<see cref="PhoneSensorDecoder"/>); each valid one goes to the engine's <see cref="ISensorIngress"/>, each bad one
/// is answered with an error message naming the field and counted. Needs the pairing token when the studio is exposed.
/// </summary>
public static class SensorsApi
{
    /// <summary>Largest message accepted, bytes.</summary>
    public const int MaxMessageBytes = 8192;

    /// <summary>Most device ids one connection may carry.</summary>
    public const int MaxDevicesPerConnection = 4;

    /// <summary>A status message goes back after this many accepted readings.</summary>
    public const int StatusEvery = 30;

    /// <summary>The source name the engine sees for phones.</summary>
    public const string SourceName = "phone";

    /// <summary>Maps <c>/ws/sensors</c>.</summary>
    public static IEndpointRouteBuilder MapSensorsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWebSocket("/ws/sensors", Pair)
            .WithTags("Sensors")
            .WithName("PairSensors")
            .WithSummary("WebSocket for the phone page: JSON hello and motion messages in, hello/error/status messages out. Needs the pairing token (?token=) when the studio is exposed; refused with close status 1008 without it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<IResult> Pair(
        HttpContext context,
        IStudioRuntime runtime,
        StudioWebHostOptions options,
        WebCounters counters,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return AudioApi.NotAWebSocket("/ws/sensors");
        }

        bool allowed = PairingFilter.Allows(context);
        using WebSocket socket = await SocketSession.AcceptAsync(context, options);
        if (!allowed)
        {
            await SocketSession.CloseQuietlyAsync(
                socket,
                WebSocketCloseStatus.PolicyViolation,
                "pairing token missing or wrong: open the /pair link the studio printed");
            return TypedResults.Empty;
        }

        ILogger logger = loggers.CreateLogger(typeof(SensorsApi).FullName!);
        var session = new Session(socket, runtime.Sensors, counters, logger, SocketSession.NextClientId());
        counters.SensorClientOpened();
        WebLog.SensorClientConnected(logger, session.Client, context.Connection.RemoteIpAddress);
        try
        {
            // This endpoint's sender is its receive loop: it answers what it reads. The drain loop is not used here,
            // so the session's own loop is what processes pongs and the client's close.
            string reason = await session.RunAsync(context);
            WebLog.SocketEnded(logger, "/ws/sensors", session.Client, reason);
        }
        finally
        {
            counters.SensorClientClosed();
            WebLog.SensorClientClosed(logger, session.Client, session.Accepted, session.Rejected, session.Dropped);
        }

        return TypedResults.Empty;
    }

    private sealed class Session(WebSocket socket, ISensorIngress ingress, WebCounters counters, ILogger logger, long client)
    {
        private readonly HashSet<string> _devices = new(StringComparer.Ordinal);
        private readonly ArrayBufferWriter<byte> _reply = new(256);

        public long Client => client;

        public long Accepted { get; private set; }

        public long Rejected { get; private set; }

        public long Dropped { get; private set; }

        public async Task<string> RunAsync(HttpContext context)
        {
            CancellationToken stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            byte[] message = new byte[MaxMessageBytes];
            try
            {
                while (true)
                {
                    int length = 0;
                    bool tooLarge = false;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        // Past the limit the rest of the message is read into the buffer again and thrown away.
                        tooLarge |= length == message.Length;
                        result = await socket.ReceiveAsync(tooLarge ? message.AsMemory() : message.AsMemory(length), cancel.Token);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await SocketSession.CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "bye");
                            return $"client closed ({socket.CloseStatus?.ToString() ?? "no status"})";
                        }

                        if (!tooLarge)
                        {
                            length += result.Count;
                        }
                    }
                    while (!result.EndOfMessage);

                    if (tooLarge)
                    {
                        await RejectAsync("message", $"larger than the {MaxMessageBytes}-byte limit", cancel.Token);
                    }
                    else if (result.MessageType != WebSocketMessageType.Text)
                    {
                        await RejectAsync("message", "binary messages are not read here; send JSON text", cancel.Token);
                    }
                    else
                    {
                        await HandleAsync(message.AsMemory(0, length), cancel.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                if (stopping.IsCancellationRequested)
                {
                    await SocketSession.CloseQuietlyAsync(socket, WebSocketCloseStatus.EndpointUnavailable, "studio stopping");
                    return "host stopping";
                }

                return "client gone";
            }
            catch (Exception e) when (e is WebSocketException or IOException)
            {
                return $"socket failed: {e.Message}";
            }
        }

        private async Task HandleAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
        {
            PhoneSensorMessage message = PhoneSensorDecoder.Decode(utf8.Span, ingress.NowNs);
            switch (message.Kind)
            {
                case PhoneSensorMessageKind.Error:
                    await RejectAsync(message.Field!, message.Problem!, cancellationToken);
                    return;

                case PhoneSensorMessageKind.Hello:
                    if (!Register(message.Device!, message.Description!, message.RateHz))
                    {
                        await RejectAsync("device", $"one connection carries at most {MaxDevicesPerConnection} devices", cancellationToken);
                        return;
                    }

                    await ReplyAsync(
                        w =>
                        {
                            w.WriteString("type", "hello");
                            w.WriteString("device", message.Device);
                            w.WriteBoolean("accepted", true);
                        },
                        cancellationToken);
                    return;

                default:
                    ImuFrame frame = message.Frame!;
                    if (!Register(frame.DeviceId, "phone browser", PhoneSensorDecoder.DefaultRateHz))
                    {
                        await RejectAsync("device", $"one connection carries at most {MaxDevicesPerConnection} devices", cancellationToken);
                        return;
                    }

                    Accepted++;
                    counters.SensorMessageAccepted();
                    if (!ingress.TryPublish(frame))
                    {
                        Dropped++;
                        counters.SensorFrameDropped();
                    }

                    if (Accepted % StatusEvery == 0)
                    {
                        await ReplyAsync(
                            w =>
                            {
                                w.WriteString("type", "status");
                                w.WriteNumber("accepted", Accepted);
                                w.WriteNumber("rejected", Rejected);
                                w.WriteNumber("dropped", Dropped);
                            },
                            cancellationToken);
                    }

                    return;
            }
        }

        private bool Register(string device, string description, double rateHz)
        {
            if (_devices.Contains(device))
            {
                return true;
            }

            if (_devices.Count >= MaxDevicesPerConnection)
            {
                return false;
            }

            _devices.Add(device);
            ingress.RegisterDevice(new SensorDevice(device, SensorKind.Imu, rateHz, description), SourceName);
            WebLog.SensorDeviceRegistered(logger, device, description, rateHz);
            return true;
        }

        private Task RejectAsync(string field, string problem, CancellationToken cancellationToken)
        {
            Rejected++;
            counters.SensorMessageRejected();
            WebLog.SensorMessageRejected(logger, client, field, problem);
            return ReplyAsync(
                w =>
                {
                    w.WriteString("type", "error");
                    w.WriteString("field", field);
                    w.WriteString("message", $"{field}: {problem}.");
                },
                cancellationToken);
        }

        private async Task ReplyAsync(Action<Utf8JsonWriter> body, CancellationToken cancellationToken)
        {
            _reply.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_reply))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }

            await socket.SendAsync(_reply.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }
}
