using Echelon.Audio.Dsp;
using Echelon.Audio.Instruments;
using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;

namespace Echelon.Studio.Render;

/// <summary>The default instruments, one per agent in <see cref="Arrangement.Agents"/> order.</summary>
public static class Band
{
    /// <summary>Creates the five instruments: drum kit, bass, pad, lead, and ambient percussion (soft kit + swells).</summary>
    public static IInstrument[] Create() =>
    [
        new DrumKit(0.8f),
        new PolySynth(
            new SynthPatch
            {
                Wave1 = OscillatorWaveform.Saw,
                Wave2 = OscillatorWaveform.Square,
                Octave2 = -1,
                DetuneCents = 0,
                Mix2 = 0.6f,
                CutoffHz = 250,
                CutoffVelocityHz = 700,
                KeyTracking = 0.3,
                Resonance = 1.1,
                Attack = 0.003,
                Decay = 0.25,
                Sustain = 0.6,
                Release = 0.08,
                Gain = 0.3f,
            },
            voices: 2),
        new PolySynth(
            new SynthPatch
            {
                DetuneCents = 9,
                Mix2 = 0.8f,
                CutoffHz = 700,
                CutoffVelocityHz = 900,
                Attack = 0.25,
                Decay = 0.6,
                Sustain = 0.8,
                Release = 0.6,
                Gain = 0.07f,
            },
            voices: 10,
            pan: 0.15f),
        // The lead is nearly a sine (triangle plus a quiet octave sine): few harmonics, so its pitch is unambiguous.
        new PolySynth(
            new SynthPatch
            {
                Wave1 = OscillatorWaveform.Triangle,
                Wave2 = OscillatorWaveform.Sine,
                Octave2 = 1,
                DetuneCents = 0,
                Mix2 = 0.15f,
                CutoffHz = 2500,
                CutoffVelocityHz = 1500,
                KeyTracking = 1.0,
                Resonance = 0.7,
                Attack = 0.008,
                Decay = 0.15,
                Sustain = 0.8,
                Release = 0.1,
                Gain = 0.22f,
            },
            voices: 2,
            pan: -0.1f),
        new KeySplit(
            new DrumKit(0.3f),
            new PolySynth(
                new SynthPatch
                {
                    DetuneCents = 12,
                    Mix2 = 0.7f,
                    CutoffHz = 500,
                    CutoffVelocityHz = 600,
                    Attack = 1.2,
                    Decay = 0.5,
                    Sustain = 0.9,
                    Release = 1.5,
                    Gain = 0.045f,
                },
                voices: 6,
                pan: -0.2f),
            PercussionAgent.LowestSwellNote),
    ];
}
