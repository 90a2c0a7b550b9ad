using Echelon.Music.Theory;

namespace Echelon.Music.Composition;

/// <summary>
/// What an agent needs to compose one bar ahead of time: where the bar starts (sample index), how
/// many samples a beat lasts at this bar's tempo, the meter, the key and this bar's chord (and the
/// next bar's, for approach notes), and the control state.
/// </summary>
public readonly record struct BarContext(
    int Bar,
    long StartSample,
    double SamplesPerBeat,
    int BeatsPerBar,
    Scale Scale,
    Chord Chord,
    Chord NextChord,
    ControlState Control,
    int SampleRate)
{
    /// <summary>Sample index of a (fractional) beat within the bar.</summary>
    public long SampleAt(double beatInBar) => StartSample + (long)Math.Round(beatInBar * SamplesPerBeat);

    /// <summary>Samples in <paramref name="beats"/> beats.</summary>
    public long Samples(double beats) => (long)Math.Round(beats * SamplesPerBeat);
}
