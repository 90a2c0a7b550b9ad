using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;

namespace Echelon.Studio.Osc;

/// <summary>
/// Phones, watches and camera apps sending OSC over UDP as a motion source (<c>osc:PORT</c>): packets
/// from an <see cref="OscUdpReceiver"/> are decoded by <see cref="OscSensorDecoder"/>; bundles are opened
/// and every message in them is read. <see cref="TryRead"/> waits for the next frame and returns false
/// once <see cref="Stop"/> is called or the optional duration has passed.
/// </summary>
/// <remarks>
/// The devices are those seen so far (the list grows as apps start sending). Packets that do not decode
/// are counted in <see cref="MalformedPackets"/>, unknown addresses in <see cref="UnknownMessages"/>,
/// unusable sensor messages in <see cref="RejectedFrames"/>; none of them stops the source. Host times
/// count nanoseconds from the source's creation, or come from the clock given to <see cref="UseClock"/> (the
/// studio's engine clock). Single consumer.
/// </remarks>
public sealed class OscSensorSource : ILiveSensorSource
{
    private readonly OscUdpReceiver _receiver;
    private readonly OscSensorDecoder _decoder = new();
    private readonly Queue<SensorFrame> _ready = new();
    private readonly byte[] _packet;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan? _duration;
    private volatile bool _stopped;
    private Func<long>? _hostClock;
    private long _malformed;

    /// <summary>Listens on UDP <paramref name="port"/> (0 picks a free one: see <see cref="Port"/>).</summary>
    /// <param name="port">UDP port; phone apps default to 8000 (TouchOSC), 50000 (ZIG SIM) or 6448 (Wekinator).</param>
    /// <param name="duration">Stop by itself after this long; never when null.</param>
    public OscSensorSource(int port, TimeSpan? duration = null)
    {
        _receiver = new OscUdpReceiver(port);
        _packet = new byte[_receiver.Options.MaxPacketSize];
        _duration = duration;
    }

    /// <inheritdoc/>
    public string Name => $"osc:{Port}";

    /// <summary>The UDP port listened on.</summary>
    public int Port => _receiver.LocalEndPoint.Port;

    /// <inheritdoc/>
    public IReadOnlyList<SensorDevice> Devices =>
        [.. _decoder.Devices.Select(d => new SensorDevice(
            d.Key,
            d.Value == OscSensorConvention.EchelonPose ? SensorKind.Pose : SensorKind.Imu,
            d.Value == OscSensorConvention.EchelonPose ? 30 : 100,
            $"OSC {d.Value}"))];

    /// <inheritdoc/>
    public long RejectedFrames => _decoder.Rejected;

    /// <summary>Messages whose address matched no sensor convention.</summary>
    public long UnknownMessages => _decoder.Unknown;

    /// <summary>Packets that were not valid OSC.</summary>
    public long MalformedPackets => Interlocked.Read(ref _malformed);

    /// <summary>Packets the receiver dropped because its queue was full.</summary>
    public long DroppedPackets => _receiver.DroppedCount;

    /// <summary>Why the last sensor message was rejected.</summary>
    public string? LastProblem => _decoder.LastProblem;

    /// <inheritdoc/>
    public void UseClock(Func<long> hostClockNs)
    {
        ArgumentNullException.ThrowIfNull(hostClockNs);
        Volatile.Write(ref _hostClock, hostClockNs);
    }

    /// <inheritdoc/>
    void ILiveSensorSource.StopReading() => Stop();

    /// <summary>Makes <see cref="TryRead"/> return false (from any thread).</summary>
    public void Stop() => _stopped = true;

    /// <inheritdoc/>
    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        while (true)
        {
            if (_ready.TryDequeue(out frame))
            {
                return true;
            }

            TimeSpan left = _duration is { } d ? d - _clock.Elapsed : TimeSpan.FromMilliseconds(100);
            if (_stopped || left <= TimeSpan.Zero)
            {
                frame = null;
                return false;
            }

            if (!_receiver.WaitToRead(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100)))
            {
                continue;
            }

            while (_receiver.TryRead(_packet, out int length))
            {
                Decode(_packet.AsSpan(0, length));
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopped = true;
        _receiver.Dispose();
    }

    private void Decode(ReadOnlySpan<byte> bytes)
    {
        OscPacket packet;
        try
        {
            packet = OscPacket.Decode(bytes);
        }
        catch (OscFormatException)
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        long now = Volatile.Read(ref _hostClock) is { } host ? host() : (long)(_clock.Elapsed.TotalMilliseconds * 1e6);
        foreach (OscTimedMessage timed in packet.EnumerateMessages())
        {
            if (_decoder.TryDecode(timed.Message, now, out SensorFrame? frame) && frame is not null)
            {
                _ready.Enqueue(frame);
            }
        }
    }
}
