using Echelon.Audio.Dsp;

namespace Echelon.Audio.Instruments;

/// <summary>
/// The settings of a subtractive voice: two band-limited oscillators (the second detuned in cents
/// and mixed in), a low-pass state-variable filter whose cutoff follows the key and the velocity,
/// and an amplitude ADSR.
/// </summary>
public sealed record SynthPatch
{
    /// <summary>First oscillator's waveform.</summary>
    public OscillatorWaveform Wave1 { get; init; } = OscillatorWaveform.Saw;

    /// <summary>Second oscillator's waveform.</summary>
    public OscillatorWaveform Wave2 { get; init; } = OscillatorWaveform.Saw;

    /// <summary>Second oscillator's detune, cents.</summary>
    public double DetuneCents { get; init; } = 7.0;

    /// <summary>Second oscillator's octave offset.</summary>
    public int Octave2 { get; init; }

    /// <summary>Second oscillator's level relative to the first, 0–1.</summary>
    public float Mix2 { get; init; } = 0.5f;

    /// <summary>Filter cutoff at velocity 0, Hz.</summary>
    public double CutoffHz { get; init; } = 1200.0;

    /// <summary>Extra cutoff at full velocity, Hz.</summary>
    public double CutoffVelocityHz { get; init; } = 1500.0;

    /// <summary>Cutoff follows pitch: multiplier per octave above middle C.</summary>
    public double KeyTracking { get; init; } = 0.5;

    /// <summary>Filter resonance Q.</summary>
    public double Resonance { get; init; } = 0.8;

    /// <summary>Amplitude attack, seconds.</summary>
    public double Attack { get; init; } = 0.005;

    /// <summary>Amplitude decay, seconds.</summary>
    public double Decay { get; init; } = 0.2;

    /// <summary>Amplitude sustain level, 0–1.</summary>
    public double Sustain { get; init; } = 0.7;

    /// <summary>Amplitude release, seconds.</summary>
    public double Release { get; init; } = 0.2;

    /// <summary>Output gain.</summary>
    public float Gain { get; init; } = 0.2f;
}
