using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Echelon.Protocols.Osc;

namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// A client of a running scsynth over UDP: one socket both sends commands and receives the replies,
/// which scsynth sends back to the sender's port. Request/response commands (<c>/status</c>,
/// <c>/notify</c>, <c>/sync</c>, <c>/d_recv</c>) are awaited; node commands (<c>/g_new</c>, <c>/s_new</c>,
/// <c>/n_set</c>, <c>/n_free</c>) are sent either at once or in a bundle time-stamped
/// <see cref="Latency"/> ahead, so scsynth starts them at an exact sample instead of at the next
/// control block after the packet happens to arrive. After <see cref="NotifyAsync"/> the client tracks
/// which nodes are alive from <c>/n_go</c> and <c>/n_end</c>.
/// </summary>
/// <remarks>
/// Threading: commands may be sent from any thread; replies are handled on the client's receive thread,
/// which also raises <see cref="NodeEvent"/>. Not for the audio thread: sending encodes into a new array.
/// </remarks>
public sealed class ScsynthClient : IDisposable
{
    /// <summary>Default scheduling latency: 50 ms.</summary>
    public static readonly TimeSpan DefaultLatency = TimeSpan.FromMilliseconds(50);

    private readonly Socket _socket;
    private readonly Thread _receiver;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<OscMessage>> _waiters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, bool> _live = new();
    private readonly TimeProvider _clock;
    private volatile bool _disposed;
    private int _nextNode;
    private int _nextSync;
    private long _started;
    private long _ended;
    private long _failures;
    private long _malformed;

