using Echelon.Motion.Dynamics;
using Echelon.Studio.Configuration;

namespace Echelon.Studio.Mapping;

/// <summary>
/// Plays a configuration's <see cref="ControlMapping"/>s once per control frame: reads each source, shapes it
/// (<see cref="ControlMapping.Shape"/>), smooths it with a one-pole filter of the mapping's time constant, and drives
/// its target. Composer controls not mapped sit at 0.5; a mapped intensity is moved by the operator's intensity
/// (base − 0.5), so the slider still works while the body plays. Synth macros are 0–1 values the audio pipeline
/// turns into its own units. MIDI and OSC targets are read per mapping by the outputs.
/// </summary>
/// <remarks>
/// Control thread only; <see cref="Evaluate"/> allocates nothing. A masked Dynamics128 slot keeps its mapping's last
/// input (a dropout holds the music where it was instead of snapping it to zero). Beat-rate mappings take a new input
/// only on beats. Replacing the mappings is a new engine built off-thread and published by reference.
/// </remarks>
public sealed class MappingEngine
{
    // What each mapping drives, resolved once from its target's name: 0–3 the composer controls in ControlState order,
    // 4–8 the synth macros, −1 MIDI and OSC (read per mapping by the outputs).
    private static readonly string[] s_targets = ["intensity", "density", "brightness", "tension", "cutoff", "resonance", "reverb", "delay", "gain"];

    private readonly ControlMapping[] _mappings;
    private readonly int[] _targets;
    private readonly bool[] _express;
    private readonly double[] _targetValues = new double[9];
    private readonly double[] _input;
    private readonly double[] _output;
    private readonly bool[] _primed;

    /// <summary>Takes <paramref name="mappings"/>; latent indices must be below the latent sizes.</summary>
    public MappingEngine(IReadOnlyList<ControlMapping> mappings, int fastSize, int slowSize)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        _mappings = [.. mappings];
        for (int i = 0; i < _mappings.Length; i++)
        {
            MappingSource source = _mappings[i].Source;
            int limit = source.Kind switch
            {
                MappingSourceKind.FastLatent => fastSize,
                MappingSourceKind.SlowLatent => slowSize,
                _ => int.MaxValue,
            };
            if (source.Index >= limit)
            {
                throw new ArgumentException($"mappings[{i}].source: {source} is out of range; the latent has {limit} coordinates (0–{limit - 1})", nameof(mappings));
            }
        }

        _targets = new int[_mappings.Length];
        for (int i = 0; i < _mappings.Length; i++)
        {
            MappingTarget target = _mappings[i].Target;
            _targets[i] = target.Kind is MappingTargetKind.Composer or MappingTargetKind.Synth ? Array.IndexOf(s_targets, target.Name) : -1;
            if (target.Kind is MappingTargetKind.Composer or MappingTargetKind.Synth && _targets[i] < 0)
            {
                throw new ArgumentException($"mappings[{i}].target: {target} is not played by the engine; allowed: composer.<{string.Join('|', s_targets[..4])}>, synth.<{string.Join('|', s_targets[4..])}>", nameof(mappings));
            }
        }

        _express = new bool[_mappings.Length];
        for (int i = 0; i < _mappings.Length; i++)
        {
            _express[i] = _targets[i] >= 4 && _mappings[i].Rate == MappingRate.Frame && _mappings[i].Source.Kind == MappingSourceKind.Slot;
        }

