using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary>
/// <c>/ws/audio</c>: the live mix as <see cref="PcmPacket"/>s, each listener with its own <see cref="AudioCursor"/>;
/// <c>GET /api/v1/audio</c>: the stream's format and listeners.
/// </summary>
public static class AudioApi
{
    /// <summary>Maps <c>/ws/audio</c> and <c>GET /api/v1/audio</c>.</summary>
    public static IEndpointRouteBuilder MapAudioApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/audio", GetAudio)
            .WithTags("Audio")
            .WithName("GetAudio")
            .WithSummary("The /ws/audio stream: sample rate, channels, packet format, ring length, listeners and gaps.");
        endpoints.MapWebSocket("/ws/audio", Listen)
            .WithTags("Audio")
            .WithName("ListenAudio")
            .WithSummary("WebSocket: binary PCM packets (20-byte little-endian header, then int16 interleaved stereo). Refused with close status 1013 past the listener limit.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static Ok<AudioView> GetAudio(AudioBroadcast audio, StudioWebHostOptions options) =>
        TypedResults.Ok(new AudioView(
            audio.SampleRate,
            AudioBroadcast.Channels,
            PcmPacket.Version,
            PcmPacket.HeaderBytes,
            audio.CapacityFrames,
            audio.Readers,
            options.AudioClientLimit,
            audio.FramesWritten,
            audio.Gaps,
            audio.GapFrames));

    private static async Task<IResult> Listen(
        HttpContext context,
        AudioBroadcast audio,
        StudioWebHostOptions options,
        WebCounters counters,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return NotAWebSocket("/ws/audio");
        }

        ILogger logger = loggers.CreateLogger(typeof(AudioApi).FullName!);
        using WebSocket socket = await SocketSession.AcceptAsync(context, options);
        if (!audio.TryOpenCursor(options.AudioClientLimit, out AudioCursor? cursor))
        {
            WebLog.AudioClientRefused(logger, context.Connection.RemoteIpAddress, options.AudioClientLimit);
            await SocketSession.CloseQuietlyAsync(
                socket,
                SocketSession.TryAgainLater,
                $"listener limit {options.AudioClientLimit} reached; try again later");
            return TypedResults.Empty;
        }

        long client = SocketSession.NextClientId();
        long packets = 0;
        using (cursor)
        {
            WebLog.AudioClientConnected(logger, client, context.Connection.RemoteIpAddress, audio.Readers);
            string reason = await SocketSession.RunAsync(context, socket, async token =>
            {
                byte[] packet = new byte[PcmPacket.SizeOf(options.AudioPacketMaxFrames, AudioBroadcast.Channels)];
                using var poll = new PeriodicTimer(options.AudioPollInterval);
                long gaps = 0;
                do
                {
                    while (cursor.TryReadPacket(packet, out int bytes))
                    {
                        if (cursor.Gaps != gaps)
                        {
                            gaps = cursor.Gaps;
                            WebLog.AudioClientGap(logger, client, cursor.GapFrames, gaps);
                        }

                        await socket.SendAsync(packet.AsMemory(0, bytes), WebSocketMessageType.Binary, endOfMessage: true, token);
                        packets++;
                        counters.AudioPacketSent();
                    }
                }
                while (await poll.WaitForNextTickAsync(token));
            });

            WebLog.SocketEnded(logger, "/ws/audio", client, reason);
            WebLog.AudioClientClosed(logger, client, packets, cursor.Gaps, cursor.GapFrames);
        }

        return TypedResults.Empty;
    }

    internal static ProblemHttpResult NotAWebSocket(string path) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "WebSocket expected",
            detail: $"{path} speaks WebSocket only: connect with ws:// (or wss://) and the Upgrade: websocket header.");
}
