namespace Echelon.Audio.Dsp;

/// <summary>
/// What <see cref="StateVariableFilter"/> and its eight-step twin <see cref="VectorStateVariableFilter"/> both
/// offer; one contract test suite runs against each.
/// </summary>
internal interface IStateVariableFilter
{
    /// <summary>Cutoff (centre) frequency in Hz, below the Nyquist frequency.</summary>
    double Cutoff { get; set; }

    /// <summary>Quality factor Q, [0.05, 50].</summary>
    double Resonance { get; set; }

    /// <summary>The response.</summary>
    FilterMode Mode { get; set; }

    /// <summary>Sets the sample rate and clears the state.</summary>
    void Prepare(int sampleRate);

    /// <summary>Clears the state.</summary>
    void Reset();

    /// <summary>Filters one sample.</summary>
    float Tick(float input);

    /// <summary>Filters a block in place.</summary>
    void Process(Span<float> buffer);
}
