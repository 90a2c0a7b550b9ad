using Echelon.Music.Theory;

namespace Echelon.Music.Composition;

/// <summary>What to compose: tempo, key, meter, length, seed and the control states over time.</summary>
public sealed record ArrangementOptions
{
    /// <summary>Tempo, 40–200 BPM.</summary>
    public double Bpm { get; init; } = 120.0;

    /// <summary>The key.</summary>
    public Scale Scale { get; init; } = new(0, Mode.Aeolian);

    /// <summary>Beats per bar, 1–16.</summary>
    public int BeatsPerBar { get; init; } = 4;

    /// <summary>Length in seconds (&gt; 0, ≤ 3600).</summary>
    public double Seconds { get; init; } = 30.0;

    /// <summary>Sample rate of the note times.</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Seed of the progression and every agent.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The control state over time.</summary>
    public ControlScript Control { get; init; } = ControlScript.Constant(ControlState.Default);

    /// <summary>The default <see cref="LeadInSeconds"/>: 20 ms.</summary>
    public const double DefaultLeadInSeconds = 0.02;

    /// <summary>
    /// Silence before the first downbeat, seconds (0–1; default 20 ms): every bar starts this much later and the
    /// piece still ends at <see cref="Seconds"/>. Rendered tracks start with a short pre-roll rather than a
    /// kick on sample 0; it is also what lets aubio's beat tracker, at 48 kHz with its 512-sample hop, read 150 BPM
    /// as 150 instead of 153 (docs/architecture/0006).
    /// </summary>
    public double LeadInSeconds { get; init; } = DefaultLeadInSeconds;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the field and the allowed range.</summary>
    public void Validate()
    {
        if (!Transport.Bpm.IsValid(Bpm))
        {
            throw new ArgumentOutOfRangeException(Transport.Bpm.FieldName, Bpm, $"bpm must be {Transport.Bpm.AllowedRange}.");
        }

        if (!(BeatsPerBar is >= 1 and <= 16))
        {
            throw new ArgumentOutOfRangeException("beats_per_bar", BeatsPerBar, "beats per bar must be 1–16.");
        }

        if (!(Seconds is > 0 and <= 3600))
        {
            throw new ArgumentOutOfRangeException("seconds", Seconds, "seconds must be in (0, 3600].");
        }

        if (!(SampleRate is >= 8000 and <= 192_000))
        {
            throw new ArgumentOutOfRangeException("sample_rate", SampleRate, "sample rate must be 8000–192000 Hz.");
        }

        if (!(LeadInSeconds is >= 0 and <= 1) || LeadInSeconds >= Seconds)
        {
            throw new ArgumentOutOfRangeException("lead_in", LeadInSeconds, "the lead-in must be 0–1 s and shorter than the piece.");
        }

        ArgumentNullException.ThrowIfNull(Control);
    }
}
