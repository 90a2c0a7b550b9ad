namespace Echelon.Protocols.SuperCollider;

/// <summary>A named preset of every parameter value (<c>defname.variant</c> in <c>/s_new</c>).</summary>
/// <param name="Name">The variant's name.</param>
/// <param name="Values">One value per parameter.</param>
public sealed record SynthDefVariant(string Name, IReadOnlyList<float> Values);