    /// <summary>Connects to scsynth at <paramref name="server"/> (nothing is sent until a command is).</summary>
    /// <param name="server">scsynth's UDP address (its <c>-u</c> port).</param>
    /// <param name="latency">How far ahead timed commands are stamped; 50 ms when null.</param>
    /// <param name="firstNodeId">The first id <see cref="AllocateNodeId"/> hands out.</param>
    /// <param name="clock">The clock time tags are read from; the system clock when null (scsynth reads the same one).</param>
    public ScsynthClient(IPEndPoint server, TimeSpan? latency = null, int firstNodeId = 1000, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        TimeSpan ahead = latency ?? DefaultLatency;
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, TimeSpan.Zero);
        Server = server;
        Latency = ahead;
        _nextNode = firstNodeId - 1;
        _clock = clock ?? TimeProvider.System;
        _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 100 };
        _socket.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        _receiver = new Thread(Receive) { IsBackground = true, Name = "scsynth replies" };
        _receiver.Start();
    }

    /// <summary>Raised on the receive thread for every node notification.</summary>
    public event Action<ScsynthNodeEvent>? NodeEvent;

    /// <summary>scsynth's address.</summary>
    public IPEndPoint Server { get; }

    /// <summary>The local address replies come back to.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>How far ahead timed commands are stamped.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Nodes scsynth reported started (<c>/n_go</c>).</summary>
    public long NodesStarted => Interlocked.Read(ref _started);

    /// <summary>Nodes scsynth reported ended (<c>/n_end</c>).</summary>
    public long NodesEnded => Interlocked.Read(ref _ended);

    /// <summary><c>/fail</c> replies received.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last <c>/fail</c> reply as "command: error"; null when there was none.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Packets from the server that did not decode (counted, not thrown).</summary>
    public long MalformedReplies => Interlocked.Read(ref _malformed);

    /// <summary>Ids of the nodes alive now (started and not yet ended), as far as notifications tell.</summary>
    public IReadOnlyCollection<int> LiveNodes => [.. _live.Keys];

    /// <summary>A fresh node id.</summary>
    public int AllocateNodeId() => Interlocked.Increment(ref _nextNode);

    /// <summary>Reserves <paramref name="count"/> consecutive fresh node ids and returns the first.</summary>
    public int AllocateNodeIds(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Interlocked.Add(ref _nextNode, count) - count + 1;
    }

    /// <summary>The time tag <see cref="Latency"/> from now.</summary>
    public OscTimeTag Ahead() => OscTimeTag.FromDateTimeOffset(_clock.GetUtcNow() + Latency);

    /// <summary>Asks for the server's status.</summary>
    /// <exception cref="ScsynthException">No reply within <paramref name="timeout"/>.</exception>
    public async Task<ScsynthStatus> StatusAsync(TimeSpan timeout)
    {
        OscMessage reply = await RequestAsync(new OscMessage("/status"), "/status.reply", timeout).ConfigureAwait(false);
        IReadOnlyList<OscValue> a = reply.Arguments;
        if (a.Count < 9)
        {
            throw new ScsynthException($"/status.reply has {a.Count} arguments ({reply.TypeTags}); expected 9 (iiiiiffdd).");
        }

        return new ScsynthStatus(a[1].AsInt32(), a[2].AsInt32(), a[3].AsInt32(), a[4].AsInt32(), Number(a[5]), Number(a[6]), Double(a[7]), Double(a[8]));
    }

    /// <summary>Turns node notifications on or off for this client (<c>/notify</c>).</summary>
    public Task NotifyAsync(bool on, TimeSpan timeout) =>
        RequestAsync(new OscMessage("/notify", on ? 1 : 0), "/done:/notify", timeout);

    /// <summary>Waits until scsynth has finished every asynchronous command sent before (<c>/sync</c>).</summary>
    public Task SyncAsync(TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _nextSync);
        return RequestAsync(new OscMessage("/sync", id), "/synced:" + id, timeout);
    }

    /// <summary>Sends SynthDefs (<c>/d_recv</c>) and waits until scsynth has loaded them.</summary>
    public Task LoadSynthDefsAsync(IReadOnlyList<SynthDef> defs, TimeSpan timeout) =>
        RequestAsync(new OscMessage("/d_recv", OscValue.Blob(SynthDefFile.Write(defs))), "/done:/d_recv", timeout);

    /// <summary>Creates a group (<c>/g_new id addAction target</c>) now.</summary>
    public void NewGroup(int id, int addAction = 0, int target = 0) => Send(new OscMessage("/g_new", id, addAction, target));

    /// <summary>Starts a synth (<c>/s_new</c>), now or at <paramref name="at"/>.</summary>
    /// <param name="def">SynthDef name.</param>
    /// <param name="node">Node id (from <see cref="AllocateNodeId"/>).</param>
    /// <param name="addAction">0 head, 1 tail, 2 before, 3 after, 4 replace.</param>
    /// <param name="target">Target group or node.</param>
    /// <param name="controls">Initial control values by name.</param>
    /// <param name="at">When scsynth should start it; now when null.</param>
    public void NewSynth(string def, int node, int addAction, int target, IEnumerable<(string Name, float Value)>? controls = null, OscTimeTag? at = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(def);
        var args = new List<OscValue> { def, node, addAction, target };
        foreach ((string name, float value) in controls ?? [])
        {
            args.Add(name);
            args.Add(value);
        }

        Send(new OscMessage("/s_new", args), at);
    }

    /// <summary>Sets controls of a node (<c>/n_set</c>), now or at <paramref name="at"/>.</summary>
    public void Set(int node, IEnumerable<(string Name, float Value)> controls, OscTimeTag? at = null)
    {
        ArgumentNullException.ThrowIfNull(controls);
        var args = new List<OscValue> { node };
        foreach ((string name, float value) in controls)
        {
            args.Add(name);
            args.Add(value);
        }

        Send(new OscMessage("/n_set", args), at);
    }

    /// <summary>Frees nodes (<c>/n_free</c>), now or at <paramref name="at"/>.</summary>
    public void Free(int node, OscTimeTag? at = null) => Send(new OscMessage("/n_free", node), at);

    /// <summary>Sends a message now, or in a bundle stamped <paramref name="at"/>.</summary>
    public void Send(OscMessage message, OscTimeTag? at = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        OscPacket packet = at is { } time ? new OscBundle(time, message) : message;
        _socket.SendTo(packet.ToArray(), Server);
    }

    /// <summary>Sends a bundle as it is.</summary>
    public void Send(OscBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _socket.SendTo(bundle.ToArray(), Server);
    }

    /// <summary>Stops the receive thread and closes the socket (scsynth keeps running).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _receiver.Join(TimeSpan.FromSeconds(2));
        _socket.Dispose();
        foreach (TaskCompletionSource<OscMessage> waiter in _waiters.Values)
        {
            waiter.TrySetCanceled();
        }
    }

    private async Task<OscMessage> RequestAsync(OscMessage message, string key, TimeSpan timeout)
    {
        var waiter = new TaskCompletionSource<OscMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiters.TryAdd(key, waiter))
        {
            throw new InvalidOperationException($"a {message.Address} request is already waiting for its reply.");
        }

        try
        {
            Send(message);
            try
            {
                return await waiter.Task.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new ScsynthException($"scsynth at {Server} did not answer {message.Address} within {timeout.TotalMilliseconds:0} ms (is it running on that UDP port?).", e);
            }
        }
        finally
        {
            _waiters.TryRemove(key, out _);
        }
    }

    private void Receive()
    {
        var buffer = new byte[65536];
        EndPoint from = new IPEndPoint(Server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_disposed)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.ConnectionReset or SocketError.Interrupted)
            {
                continue;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            OscPacket packet;
            try
            {
                packet = OscPacket.Decode(buffer.AsSpan(0, length));
            }
            catch (OscFormatException)
            {
                Interlocked.Increment(ref _malformed);
                continue;
            }

            foreach (OscTimedMessage timed in packet.EnumerateMessages())
            {
                Handle(timed.Message);
            }
        }
    }

    private void Handle(OscMessage reply)
    {
        IReadOnlyList<OscValue> a = reply.Arguments;
        switch (reply.Address)
        {
            case "/done" when a.Count > 0 && a[0].Type is OscTypeTag.String or OscTypeTag.Symbol:
                Complete("/done:" + a[0].AsString(), reply);
                break;
            case "/synced" when a.Count > 0 && a[0].Type == OscTypeTag.Int32:
                Complete("/synced:" + a[0].AsInt32(), reply);
                break;
            case "/status.reply":
                Complete("/status.reply", reply);
                break;
            case "/fail":
                Interlocked.Increment(ref _failures);
                string command = a.Count > 0 && a[0].Type is OscTypeTag.String or OscTypeTag.Symbol ? a[0].AsString() : "?";
                string error = a.Count > 1 && a[1].Type is OscTypeTag.String or OscTypeTag.Symbol ? a[1].AsString() : "no reason given";
                LastFailure = $"{command}: {error}";
                if (_waiters.TryGetValue("/done:" + command, out TaskCompletionSource<OscMessage>? waiter))
                {
                    waiter.TrySetException(new ScsynthException($"scsynth failed {command}: {error}"));
                }

                break;
            case "/n_go" or "/n_end" or "/n_off" or "/n_on" or "/n_move" when a.Count >= 5 && a[0].Type == OscTypeTag.Int32:
                int node = a[0].AsInt32();
                if (reply.Address == "/n_go")
                {
                    _live[node] = true;
                    Interlocked.Increment(ref _started);
                }
                else if (reply.Address == "/n_end")
                {
                    _live.TryRemove(node, out _);
                    Interlocked.Increment(ref _ended);
                }

                NodeEvent?.Invoke(new ScsynthNodeEvent(reply.Address, node, a[1].AsInt32(), a[4].AsInt32() == 1));
                break;
        }
    }

    private void Complete(string key, OscMessage reply)
    {
        if (_waiters.TryGetValue(key, out TaskCompletionSource<OscMessage>? waiter))
        {
            waiter.TrySetResult(reply);
        }
    }

    private static float Number(OscValue v) => v.Type switch
    {
        OscTypeTag.Float32 => v.AsFloat32(),
        OscTypeTag.Double => (float)v.AsDouble(),
        OscTypeTag.Int32 => v.AsInt32(),
        _ => float.NaN,
    };

    private static double Double(OscValue v) => v.Type == OscTypeTag.Double ? v.AsDouble() : Number(v);
}
