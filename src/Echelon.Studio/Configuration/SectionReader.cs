using System.Globalization;

namespace Echelon.Studio.Configuration;

/// <summary>
/// Reads one mapping of the configuration: each typed getter marks its key as known and reports a bad value to the
/// <see cref="ErrorList"/> (then returns the default, so reading goes on); <see cref="Finish"/> reports every key no
/// getter asked for.
/// </summary>
internal sealed class SectionReader
{
    private readonly ConfigMap? _map;
    private readonly ConfigNode _at;
    private readonly ErrorList _errors;
    private readonly List<string> _known = [];

    private SectionReader(ConfigMap? map, ConfigNode at, string path, ErrorList errors)
    {
        _map = map;
        _at = at;
        Path = path;
        _errors = errors;
    }

    /// <summary>The section's field path, e.g. <c>tempo</c> or <c>mappings[2]</c>.</summary>
    public string Path { get; }

    /// <summary>Where errors about the section as a whole are reported: the mapping, or the node that stands for it.</summary>
    public ConfigNode Location => (ConfigNode?)_map ?? _at;

    /// <summary>The errors this section reports to.</summary>
    public ErrorList Errors => _errors;

    /// <summary>
    /// A section over <paramref name="node"/>: a mapping, or nothing (absent or null: every field takes its default).
    /// Anything else is reported as a bad value and read as nothing.
    /// </summary>
    public static SectionReader Of(ConfigNode? node, ConfigNode at, string path, ErrorList errors, string allowed = "a mapping of settings")
    {
        switch (node)
        {
            case ConfigMap map:
                return new SectionReader(map, map, path, errors);
            case null:
                return new SectionReader(null, at, path, errors);
            case ConfigScalar { IsNull: true } or ConfigScalar { Reported: true }:
                return new SectionReader(null, node, path, errors);
            default:
                errors.BadValue(node, path, allowed);
                return new SectionReader(null, node, path, errors);
        }
    }

    /// <summary>Marks <paramref name="keys"/> known up front, so unknown-key errors list them in this order.</summary>
    public void Expect(params string[] keys)
    {
        foreach (string key in keys)
        {
            if (!_known.Contains(key, StringComparer.Ordinal))
            {
                _known.Add(key);
            }
        }
    }

    /// <summary>The path of a field of this section.</summary>
    public string Field(string key) => YamlTree.Join(Path, key);

    /// <summary>True when <paramref name="key"/> is written (with any value but an alias already reported).</summary>
    public bool Has(string key) => _map?.Find(key) is { } node && node is not ConfigScalar { Reported: true };

    /// <summary>The raw node under <paramref name="key"/> (marking the key known), or null when absent or already reported.</summary>
    public ConfigNode? Node(string key)
    {
        if (!_known.Contains(key, StringComparer.Ordinal))
        {
            _known.Add(key);
        }

        ConfigNode? node = _map?.Find(key);
        return node is ConfigScalar { Reported: true } ? null : node;
    }

    /// <summary>The node of <paramref name="key"/> when written, else this section's location: where an error about the field goes.</summary>
    public ConfigNode Where(string key) => _map?.Find(key) ?? Location;

