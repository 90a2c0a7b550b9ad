namespace Echelon.Audio.Analysis;

/// <summary>One frame's pitch: the fundamental in Hz, how periodic the frame was, and the voicing decision.</summary>
/// <param name="FrequencyHz">The fundamental, Hz; the best candidate even when unvoiced, 0 when silent.</param>
/// <param name="Confidence">1 − YIN's aperiodicity at the chosen period, 0–1; 0 when silent.</param>
/// <param name="Voiced">True when the frame is loud enough and periodic enough to carry a pitch.</param>
public readonly record struct PitchEstimate(double FrequencyHz, double Confidence, bool Voiced)
{
    /// <summary>A silent frame: no pitch, no confidence.</summary>
    public static PitchEstimate Silent => default;

    /// <summary>The pitch as a MIDI note number with a fraction (69 = A4 = 440 Hz); NaN when there is no frequency.</summary>
    public double MidiNote => FrequencyHz > 0 ? 69 + (12 * Math.Log2(FrequencyHz / 440.0)) : double.NaN;
}
