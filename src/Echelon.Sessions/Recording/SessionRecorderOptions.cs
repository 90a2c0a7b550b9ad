using System.Reflection;

namespace Echelon.Sessions.Recording;

/// <summary>What a <see cref="SessionRecorder"/> records and how.</summary>
/// <remarks>Plain settings; <see cref="SessionRecorder.Create"/> checks them.</remarks>
public sealed class SessionRecorderOptions
{
    /// <summary>Shortest allowed <see cref="FlushInterval"/>.</summary>
    public static readonly TimeSpan MinFlushInterval = TimeSpan.FromMilliseconds(1);

    /// <summary>Longest allowed <see cref="FlushInterval"/>.</summary>
    public static readonly TimeSpan MaxFlushInterval = TimeSpan.FromSeconds(10);

    /// <summary>Largest allowed <see cref="Capacity"/>.</summary>
    public const int MaxCapacity = 1 << 24;

    /// <summary>The session id; null for the folder's name.</summary>
    public string? SessionId { get; init; }

    /// <summary>The devices whose frames are recorded, one <c>sensors.&lt;id&gt;</c> stream each.</summary>
    public IReadOnlyList<SessionDevice> Devices { get; init; } = [];

    /// <summary>
    /// The Dynamics128 streams, declared without counts, named <c>dynamics128</c> or
    /// <c>dynamics128.&lt;variant&gt;</c>: e.g. <c>new SessionStreamInfo("dynamics128", builderId, 100)</c>.
    /// </summary>
    public IReadOnlyList<SessionStreamInfo> Dynamics128Streams { get; init; } = [];

    /// <summary>The producer written for every sensor stream (the source's name, e.g. <c>synthetic</c>).</summary>
    public string SensorProducer { get; init; } = "sensors";

    /// <summary>The software version written into the manifest; the Echelon.Sessions version by default.</summary>
    public string SoftwareVersion { get; init; } = DefaultSoftwareVersion;

    /// <summary>A hash of the configuration the session runs with (empty when there is none).</summary>
    public string ConfigHash { get; init; } = string.Empty;

    /// <summary>
    /// Longest time a record waits before it is written to the operating system (default 100 ms). A
    /// <c>kill -9</c> loses at most this much; a power cut may lose more (the OS's own cache).
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Records the queue holds between two flushes (default 16384); when it is full a new record is
    /// dropped and counted. Size it for the peak record rate times <see cref="FlushInterval"/>, with room
    /// to spare: 1,000 vectors/s plus three 100 Hz devices fill 130 places per 100 ms.
    /// </summary>
    public int Capacity { get; init; } = 16384;

    /// <summary>Clock for the creation time and the flush timer.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    private static string DefaultSoftwareVersion =>
        typeof(SessionRecorderOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SessionRecorderOptions).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
