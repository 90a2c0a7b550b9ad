namespace Echelon.Core.Signals;

/// <summary>Settings of a <see cref="RhythmicTestSignal"/>.</summary>
public sealed record RhythmicSignalOptions
{
    /// <summary>Nominal tempo (the transport's), beats per minute.</summary>
    public double Bpm { get; init; } = 120.0;

    /// <summary>Frames per second.</summary>
    public double FrameRate { get; init; } = 100.0;

    /// <summary>Stream length in seconds.</summary>
    public double Seconds { get; init; } = 30.0;

    /// <summary>Input vector size (Dynamics128 by default).</summary>
    public int InputSize { get; init; } = 128;

    /// <summary>Seed of every random choice.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Each beat's length varies uniformly within ±this fraction of the nominal period.</summary>
    public double TempoJitter { get; init; } = 0.02;

    /// <summary>Standard deviation of the Gaussian sensor noise on every slot.</summary>
    public double NoiseStd { get; init; } = 0.05;

    /// <summary>First beat of the scripted sensor dropout, or −1 for none.</summary>
    public int DropoutStartBeat { get; init; } = -1;

    /// <summary>Length of the dropout in beats.</summary>
    public double DropoutBeats { get; init; } = 2.0;

    /// <summary>Slots that carry the onset-strength pulse and the motion energy.</summary>
    public IReadOnlyList<int> RhythmSlots { get; init; } = [96, 101];
}
