namespace Echelon.Audio.Dsp;

/// <summary>The waveforms of <see cref="PolyBlepOscillator"/>.</summary>
public enum OscillatorWaveform
{
    /// <summary>A pure sine.</summary>
    Sine,

    /// <summary>A rising sawtooth: all harmonics at 1/k.</summary>
    Saw,

    /// <summary>A pulse with <see cref="PolyBlepOscillator.PulseWidth"/>; a square at 0.5 (odd harmonics at 1/k).</summary>
    Square,

    /// <summary>A triangle: odd harmonics at 1/k².</summary>
    Triangle,
}
