namespace Echelon.Testing.Peers;

/// <summary>
/// A fact that needs real programs (<see cref="PeerTool"/>): it is skipped, with a message naming
/// the Debian package, only where one of them is missing. xunit 2 has no dynamic skip, so the
/// check runs when the test is discovered. Pair it with <c>[Trait("Peer", "sox")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PeerFactAttribute : FactAttribute
{
    /// <summary>Marks a fact needing <paramref name="tools"/> (names from <see cref="PeerTool.KnownTools"/>).</summary>
    public PeerFactAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = PeerTool.SkipReason(tools)!;
    }

    /// <summary>The peers this test needs.</summary>
    public IReadOnlyList<string> Tools { get; }
}
