namespace Echelon.Studio.Configuration;

/// <summary>A sequence node: its items in order.</summary>
internal sealed class ConfigSequence(int line, int column) : ConfigNode(line, column)
{
    /// <summary>The items in order.</summary>
    public List<ConfigNode> Items { get; } = [];

    /// <inheritdoc/>
    public override string Shown => "(a sequence)";
}
