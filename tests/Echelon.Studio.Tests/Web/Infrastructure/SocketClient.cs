using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>Receiving and sending whole WebSocket messages in tests.</summary>
public static class SocketClient
{
    public sealed record Message(WebSocketMessageType Type, byte[] Data)
    {
        public string Text => Encoding.UTF8.GetString(Data);

        public JsonDocument Json() => JsonDocument.Parse(Data);
    }

    /// <summary>The next whole message; a Close message when the server closed.</summary>
    public static async Task<Message> ReceiveAsync(this ClientWebSocket socket, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        using var data = new MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, cancel.Token);
            data.Write(buffer, 0, result.Count);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return new Message(result.MessageType, data.ToArray());
            }
        }
    }

    public static Task SendTextAsync(this ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
