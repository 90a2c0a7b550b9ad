namespace Echelon.Testing.Peers;

/// <summary>
/// A theory that needs real programs (<see cref="PeerTool"/>): it is skipped, with a message naming
/// the Debian package, only where one of them is missing. Pair it with <c>[Trait("Peer", "sox")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PeerTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks a theory needing <paramref name="tools"/> (names from <see cref="PeerTool.KnownTools"/>).</summary>
    public PeerTheoryAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = PeerTool.SkipReason(tools)!;
    }

    /// <summary>The peers this test needs.</summary>
    public IReadOnlyList<string> Tools { get; }
}
