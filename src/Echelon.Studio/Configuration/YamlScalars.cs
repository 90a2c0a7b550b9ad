using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Echelon.Studio.Configuration;

/// <summary>
/// YAML 1.2 core-schema scalars, both ways: which plain scalars are numbers, booleans and null, and how to write a
/// value so that it reads back as the same type.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>The YAML 1.1 booleans YAML 1.2 reads as strings: worth a hint when a flag gets one.</summary>
    private static readonly string[] s_yaml11Booleans = ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N"];

    /// <summary>True when a plain scalar is written as a decimal integer (of any size).</summary>
    public static bool IsIntegerText(ConfigScalar scalar) => scalar.Plain && IntegerPattern().IsMatch(scalar.Text);

    /// <summary>A plain scalar that is a YAML 1.2 core-schema integer, decimal only (0x and 0o are not for configuration).</summary>
    public static bool TryInteger(ConfigScalar scalar, out long value)
    {
        value = 0;
        return scalar.Plain && IntegerPattern().IsMatch(scalar.Text)
            && long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A plain scalar that is a YAML 1.2 core-schema integer or float (including .inf and .nan).</summary>
    public static bool TryNumber(ConfigScalar scalar, out double value)
    {
        value = 0;
        if (!scalar.Plain)
        {
            return false;
        }

        switch (scalar.Text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        return FloatPattern().IsMatch(scalar.Text)
            && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A plain scalar that is a YAML 1.2 core-schema boolean.</summary>
    public static bool TryBool(ConfigScalar scalar, out bool value)
    {
        value = false;
        if (!scalar.Plain)
        {
            return false;
        }

        switch (scalar.Text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Why <paramref name="node"/> is not a number, or null when the only problem is its range.</summary>
    public static string? NotANumber(ConfigNode node) => node switch
    {
        ConfigScalar { IsNull: true, Text: "" } => "empty",
        ConfigScalar { IsNull: true } => "null",
        ConfigScalar { Plain: false } s when FloatPattern().IsMatch(s.Text) => "quoted, so a string; write the number without quotes",
        ConfigScalar s when TryNumber(s, out _) => null,
        ConfigScalar => "not a number",
        _ => "not a number",
    };

    /// <summary>Why <paramref name="node"/> is not a boolean.</summary>
    public static string NotABool(ConfigNode node) => node switch
    {
        ConfigScalar { IsNull: true, Text: "" } => "empty",
        ConfigScalar { IsNull: true } => "null",
        ConfigScalar { Plain: true } s when s_yaml11Booleans.Contains(s.Text, StringComparer.Ordinal) => "YAML 1.2 reads this as text, not a boolean",
        ConfigScalar { Plain: false } s when s.Text is "true" or "false" => "quoted, so a string; write it without quotes",
        _ => "not a boolean",
    };

    /// <summary>A number the way the writer puts it: the shortest text that reads back as the same double.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => ".inf",
        double.NegativeInfinity => "-.inf",
        double.NaN => ".nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>An integer the way the writer puts it.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An unsigned integer the way the writer puts it.</summary>
    public static string Unsigned(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A boolean the way the writer puts it.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// A string the way the writer puts it: plain when it cannot be read as anything else (null, a boolean, a number,
    /// or YAML syntax), double-quoted with escapes otherwise, so it always reads back as the same string.
    /// </summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (SafePlainPattern().IsMatch(value) && !LooksTyped(value))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case < ' ' or '\u007f':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    private static bool LooksTyped(string value)
    {
        var scalar = new ConfigScalar(1, 1, value, plain: true);
        return scalar.IsNull || TryBool(scalar, out _) || TryNumber(scalar, out _) || s_yaml11Booleans.Contains(value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    /// <summary>
    /// Text that YAML reads back unchanged as a plain scalar in block context: starts with a letter, digit, '/', '.' or
    /// '_', holds no space, '#' or comma, and does not end in ':' (which would make it a key). The writer never puts
    /// such a string inside a flow collection, where '[' and ']' would end it.
    /// </summary>
    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./+@\-:\[\]]*(?<!:)$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlainPattern();
}