    /// <summary>A sub-section.</summary>
    public SectionReader Section(string key) => Of(Node(key), Where(key), Field(key), _errors);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>] (or (min, max] with <paramref name="minOpen"/>).</summary>
    public double Number(string key, double fallback, double min, double max, bool minOpen = false)
    {
        ConfigNode? node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        string allowed = RangeText(min, max, minOpen);
        if (node is not ConfigScalar scalar || !YamlScalars.TryNumber(scalar, out double value))
        {
            _errors.BadValue(node, Field(key), allowed, YamlScalars.NotANumber(node));
            return fallback;
        }

        if (!double.IsFinite(value) || value < min || value > max || (minOpen && value <= min))
        {
            _errors.BadValue(node, Field(key), allowed);
            return fallback;
        }

        return value;
    }

    /// <summary>A number as <see cref="Number"/>, or null when absent or written as null.</summary>
    public double? OptionalNumber(string key, double min, double max, bool minOpen = false)
    {
        ConfigNode? node = Node(key);
        if (node is null || node is ConfigScalar { IsNull: true })
        {
            return null;
        }

        double value = Number(key, double.NaN, min, max, minOpen);
        return double.IsNaN(value) ? null : value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Integer(string key, long fallback, long min, long max)
    {
        ConfigNode? node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        string allowed = RangeText(min, max, minOpen: false);
        if (node is not ConfigScalar scalar || !YamlScalars.IsIntegerText(scalar))
        {
            _errors.BadValue(node, Field(key), allowed, YamlScalars.NotANumber(node) ?? "not a whole number");
            return fallback;
        }

        if (!YamlScalars.TryInteger(scalar, out long value) || value < min || value > max)
        {
            _errors.BadValue(node, Field(key), allowed);
            return fallback;
        }

        return value;
    }

    /// <summary>A 64-bit unsigned whole number (a seed).</summary>
    public ulong Unsigned(string key, ulong fallback)
    {
        ConfigNode? node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        const string allowed = "0–18446744073709551615";
        if (node is ConfigScalar scalar && YamlScalars.IsIntegerText(scalar))
        {
            if (!scalar.Text.StartsWith('-') && ulong.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ulong value))
            {
                return value;
            }

            _errors.BadValue(node, Field(key), allowed);
            return fallback;
        }

        _errors.BadValue(node, Field(key), allowed, YamlScalars.NotANumber(node) ?? "not a whole number");
        return fallback;
    }

    /// <summary>A boolean: true or false.</summary>
    public bool Flag(string key, bool fallback)
    {
        ConfigNode? node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is ConfigScalar scalar && YamlScalars.TryBool(scalar, out bool value))
        {
            return value;
        }

        _errors.BadValue(node, Field(key), "true, false", YamlScalars.NotABool(node));
        return fallback;
    }

    /// <summary>One of the names in <paramref name="names"/>.</summary>
    public T Choice<T>(string key, T fallback, NameTable<T> names)
        where T : struct, Enum
    {
        ConfigNode? node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is ConfigScalar { IsNull: false } scalar && names.TryParse(scalar.Text, out T value))
        {
            return value;
        }

        string? reason = node is ConfigScalar s && KeySuggestion.Closest(s.Text, names.Names) is { } guess ? $"did you mean '{guess}'?" : null;
        _errors.BadValue(node, Field(key), names.Allowed, reason);
        return fallback;
    }

    /// <summary>
    /// A string that <paramref name="valid"/> accepts; null (or absent) gives <paramref name="fallback"/> only when
    /// <paramref name="nullable"/>, else it is reported.
    /// </summary>
    public string? Text(string key, string? fallback, Func<string, bool> valid, string allowed, bool nullable = false)
    {
        ConfigNode? node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is ConfigScalar { IsNull: true } && nullable)
        {
            return null;
        }

        if (node is ConfigScalar { IsNull: false } scalar && valid(scalar.Text))
        {
            return scalar.Text;
        }

        _errors.BadValue(node, Field(key), allowed, node is ConfigScalar { IsNull: true } ? "empty" : null);
        return fallback;
    }

    /// <summary>The items of a sequence, with their paths; null when absent or null, reported when not a sequence.</summary>
    public IReadOnlyList<(ConfigNode Node, string Path)>? Sequence(string key, string allowed)
    {
        ConfigNode? node = Node(key);
        switch (node)
        {
            case null or ConfigScalar { IsNull: true }:
                return null;
            case ConfigSequence sequence:
                return [.. sequence.Items.Select((item, i) => (item, $"{Field(key)}[{i.ToString(CultureInfo.InvariantCulture)}]"))];
            default:
                _errors.BadValue(node, Field(key), allowed);
                return null;
        }
    }

    /// <summary>Reports every written key that no getter asked for, with the closest known key; <paramref name="hint"/> explains keys that belong elsewhere.</summary>
    public void Finish(Func<string, string?>? hint = null)
    {
        if (_map is null)
        {
            return;
        }

        foreach (KeyValuePair<ConfigScalar, ConfigNode> entry in _map.Entries)
        {
            if (!_known.Contains(entry.Key.Text, StringComparer.Ordinal))
            {
                _errors.UnknownKey(entry.Key, Field(entry.Key.Text), _known, hint?.Invoke(entry.Key.Text));
            }
        }
    }

    /// <summary>A range as the errors write it: <c>40–200</c>, or <c>(0, 0.1]</c> when the low end is excluded.</summary>
    public static string RangeText(double min, double max, bool minOpen) =>
        minOpen ? $"({YamlScalars.Number(min)}, {YamlScalars.Number(max)}]" : $"{YamlScalars.Number(min)}–{YamlScalars.Number(max)}";
}
