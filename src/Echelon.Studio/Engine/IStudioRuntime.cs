namespace Echelon.Studio.Engine;

/// <summary>
/// What the web host needs from the running instrument: its controls, telemetry, devices and counters, the sensor
/// ingress, the recorder and the recorded sessions. The audio stream has its own type (see the web host).
/// </summary>
/// <remarks>Every member is safe to call from I/O threads, concurrently; none blocks the audio or control thread.</remarks>
public interface IStudioRuntime
{
    /// <summary>The controls in force.</summary>
    StudioControls Controls { get; }

    /// <summary>Replaces the controls (already validated); the control thread takes them at its next frame.</summary>
    void SetControls(StudioControls controls);

    /// <summary>Copies the newest telemetry into <paramref name="target"/>; false when there is none yet.</summary>
    bool TryReadTelemetry(TelemetrySnapshot target);

    /// <summary>A snapshot sized for this runtime's latents, to pass to <see cref="TryReadTelemetry"/>.</summary>
    TelemetrySnapshot CreateTelemetrySnapshot();

    /// <summary>Every device seen or registered.</summary>
    IReadOnlyList<DeviceStatus> Devices { get; }

    /// <summary>Where network sensors send frames.</summary>
    ISensorIngress Sensors { get; }

    /// <summary>The counters now.</summary>
    EngineCounters Counters { get; }

    /// <summary>The recorder's state.</summary>
    RecorderStatus Recorder { get; }

    /// <summary>Starts recording a new take (a no-op returning the current state when already recording).</summary>
    RecorderStatus StartRecording();

    /// <summary>Stops and closes the take (a no-op when not recording).</summary>
    RecorderStatus StopRecording();

    /// <summary>The sessions in the recordings folder, newest first.</summary>
    IReadOnlyList<SessionSummary> ListSessions();
}
