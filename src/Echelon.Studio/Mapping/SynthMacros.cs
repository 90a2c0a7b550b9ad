namespace Echelon.Studio.Mapping;

/// <summary>
/// The synth's macro parameters as mappings set them, each 0–1, and what the audio pipeline makes of them:
/// <see cref="Cutoff"/> the master low-pass, 200 Hz × 100^u (1 = 20 kHz, open); <see cref="Resonance"/> its
/// resonance 0.1 + 0.8u; <see cref="Reverb"/> the reverb mix 0.4u (0.3 = the render's 0.12); <see cref="Delay"/>
/// the melody's echo send 0.5u (0.44 = the render's 0.22); <see cref="Gain"/> the master gain 2u (0.5 = unity).
/// </summary>
public readonly record struct SynthMacros(double Cutoff, double Resonance, double Reverb, double Delay, double Gain)
{
    /// <summary>As <c>echelon render</c> plays: filter open, no resonance, reverb 0.12, echo send 0.22, unity gain.</summary>
    public static SynthMacros Default => new(1, 0, 0.3, 0.44, 0.5);

    /// <summary>The master low-pass cutoff, Hz.</summary>
    public double CutoffHz => 200 * Math.Pow(100, Math.Clamp(Cutoff, 0, 1));

    /// <summary>The filter's resonance 0.1–0.9.</summary>
    public double FilterResonance => 0.1 + (0.8 * Math.Clamp(Resonance, 0, 1));

    /// <summary>The reverb's wet mix 0–0.4.</summary>
    public double ReverbMix => 0.4 * Math.Clamp(Reverb, 0, 1);

    /// <summary>The melody's echo send 0–0.5.</summary>
    public double EchoSend => 0.5 * Math.Clamp(Delay, 0, 1);

    /// <summary>The master gain 0–2.</summary>
    public double MasterGain => 2 * Math.Clamp(Gain, 0, 1);
}
