namespace Echelon.Motion.Dynamics;

/// <summary>Settings of <see cref="MotionRhythm"/>.</summary>
public sealed record MotionRhythmOptions
{
    /// <summary>Rate at which <see cref="MotionRhythm.Update"/> is called (the control rate), Hz.</summary>
    public double FrameRateHz { get; init; } = 100.0;

    /// <summary>Slowest tempo considered, BPM.</summary>
    public double MinTempoBpm { get; init; } = 40.0;

    /// <summary>Fastest tempo considered, BPM.</summary>
    public double MaxTempoBpm { get; init; } = 200.0;

    /// <summary>Centre of the log-normal tempo prior, BPM (resolves octave ambiguity).</summary>
    public double PriorTempoBpm { get; init; } = 120.0;

    /// <summary>Width of the tempo prior, octaves (one standard deviation).</summary>
    public double PriorWidthOctaves { get; init; } = 1.0;

    /// <summary>Memory of the running autocorrelation, seconds (exponential time constant).</summary>
    public double MemorySeconds { get; init; } = 6.0;

    /// <summary>Seconds of signal before tempo and phase are reported.</summary>
    public double WarmUpSeconds { get; init; } = 3.0;

    /// <summary>Phase resonator time constant per stage, beats.</summary>
    public double PhaseResonatorBeats { get; init; } = 0.5;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        Check(FrameRateHz is >= 10 and <= 2000, nameof(FrameRateHz), FrameRateHz, "10–2000 Hz");
        Check(MinTempoBpm is >= 20 and <= 300, nameof(MinTempoBpm), MinTempoBpm, "20–300 BPM");
        Check(MaxTempoBpm > MinTempoBpm && MaxTempoBpm <= 400, nameof(MaxTempoBpm), MaxTempoBpm, "above MinTempoBpm and at most 400 BPM");
        Check(PriorTempoBpm >= MinTempoBpm && PriorTempoBpm <= MaxTempoBpm, nameof(PriorTempoBpm), PriorTempoBpm, "between MinTempoBpm and MaxTempoBpm");
        Check(PriorWidthOctaves is > 0 and <= 10, nameof(PriorWidthOctaves), PriorWidthOctaves, "in (0, 10] octaves");
        Check(MemorySeconds is > 0.5 and <= 120, nameof(MemorySeconds), MemorySeconds, "in (0.5, 120] s");
        Check(WarmUpSeconds is >= 0 and <= 60, nameof(WarmUpSeconds), WarmUpSeconds, "in [0, 60] s");
        Check(PhaseResonatorBeats is > 0 and <= 16, nameof(PhaseResonatorBeats), PhaseResonatorBeats, "in (0, 16] beats");
    }

    private static void Check(bool ok, string name, double value, string allowed)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {allowed}.");
        }
    }
}
