namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// A synth definition as scsynth loads it: constants, parameters with their initial values and
/// names, and the unit generators in execution order (each input refers only to earlier ones).
/// Build one with <see cref="SynthDefBuilder"/>; write and read it with <see cref="SynthDefFile"/>.
/// </summary>
/// <param name="Name">Name used by <c>/s_new</c>.</param>
/// <param name="Constants">Constant values the inputs refer to.</param>
/// <param name="ParameterValues">Initial value of each parameter.</param>
/// <param name="Parameters">Names of the parameters.</param>
/// <param name="UGens">Unit generators in execution order.</param>
/// <param name="Variants">Named presets (usually none).</param>
public sealed record SynthDef(
    string Name,
    IReadOnlyList<float> Constants,
    IReadOnlyList<float> ParameterValues,
    IReadOnlyList<SynthDefParameter> Parameters,
    IReadOnlyList<UGenSpec> UGens,
    IReadOnlyList<SynthDefVariant> Variants)
{
    /// <summary>The initial value of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The def has no such parameter; the message lists those it has.</exception>
    public float DefaultOf(string name)
    {
        foreach (SynthDefParameter p in Parameters)
        {
            if (p.Name == name)
            {
                return ParameterValues[p.Index];
            }
        }

        throw new KeyNotFoundException($"SynthDef '{Name}' has no parameter '{name}'; it has: {string.Join(", ", Parameters.Select(p => p.Name))}.");
    }
}
