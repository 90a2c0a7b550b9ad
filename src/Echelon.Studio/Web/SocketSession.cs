using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Echelon.Studio.Web;

/// <summary>
/// What every WebSocket endpoint shares: the upgrade with the heartbeat (a ping every
/// <see cref="StudioWebHostOptions.HeartbeatInterval"/>; no pong by <see cref="StudioWebHostOptions.HeartbeatTimeout"/>
/// after the last one and the socket is aborted), a token that fires when the client goes, the host stops or the
/// session ends, and a polite close.
/// </summary>
internal static class SocketSession
{
    /// <summary>Close status 1013, "try again later" (IANA WebSocket close code registry): the listener limit is reached.</summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    private static readonly TimeSpan s_closeWait = TimeSpan.FromSeconds(2);
    private static long s_nextClient;

    /// <summary>
    /// Maps a WebSocket endpoint for both ways a browser opens one: <c>GET</c> with <c>Upgrade</c> over HTTP/1.1
    /// (RFC 6455; the documented endpoint, returned for its metadata), and the extended <c>CONNECT</c> over HTTP/2
    /// (RFC 8441). Over HTTPS, ALPN gives Chromium HTTP/2, and it then opens its WebSockets with <c>CONNECT</c> on the
    /// page's connection: a GET-only route answers that with 405 and the phone never pairs (the HTTPS browser test
    /// caught this). OpenAPI has no CONNECT operation, so that route is left out of the document.
    /// </summary>
    public static RouteHandlerBuilder MapWebSocket(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler)
    {
        endpoints.MapMethods(pattern, [HttpMethods.Connect], handler).ExcludeFromDescription();
        return endpoints.MapGet(pattern, handler);
    }

    /// <summary>A number for the client, for logs.</summary>
    public static long NextClientId() => Interlocked.Increment(ref s_nextClient);

    public static Task<WebSocket> AcceptAsync(HttpContext context, StudioWebHostOptions options) =>
        context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            // The ping goes out every interval; the pong must come within the rest of the timeout (60 − 30 s by default).
            KeepAliveInterval = options.HeartbeatInterval,
            KeepAliveTimeout = options.HeartbeatTimeout - options.HeartbeatInterval,
        });

    /// <summary>
    /// Reads and discards what the client sends until it closes (or the heartbeat gives up): this loop is what
    /// processes pongs and the client's close. Returns the close status the client gave, if any.
    /// </summary>
    public static async Task<WebSocketCloseStatus?> DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[1024];
        while (true)
        {
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return socket.CloseStatus;
            }
        }
    }

    /// <summary>Closes with <paramref name="status"/> unless the socket is already closing; never throws.</summary>
    public static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        try
        {
            using var wait = new CancellationTokenSource(s_closeWait);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync(status, description, wait.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client went away first: nothing left to tell it.
        }
    }

    /// <summary>
    /// Runs <paramref name="send"/> and the drain loop together until either ends. When the client closes, the
    /// sender is stopped and the close answered (1000). When the sender stops (the host is stopping, or sending
    /// failed) the server closes first, 1001 "studio stopping" or 1011, and waits briefly for the client's answer.
    /// </summary>
    /// <returns>Why the session ended, for the log.</returns>
    public static async Task<string> RunAsync(HttpContext context, WebSocket socket, Func<CancellationToken, Task> send)
    {
        CancellationToken stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        Task<WebSocketCloseStatus?> drain = DrainAsync(socket, receiving.Token);
        Task sender = send(sending.Token);
        Task first = await Task.WhenAny(drain, sender);
        string reason = await Describe(first, drain);
        if (first == drain)
        {
            await sending.CancelAsync();
            await Describe(sender, drain);
            await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, "bye");
            return reason;
        }

        bool hostStopping = stopping.IsCancellationRequested;
        await CloseOutputQuietlyAsync(
            socket,
            hostStopping ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.InternalServerError,
            hostStopping ? "studio stopping" : "server error");
        await Task.WhenAny(drain, Task.Delay(s_closeWait, CancellationToken.None));
        await receiving.CancelAsync();
        await Describe(drain, drain);
        return hostStopping ? "host stopping" : reason;
    }

    private static async Task CloseOutputQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        try
        {
            using var wait = new CancellationTokenSource(s_closeWait);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, description, wait.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client went away first: nothing left to tell it.
        }
    }

    private static async Task<string> Describe(Task task, Task<WebSocketCloseStatus?> drain)
    {
        try
        {
            await task;
            return task == drain ? $"client closed ({drain.Result?.ToString() ?? "no status"})" : "sender finished";
        }
        catch (OperationCanceledException)
        {
            return "cancelled (host stopping or client gone)";
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return $"socket failed: {e.Message}";
        }
    }
}
