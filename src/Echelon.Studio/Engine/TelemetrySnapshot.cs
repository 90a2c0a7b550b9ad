namespace Echelon.Studio.Engine;

/// <summary>
/// The control state one control frame leaves behind, for the dashboard and <c>/ws/telemetry</c>: the latents,
/// phases, coupling, solver effort (with every frame's k_used counted since start), tempo, composer controls and the
/// output and per-stem levels. Preallocated and filled in place by the control thread (no allocation per frame);
/// readers get a copy through <see cref="IStudioRuntime.TryReadTelemetry"/>.
/// </summary>
/// <remarks>Not thread-safe by itself: one writer or one reader at a time, which the runtime's triple buffer guarantees.</remarks>
public sealed class TelemetrySnapshot
{
    /// <summary>
    /// Creates a snapshot with room for latents of the given sizes and a k_used histogram of 0 to
    /// <paramref name="maxIterations"/> (the fast solver's most iterations).
    /// </summary>
    public TelemetrySnapshot(int fastSize, int slowSize, int maxIterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations);
        Fast = new double[fastSize];
        Slow = new double[slowSize];
        KUsedHistogram = new long[maxIterations + 1];
    }

    /// <summary>Control frame number, from 0.</summary>
    public long Frame { get; set; }

    /// <summary>Engine time of the frame, seconds since start.</summary>
    public double TimeSeconds { get; set; }

    /// <summary>The fast equilibrium x* (per frame).</summary>
    public double[] Fast { get; }

    /// <summary>The slow equilibrium y* (per beat).</summary>
    public double[] Slow { get; }

    /// <summary>The dancer's phase ψ from the phase head and loop, radians.</summary>
    public double Psi { get; set; }

    /// <summary>The transport's beat phase θ, radians.</summary>
    public double Theta { get; set; }

    /// <summary>Coupling energy φ between the fast and slow states.</summary>
    public double Phi { get; set; }

    /// <summary>Iterations the fast solve used this frame.</summary>
    public int KUsed { get; set; }

    /// <summary>Iteration cap in force this frame (lowered when frames overrun).</summary>
    public int KMax { get; set; }

    /// <summary>
    /// Control frames by the iterations their fast solve used, since the engine started: entry k counts the frames
    /// with k_used = k (0: no input, nothing solved). Exact, every frame counted; the entries add up to
    /// <see cref="Frame"/> + 1. Its length is the fast solver's most iterations + 1.
    /// </summary>
    public long[] KUsedHistogram { get; }

    /// <summary>The fast solve's last relative residual.</summary>
    public double Residual { get; set; }

    /// <summary>The transport's tempo, BPM.</summary>
    public double Bpm { get; set; }

    /// <summary>The tempo the transport is steering towards (the dancer's, when following), BPM.</summary>
    public double TargetBpm { get; set; }

    /// <summary>The dancer's tempo estimate, BPM (0 when unknown).</summary>
    public double DancerBpm { get; set; }

    /// <summary>Composer intensity 0–1 after mapping.</summary>
    public double Intensity { get; set; }

    /// <summary>Composer density 0–1 after mapping.</summary>
    public double Density { get; set; }

    /// <summary>Composer brightness 0–1 after mapping.</summary>
    public double Brightness { get; set; }

    /// <summary>Composer tension 0–1 after mapping.</summary>
    public double Tension { get; set; }

    /// <summary>Output peak over the last frame, dBFS (−120 when silent).</summary>
    public double PeakDbfs { get; set; }

    /// <summary>Output RMS over the last frame, dBFS (−120 when silent).</summary>
    public double RmsDbfs { get; set; }

    /// <summary>
    /// Each stem's peak over the last frame, dBFS (−120 when silent, muted included), in
    /// <see cref="StudioControls.AgentNames"/> order: the stem as it enters the mix, after the agent's gain and before
    /// the master filter, gain and bus.
    /// </summary>
    public double[] StemPeakDbfs { get; } = new double[StudioControls.AgentNames.Count];

    /// <summary>Each stem's RMS over the last frame, dBFS (−120 when silent), like <see cref="StemPeakDbfs"/>.</summary>
    public double[] StemRmsDbfs { get; } = new double[StudioControls.AgentNames.Count];

    /// <summary>Samples the audio output has rendered.</summary>
    public long AudioPosition { get; set; }

    /// <summary>Most mappings whose outputs a snapshot carries.</summary>
    public const int MaxMappings = 64;

    /// <summary>Each mapping's smoothed output, in mapping order (the first <see cref="MappingCount"/> are in use).</summary>
    public double[] MappingOutputs { get; } = new double[MaxMappings];

    /// <summary>How many of <see cref="MappingOutputs"/> are in use.</summary>
    public int MappingCount { get; set; }

    /// <summary>Copies every field into <paramref name="target"/> (same latent and histogram sizes).</summary>
    public void CopyTo(TelemetrySnapshot target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Fast.CopyTo(target.Fast, 0);
        Slow.CopyTo(target.Slow, 0);
        target.Frame = Frame;
        target.TimeSeconds = TimeSeconds;
        target.Psi = Psi;
        target.Theta = Theta;
        target.Phi = Phi;
        target.KUsed = KUsed;
        target.KMax = KMax;
        KUsedHistogram.CopyTo(target.KUsedHistogram, 0);
        target.Residual = Residual;
        target.Bpm = Bpm;
        target.TargetBpm = TargetBpm;
        target.DancerBpm = DancerBpm;
        target.Intensity = Intensity;
        target.Density = Density;
        target.Brightness = Brightness;
        target.Tension = Tension;
        target.PeakDbfs = PeakDbfs;
        target.RmsDbfs = RmsDbfs;
        StemPeakDbfs.CopyTo(target.StemPeakDbfs, 0);
        StemRmsDbfs.CopyTo(target.StemRmsDbfs, 0);
        target.AudioPosition = AudioPosition;
        target.MappingCount = MappingCount;
        MappingOutputs.AsSpan(0, MappingCount).CopyTo(target.MappingOutputs);
    }
}