        HasExpressMappings = Array.IndexOf(_express, true) >= 0;
        _input = new double[_mappings.Length];
        _output = new double[_mappings.Length];
        _primed = new bool[_mappings.Length];
    }

    /// <summary>The mappings, in order.</summary>
    public IReadOnlyList<ControlMapping> Mappings => _mappings;

    /// <summary>Composer intensity after the last <see cref="Evaluate"/>, 0–1.</summary>
    public double Intensity { get; private set; }

    /// <summary>Composer density, 0–1.</summary>
    public double Density { get; private set; }

    /// <summary>Composer brightness, 0–1.</summary>
    public double Brightness { get; private set; }

    /// <summary>Composer tension, 0–1.</summary>
    public double Tension { get; private set; }

    /// <summary>The synth macros, 0–1 (<see cref="SynthMacros"/> for their defaults and meaning).</summary>
    public SynthMacros Synth { get; private set; } = SynthMacros.Default;

    /// <summary>The smoothed output of mapping <paramref name="index"/> (what MIDI and OSC targets send).</summary>
    public double Output(int index) => _output[index];

    /// <summary>Whether any mapping can answer between frames (<see cref="Preview"/>): frame rate, a Dynamics128 slot to a synth macro.</summary>
    public bool HasExpressMappings { get; }

    /// <summary>
    /// The synth macros as the next frame would set them from <paramref name="vector"/> (a
    /// <see cref="Dynamics128Builder.Preview"/> between frames), <paramref name="seconds"/> after the last
    /// <see cref="Evaluate"/>: the express path that lets a sensor frame be heard the moment it arrives instead of at
    /// the next control frame. Express mappings (frame rate, a Dynamics128 slot valid in <paramref name="vector"/>, a
    /// synth target) are read (a masked slot: the last input), shaped and smoothed as <see cref="Evaluate"/> would over
    /// <paramref name="seconds"/>; every other mapping keeps its last output. Changes no state: the next
    /// <see cref="Evaluate"/> is the same with or without it. Control thread; allocates nothing.
    /// </summary>
    public SynthMacros Preview(Dynamics128Vector vector, double seconds)
    {
        ArgumentNullException.ThrowIfNull(vector);
        SynthMacros last = Synth;
        Span<double> values = [last.Cutoff, last.Resonance, last.Reverb, last.Delay, last.Gain];
        for (int i = 0; i < _mappings.Length; i++)
        {
            int target = _targets[i] - 4;
            if (target < 0)
            {
                continue;
            }

            int index = _mappings[i].Source.Index;
            double x = vector.IsValid(index) && float.IsFinite(vector.Values[index]) ? vector.Values[index] : _input[i];
            values[target] = _express[i] ? Step(i, x, seconds) : _output[i];
        }

        return new SynthMacros(values[0], values[1], values[2], values[3], values[4]);
    }

    /// <summary>
    /// Runs every mapping for one frame of <paramref name="seconds"/>: the latents, ψ, φ, the Dynamics128 vector,
    /// whether this frame is a beat, and the operator's base intensity.
    /// </summary>
    public void Evaluate(ReadOnlySpan<double> fast, ReadOnlySpan<double> slow, double psi, double phi, Dynamics128Vector vector, bool beat, double baseIntensity, double seconds)
    {
        ArgumentNullException.ThrowIfNull(vector);
        SynthMacros defaults = SynthMacros.Default;
        Span<double> values = _targetValues;
        values[..4].Fill(0.5);
        values[4] = defaults.Cutoff;
        values[5] = defaults.Resonance;
        values[6] = defaults.Reverb;
        values[7] = defaults.Delay;
        values[8] = defaults.Gain;
        for (int i = 0; i < _mappings.Length; i++)
        {
            ControlMapping m = _mappings[i];
            if (m.Rate == MappingRate.Frame || beat || !_primed[i])
            {
                int index = m.Source.Index;
                double x = m.Source.Kind switch
                {
                    MappingSourceKind.FastLatent => index < fast.Length ? fast[index] : _input[i],
                    MappingSourceKind.SlowLatent => index < slow.Length ? slow[index] : _input[i],
                    MappingSourceKind.Phase => psi,
                    MappingSourceKind.Coupling => phi,
                    _ => vector.IsValid(index) ? vector.Values[index] : _input[i],
                };
                if (double.IsFinite(x))
                {
                    _input[i] = x;
                }
            }

            _output[i] = Step(i, _input[i], seconds);
            _primed[i] = true;

            if (_targets[i] >= 0)
            {
                values[_targets[i]] = _output[i];
            }
        }

        Intensity = Math.Clamp(values[0] + (baseIntensity - 0.5), 0, 1);
        Density = Math.Clamp(values[1], 0, 1);
        Brightness = Math.Clamp(values[2], 0, 1);
        Tension = Math.Clamp(values[3], 0, 1);
        Synth = new SynthMacros(values[4], values[5], values[6], values[7], values[8]);
    }

    /// <summary>
    /// Mapping <paramref name="i"/>'s output after <paramref name="seconds"/> with <paramref name="input"/>: shaped, then
    /// the one-pole smoother from its last output (the target at once when unsmoothed or not yet primed). Reads state only.
    /// </summary>
    private double Step(int i, double input, double seconds)
    {
        ControlMapping m = _mappings[i];
        double target = m.Shape(input);
        return !_primed[i] || m.SmoothingSeconds <= 0
            ? target
            : _output[i] + ((1 - Math.Exp(-seconds / m.SmoothingSeconds)) * (target - _output[i]));
    }
}
