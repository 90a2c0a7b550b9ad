using Echelon.Motion.Dynamics;

namespace Echelon.Studio.Mapping;

/// <summary>
/// Runs a set of <see cref="ControlMapping"/>s once per control frame: reads each source, shapes it, smooths it and
/// adds it to its target. Composer targets add to a base (the controls' intensity, 0.5 for the others) and are held
/// to 0–1; synth targets take the last mapping's value; MIDI and OSC targets are read per mapping by the outputs.
/// </summary>
/// <remarks>
/// Control thread only; <see cref="Evaluate"/> allocates nothing. A masked Dynamics128 slot keeps its mapping's
/// last input (a dropout holds the music where it was instead of snapping it to zero). Replacing the mappings is a
/// new engine built off-thread and published by reference.
/// </remarks>
public sealed class MappingEngine
{
    private readonly ControlMapping[] _mappings;
    private readonly double[] _input;
    private readonly double[] _output;
    private readonly bool[] _primed;

    /// <summary>Checks and takes <paramref name="mappings"/> (latent sizes for x* and y* indices).</summary>
    public MappingEngine(IReadOnlyList<ControlMapping> mappings, int fastSize, int slowSize)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        _mappings = [.. mappings];
        for (int i = 0; i < _mappings.Length; i++)
        {
            try
            {
                _mappings[i].Validate(fastSize, slowSize);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"mappings[{i}].{e.Message}", nameof(mappings), e);
            }
        }

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

    /// <summary>Master low-pass cutoff, Hz.</summary>
    public double SynthCutoffHz { get; private set; } = 20_000;

    /// <summary>Master gain, linear.</summary>
    public double SynthGain { get; private set; } = 1;

    /// <summary>The smoothed output of mapping <paramref name="index"/> (what MIDI and OSC targets send).</summary>
    public double Output(int index) => _output[index];

    /// <summary>
    /// The default mappings: whole-body energy drives intensity, the right hand's height brightness, its speed
    /// density, the coupling energy tension (per beat), and whole-body energy also opens the master low-pass at frame
    /// rate, so moving is heard within a block and stillness darkens the sound.
    /// </summary>
    public static IReadOnlyList<ControlMapping> Defaults { get; } =
    [
        // Ranges from the synthetic dancer's four styles (p5–p95 of each slot over 20 s): sway reads about 0.06
        // kinetic energy, bounce 0.23, groove 0.32, hype 1.0; the right hand's height −0.07 to 0.42; its speed 0.1 to 2.2.
        Slot("kinetic_energy", MappingTargetKind.Intensity, 0, 1, -0.3, 0.4, MappingCurve.Linear, 0.5),
        Slot("right_hand_height_rel_root", MappingTargetKind.Brightness, -0.1, 0.45, -0.3, 0.4, MappingCurve.Linear, 0.3),
        Slot("right_hand_speed", MappingTargetKind.Density, 0, 2, -0.3, 0.35, MappingCurve.Linear, 0.8),
        new ControlMapping { Source = MappingSourceKind.Phi, Target = MappingTargetKind.Tension, InMin = 0, InMax = 0.6, OutMin = -0.2, OutMax = 0.3, SmoothingSeconds = 1.0, Rate = MappingRate.Beat },
        Slot("kinetic_energy", MappingTargetKind.SynthCutoff, 0, 0.6, 3_000, 20_000, MappingCurve.Linear, 0.05),
    ];

    /// <summary>
    /// Runs every mapping for one frame of <paramref name="seconds"/>: the latents, ψ, φ, the Dynamics128 vector,
    /// whether this frame is a beat, and the base intensity from the controls.
    /// </summary>
    public void Evaluate(ReadOnlySpan<double> fast, ReadOnlySpan<double> slow, double psi, double phi, Dynamics128Vector vector, bool beat, double baseIntensity, double seconds)
    {
        ArgumentNullException.ThrowIfNull(vector);
        double intensity = baseIntensity, density = 0.5, brightness = 0.5, tension = 0.5;
        for (int i = 0; i < _mappings.Length; i++)
        {
            ControlMapping m = _mappings[i];
            if (m.Rate == MappingRate.Frame || beat || !_primed[i])
            {
                double x = m.Source switch
                {
                    MappingSourceKind.Fast => m.SourceIndex < fast.Length ? fast[m.SourceIndex] : _input[i],
                    MappingSourceKind.Slow => m.SourceIndex < slow.Length ? slow[m.SourceIndex] : _input[i],
                    MappingSourceKind.Psi => Wrap01(psi / (2 * Math.PI)),
                    MappingSourceKind.Phi => phi,
                    _ => vector.IsValid(m.SourceIndex) ? vector.Values[m.SourceIndex] : _input[i],
                };
                if (double.IsFinite(x))
                {
                    _input[i] = x;
                }
            }

            double target = Shape(m, _input[i]);
            if (!_primed[i] || m.SmoothingSeconds <= 0)
            {
                _output[i] = target;
                _primed[i] = true;
            }
            else
            {
                _output[i] += (1 - Math.Exp(-seconds / m.SmoothingSeconds)) * (target - _output[i]);
            }

            switch (m.Target)
            {
                case MappingTargetKind.Intensity: intensity += _output[i]; break;
                case MappingTargetKind.Density: density += _output[i]; break;
                case MappingTargetKind.Brightness: brightness += _output[i]; break;
                case MappingTargetKind.Tension: tension += _output[i]; break;
                case MappingTargetKind.SynthCutoff: SynthCutoffHz = Math.Clamp(_output[i], 20, 20_000); break;
                case MappingTargetKind.SynthGain: SynthGain = Math.Clamp(_output[i], 0, 4); break;
                default: break;
            }
        }

        Intensity = Math.Clamp(intensity, 0, 1);
        Density = Math.Clamp(density, 0, 1);
        Brightness = Math.Clamp(brightness, 0, 1);
        Tension = Math.Clamp(tension, 0, 1);
    }

    /// <summary>The shaping of one input value, without smoothing (the reference the tests check).</summary>
    public static double Shape(ControlMapping mapping, double x)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        double u = Math.Clamp((x - mapping.InMin) / (mapping.InMax - mapping.InMin), 0, 1);
        u = u <= mapping.DeadZone ? 0 : (u - mapping.DeadZone) / (1 - mapping.DeadZone);
        if (mapping.Invert)
        {
            u = 1 - u;
        }

        u = mapping.Curve switch
        {
            MappingCurve.Exponential => (Math.Exp(3 * u) - 1) / (Math.Exp(3) - 1),
            MappingCurve.Logarithmic => Math.Log(1 + (20 * u)) / Math.Log(21),
            MappingCurve.SCurve => u * u * (3 - (2 * u)),
            _ => u,
        };
        return mapping.OutMin + (u * (mapping.OutMax - mapping.OutMin));
    }

    private static double Wrap01(double v) => v - Math.Floor(v);

    private static ControlMapping Slot(string name, MappingTargetKind target, double inMin, double inMax, double outMin, double outMax, MappingCurve curve, double smoothing) =>
        new()
        {
            Source = MappingSourceKind.Slot,
            SourceIndex = Dynamics128Layout.Find(name)?.Index ?? throw new InvalidOperationException($"Dynamics128 has no slot '{name}'"),
            Target = target,
            InMin = inMin,
            InMax = inMax,
            OutMin = outMin,
            OutMax = outMax,
            Curve = curve,
            SmoothingSeconds = smoothing,
        };
}
