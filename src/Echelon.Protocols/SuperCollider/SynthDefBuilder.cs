namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// Builds a <see cref="SynthDef"/> the way sclang's <c>SynthDef</c> does, without sclang: declare the
/// parameters first (they become the outputs of one <c>Control</c> unit generator at index 0), then add
/// unit generators in the order they should run; <see cref="Signal"/> arithmetic adds
/// <c>BinaryOpUGen</c>s. Constants are collected and de-duplicated.
/// </summary>
/// <example>
/// <code>
/// var b = new SynthDefBuilder("sine");
/// Signal freq = b.Parameter("freq", 440), amp = b.Parameter("amp", 0.1f);
/// Signal tone = b.Add("SinOsc", UGenRate.Audio, freq, 0f) * amp;
/// b.Add("Out", UGenRate.Audio, 0, 0f, tone, tone);
/// SynthDef def = b.Build();
/// </code>
/// </example>
public sealed class SynthDefBuilder
{
    private readonly List<float> _constants = [];
    private readonly List<float> _parameterValues = [];
    private readonly List<SynthDefParameter> _parameters = [];
    private readonly List<UGenSpec> _ugens = [];
    private readonly List<UGenRate> _controlOutputs = [];

    /// <summary>Starts a def called <paramref name="name"/> (1–255 ASCII characters).</summary>
    public SynthDefBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 255 || name.Any(c => c > 127))
        {
            throw new ArgumentException($"SynthDef name '{name}' must be 1–255 ASCII characters.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The def's name.</summary>
    public string Name { get; }

    /// <summary>
    /// Declares a control-rate parameter settable by <c>/s_new</c> and <c>/n_set</c>. All parameters
    /// must come before the first unit generator.
    /// </summary>
    /// <exception cref="InvalidOperationException">A unit generator was already added.</exception>
    /// <exception cref="ArgumentException">The name is empty, not ASCII, or already declared.</exception>
    public Signal Parameter(string name, float initialValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_ugens.Count > 0)
        {
            throw new InvalidOperationException($"SynthDef '{Name}': declare parameter '{name}' before the first unit generator.");
        }

        if (_parameters.Any(p => p.Name == name))
        {
            throw new ArgumentException($"SynthDef '{Name}' already has a parameter '{name}'.", nameof(name));
        }

        if (name.Length > 255 || name.Any(c => c > 127))
        {
            throw new ArgumentException($"parameter name '{name}' must be 1–255 ASCII characters.", nameof(name));
        }

        int index = _parameterValues.Count;
        _parameters.Add(new SynthDefParameter(name, index));
        _parameterValues.Add(initialValue);
        _controlOutputs.Add(UGenRate.Control);
        return Signal.FromUGen(this, 0, index, UGenRate.Control);
    }

    /// <summary>Adds a unit generator with one output and returns it.</summary>
    public Signal Add(string className, UGenRate rate, params ReadOnlySpan<Signal> inputs) =>
        Add(className, rate, 1, 0, inputs)[0];

    /// <summary>Adds a unit generator with <paramref name="outputs"/> outputs (0 for <c>Out</c>, <c>DiskOut</c>…) and returns them.</summary>
    /// <exception cref="ArgumentException">An input belongs to another builder.</exception>
    public Signal[] Add(string className, UGenRate rate, int outputs, short specialIndex, params ReadOnlySpan<Signal> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(className);
        ArgumentOutOfRangeException.ThrowIfNegative(outputs);
        EnsureControl();
        var resolved = new UGenInput[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            resolved[i] = Resolve(inputs[i], className, i);
        }

        int index = _ugens.Count;
        _ugens.Add(new UGenSpec(className, rate, resolved, Enumerable.Repeat(rate, outputs).ToArray(), specialIndex));
        var result = new Signal[outputs];
        for (int o = 0; o < outputs; o++)
        {
            result[o] = Signal.FromUGen(this, index, o, rate);
        }

        return result;
    }

    /// <summary>Adds a <c>BinaryOpUGen</c> at the faster of the two rates.</summary>
    public Signal BinaryOp(BinaryOperator op, Signal left, Signal right)
    {
        UGenRate rate = (UGenRate)Math.Max((byte)left.Rate, (byte)right.Rate);
        return Add("BinaryOpUGen", rate, 1, (short)op, left, right)[0];
    }

    /// <summary>Finishes the def.</summary>
    public SynthDef Build()
    {
        EnsureControl();
        return new SynthDef(Name, [.. _constants], [.. _parameterValues], [.. _parameters], [.. _ugens], []);
    }

    private void EnsureControl()
    {
        if (_ugens.Count == 0 && _parameters.Count > 0)
        {
            _ugens.Add(new UGenSpec("Control", UGenRate.Control, [], [.. _controlOutputs], 0));
        }
    }

    private UGenInput Resolve(Signal signal, string className, int position)
    {
        if (signal.IsConstant)
        {
            int found = _constants.FindIndex(c => c.Equals(signal.Constant));
            if (found < 0)
            {
                found = _constants.Count;
                _constants.Add(signal.Constant);
            }

            return new UGenInput(-1, found);
        }

        if (!ReferenceEquals(signal.Builder, this))
        {
            throw new ArgumentException($"SynthDef '{Name}': input {position} of {className} comes from another SynthDef's graph.", nameof(signal));
        }

        return new UGenInput(signal.UGen, signal.Output);
    }
}
