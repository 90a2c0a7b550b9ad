namespace Echelon.Studio.Configuration;

/// <summary>The YAML names of an enum's values, both ways (<c>lim-rps</c> ↔ <see cref="EquilibriumPreset.LimRps"/>).</summary>
internal sealed class NameTable<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _entries;

    /// <summary>Creates the table; each value's first name is the one written back.</summary>
    public NameTable(params (string Name, T Value)[] entries)
    {
        _entries = entries;
        Names = [.. entries.Select(e => e.Name)];
        Allowed = string.Join(", ", Names);
    }

    /// <summary>Every accepted name, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The names as one line for error messages.</summary>
    public string Allowed { get; }

    /// <summary>The value named <paramref name="name"/> (exact, case-sensitive: YAML keys and values are).</summary>
    public bool TryParse(string name, out T value)
    {
        foreach ((string n, T v) in _entries)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The name written for <paramref name="value"/>.</summary>
    public string Format(T value)
    {
        foreach ((string n, T v) in _entries)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return n;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"No name for {value}.");
    }
}
