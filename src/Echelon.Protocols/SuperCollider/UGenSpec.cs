namespace Echelon.Protocols.SuperCollider;

/// <summary>One unit generator of a <see cref="SynthDef"/>.</summary>
/// <param name="ClassName">The server's class name (<c>SinOsc</c>, <c>EnvGen</c>, <c>BinaryOpUGen</c>, …).</param>
/// <param name="Rate">Calculation rate.</param>
/// <param name="Inputs">Inputs, in the class's argument order.</param>
/// <param name="Outputs">Rate of each output.</param>
/// <param name="SpecialIndex">Operator selector for <c>BinaryOpUGen</c>/<c>UnaryOpUGen</c>, the first parameter's index for <c>Control</c>; otherwise 0.</param>
public sealed record UGenSpec(string ClassName, UGenRate Rate, IReadOnlyList<UGenInput> Inputs, IReadOnlyList<UGenRate> Outputs, short SpecialIndex);
