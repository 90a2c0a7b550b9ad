namespace Echelon.Protocols.SuperCollider;

/// <summary>A named synth control: <c>/s_new</c> and <c>/n_set</c> address it by <see cref="Name"/>.</summary>
/// <param name="Name">The control's name.</param>
/// <param name="Index">Its position among the def's parameter values.</param>
public readonly record struct SynthDefParameter(string Name, int Index);
