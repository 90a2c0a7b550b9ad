namespace Echelon.Studio.Web;

/// <summary>What the web host counts about its own clients, for <c>/metrics</c> and the dashboard. Thread-safe (interlocked).</summary>
internal sealed class WebCounters
{
    private long _audioPackets;
    private int _telemetryClients;
    private long _telemetryMessages;
    private int _sensorClients;
    private long _sensorMessages;
    private long _sensorRejected;
    private long _sensorDropped;
    private long _tokenRejected;

    /// <summary>When the host was built (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long Started { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public long AudioPackets => Interlocked.Read(ref _audioPackets);

    public int TelemetryClients => Volatile.Read(ref _telemetryClients);

    public long TelemetryMessages => Interlocked.Read(ref _telemetryMessages);

    public int SensorClients => Volatile.Read(ref _sensorClients);

    /// <summary>Sensor messages accepted (valid and handed to the engine, queued or not).</summary>
    public long SensorMessages => Interlocked.Read(ref _sensorMessages);

    /// <summary>Sensor messages refused as malformed or out of range (each answered with an error message).</summary>
    public long SensorRejected => Interlocked.Read(ref _sensorRejected);

    /// <summary>Valid sensor frames the engine's queue dropped.</summary>
    public long SensorDropped => Interlocked.Read(ref _sensorDropped);

    /// <summary>Requests and sockets refused for a missing or wrong pairing token.</summary>
    public long TokenRejected => Interlocked.Read(ref _tokenRejected);

    public void AudioPacketSent() => Interlocked.Increment(ref _audioPackets);

    public void TelemetryClientOpened() => Interlocked.Increment(ref _telemetryClients);

    public void TelemetryClientClosed() => Interlocked.Decrement(ref _telemetryClients);

    public void TelemetryMessageSent() => Interlocked.Increment(ref _telemetryMessages);

    public void SensorClientOpened() => Interlocked.Increment(ref _sensorClients);

    public void SensorClientClosed() => Interlocked.Decrement(ref _sensorClients);

    public void SensorMessageAccepted() => Interlocked.Increment(ref _sensorMessages);

    public void SensorMessageRejected() => Interlocked.Increment(ref _sensorRejected);

    public void SensorFrameDropped() => Interlocked.Increment(ref _sensorDropped);

    public void TokenRefused() => Interlocked.Increment(ref _tokenRejected);
}
