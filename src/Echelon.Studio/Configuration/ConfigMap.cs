namespace Echelon.Studio.Configuration;

/// <summary>A mapping node: its entries in the order written, each key a scalar, duplicates already removed.</summary>
internal sealed class ConfigMap(int line, int column) : ConfigNode(line, column)
{
    /// <summary>The entries in the order written.</summary>
    public List<KeyValuePair<ConfigScalar, ConfigNode>> Entries { get; } = [];

    /// <inheritdoc/>
    public override string Shown => "(a mapping)";

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public ConfigNode? Find(string key)
    {
        foreach (KeyValuePair<ConfigScalar, ConfigNode> entry in Entries)
        {
            if (string.Equals(entry.Key.Text, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }
}
