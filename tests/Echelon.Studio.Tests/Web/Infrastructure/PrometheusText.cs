using System.Globalization;
using System.Text;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4 (prometheus.io, "Exposition formats"): HELP and
/// TYPE lines, samples with optional labels and timestamp, Go float syntax (NaN, +Inf, -Inf), label value escapes,
/// one TYPE per family before its first sample, each family's samples in one group, no duplicate series, a newline
/// after the last line. Throws <see cref="FormatException"/> naming the line for anything else.
/// </summary>
public static class PrometheusText
{
    private static readonly string[] s_types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, long? Timestamp);

    public sealed class Family(string name)
    {
        public string Name { get; } = name;

        public string? Help { get; set; }

        public string Type { get; set; } = "untyped";

        public bool TypeGiven { get; set; }

        public List<Sample> Samples { get; } = [];
    }

    public static IReadOnlyDictionary<string, Family> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the last line does not end with a newline");
        }

        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        string[] lines = text.Split('\n');
        for (int n = 0; n < lines.Length - 1; n++)
        {
            string line = lines[n];
            string where = $"line {n + 1} \"{line}\"";
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                string[] parts = line.Split(' ', 4);
                if (parts.Length >= 3 && parts[0] == "#" && parts[1] is "HELP" or "TYPE")
                {
                    string name = parts[2];
                    RequireMetricName(name, where);
                    Family family = Get(families, name);
                    if (parts[1] == "HELP")
                    {
                        if (family.Help is not null)
                        {
                            throw new FormatException($"{where}: second HELP for {name}");
                        }

                        family.Help = Unescape(parts.Length == 4 ? parts[3] : string.Empty, allowQuote: false, where);
                    }
                    else
                    {
                        if (parts.Length != 4 || !s_types.Contains(parts[3]))
                        {
                            throw new FormatException($"{where}: TYPE must be one of {string.Join(", ", s_types)}");
                        }

                        if (family.TypeGiven || family.Samples.Count > 0)
                        {
                            throw new FormatException($"{where}: TYPE for {name} after its samples or a second time");
                        }

                        family.Type = parts[3];
                        family.TypeGiven = true;
                    }
                }

                continue;
            }

            Sample sample = ParseSample(line, where);
            string familyName = FamilyOf(sample.Name, families);
            if (familyName != current)
            {
                if (current is not null)
                {
                    closed.Add(current);
                }

                if (closed.Contains(familyName))
                {
                    throw new FormatException($"{where}: samples of {familyName} are not in one group");
                }

                current = familyName;
            }

            string key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!series.Add(key))
            {
                throw new FormatException($"{where}: duplicate series {key}");
            }

            Get(families, familyName).Samples.Add(sample);
        }

        return families;
    }

    private static Family Get(Dictionary<string, Family> families, string name)
    {
        if (!families.TryGetValue(name, out Family? family))
        {
            family = new Family(name);
            families[name] = family;
        }

        return family;
    }

    private static string FamilyOf(string sampleName, Dictionary<string, Family> families)
    {
        foreach (string suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal)
                && families.TryGetValue(sampleName[..^suffix.Length], out Family? f)
                && f.Type is "histogram" or "summary")
            {
                return f.Name;
            }
        }

        return sampleName;
    }

    private static Sample ParseSample(string line, string where)
    {
        int i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ')
        {
            i++;
        }

        string name = line[..i];
        RequireMetricName(name, where);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                if (i < line.Length && line[i] == '}')
                {
                    i++;
                    break;
                }

                int start = i;
                while (i < line.Length && line[i] != '=')
                {
                    i++;
                }

                string label = line[start..i];
                if (label.Length == 0 || !(char.IsAsciiLetter(label[0]) || label[0] == '_') || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    throw new FormatException($"{where}: bad label name '{label}'");
                }

                if (i + 1 >= line.Length || line[i + 1] != '"')
                {
                    throw new FormatException($"{where}: label {label} has no quoted value");
                }

                i += 2;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FormatException($"{where}: unterminated label value");
                    }

                    char c = line[i++];
                    if (c == '"')
                    {
                        break;
                    }

                    value.Append(c);
                    if (c == '\\')
                    {
                        if (i >= line.Length)
                        {
                            throw new FormatException($"{where}: escape at the end");
                        }

                        value.Append(line[i++]);
                    }
                }

                if (!labels.TryAdd(label, Unescape(value.ToString(), allowQuote: true, where)))
                {
                    throw new FormatException($"{where}: label {label} twice");
                }

                if (i < line.Length && line[i] == ',')
                {
                    i++;
                }
                else if (i >= line.Length || line[i] != '}')
                {
                    throw new FormatException($"{where}: expected ',' or '}}' after label {label}");
                }
            }
        }

        if (i >= line.Length || line[i] != ' ')
        {
            throw new FormatException($"{where}: expected a space before the value");
        }

        string[] rest = line[(i + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2)
        {
            throw new FormatException($"{where}: expected a value and an optional timestamp");
        }

        double v = rest[0] switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ when double.TryParse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) => x,
            _ => throw new FormatException($"{where}: '{rest[0]}' is not a value"),
        };
        long? timestamp = null;
        if (rest.Length == 2)
        {
            timestamp = long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long t)
                ? t
                : throw new FormatException($"{where}: '{rest[1]}' is not a timestamp");
        }

        return new Sample(name, labels, v, timestamp);
    }

    private static void RequireMetricName(string name, string where)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or ':')
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
        {
            throw new FormatException($"{where}: '{name}' is not a metric name");
        }
    }

    private static string Unescape(string text, bool allowQuote, string where)
    {
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            char next = i + 1 < text.Length ? text[++i] : throw new FormatException($"{where}: escape at the end");
            result.Append(next switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when allowQuote => '"',
                _ => throw new FormatException($"{where}: unknown escape \\{next}"),
            });
        }

        return result.ToString();
    }
}
