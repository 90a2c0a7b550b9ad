using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Echelon.Protocols.Osc;

namespace Echelon.Cli.Osc;

/// <summary>
/// Reads <c>echelon osc send</c>'s TYPETAGS and values the way liblo's oscsend does (one value per tag
/// that carries data; none for <c>T F N I [ ]</c>), plus what oscsend cannot send: blobs as hex, time
/// tags, colours and arrays.
/// </summary>
internal static class OscArgumentParser
{
    /// <summary>How each tag's value is written, for error messages and help.</summary>
    public const string ValueForms =
        "i int32, h int64, f float32, d double (nan, inf allowed), s S text, c one character, b hex bytes (e.g. 0aff; empty for none), "
        + "m 8 hex digits (port status data1 data2, e.g. 00904060), r 8 hex digits RRGGBBAA, "
        + "t immediate | now | +SECONDS | HHHHHHHH.HHHHHHHH | an ISO 8601 UTC time; T F N I [ ] take no value";

    /// <summary>Builds the arguments; false with a message naming the argument and what is allowed.</summary>
    public static bool TryParse(string typeTags, IReadOnlyList<string> values, TimeProvider clock, [NotNullWhen(true)] out List<OscValue>? arguments, [NotNullWhen(false)] out string? problem)
    {
        arguments = null;
        string tags = typeTags.StartsWith(',') ? typeTags[1..] : typeTags;
        int needed = 0;
        int depth = 0;
        for (int i = 0; i < tags.Length; i++)
        {
            char t = tags[i];
            if (t >= 128 || !OscTypeTags.IsKnown((byte)t))
            {
                problem = $"TYPETAGS: '{t}' (position {i + 1} of '{typeTags}') is not a type tag; allowed: {OscTypeTags.Allowed}.";
                return false;
            }

            depth += t == '[' ? 1 : t == ']' ? -1 : 0;
            if (depth < 0)
            {
                problem = $"TYPETAGS: ']' at position {i + 1} of '{typeTags}' closes no array; every ']' needs a '[' before it.";
                return false;
            }

            needed += OscTypeTags.HasNoData((byte)t) ? 0 : 1;
        }

        if (depth != 0)
        {
            problem = $"TYPETAGS: '{typeTags}' opens {depth} array(s) with '[' that are never closed with ']'.";
            return false;
        }

        if (values.Count != needed)
        {
            problem = $"VALUES: type tags '{tags}' take {needed} value(s); got {values.Count}.";
            return false;
        }

        var stack = new Stack<List<OscValue>>();
        var current = new List<OscValue>();
        int next = 0;
        foreach (char t in tags)
        {
            switch (t)
            {
                case '[':
                    stack.Push(current);
                    current = [];
                    continue;
                case ']':
                    OscValue array = OscValue.Array(current);
                    current = stack.Pop();
                    current.Add(array);
                    continue;
                case 'T':
                    current.Add(OscValue.True);
                    continue;
                case 'F':
                    current.Add(OscValue.False);
                    continue;
                case 'N':
                    current.Add(OscValue.Nil);
                    continue;
                case 'I':
                    current.Add(OscValue.Infinitum);
                    continue;
                default:
                    break;
            }

            string text = values[next];
            if (!TryValue(t, text, clock, out OscValue value, out string? allowed))
            {
                problem = $"VALUES: value {next + 1} ('{text}') for type tag '{t}' is not {OscTypeTags.Describe((OscTypeTag)t)}; allowed {allowed}.";
                return false;
            }

            current.Add(value);
            next++;
        }

        arguments = current;
        problem = null;
        return true;
    }

    /// <summary>Parses a time tag as <c>echelon osc send</c> takes one (see <see cref="ValueForms"/>).</summary>
    public static bool TryParseTimeTag(string text, TimeProvider clock, out OscTimeTag tag)
    {
        tag = default;
        var c = CultureInfo.InvariantCulture;
        try
        {
            switch (text)
            {
                case "immediate":
                    tag = OscTimeTag.Immediate;
                    return true;
                case "now":
                    tag = OscTimeTag.Now(clock);
                    return true;
                default:
                    break;
            }

            if (text.StartsWith('+') && double.TryParse(text.AsSpan(1), NumberStyles.Float, c, out double seconds) && double.IsFinite(seconds))
            {
                tag = OscTimeTag.Now(clock).AddSeconds(seconds);
                return true;
            }

            if (OscTimeTag.TryParse(text, out tag))
            {
                return true;
            }

            if (DateTimeOffset.TryParse(text, c, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset at) && text.Contains('T', StringComparison.Ordinal))
            {
                tag = OscTimeTag.FromDateTimeOffset(at);
                return true;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // Outside 1900–2036.
        }

        return false;
    }

    private static bool TryValue(char tag, string text, TimeProvider clock, out OscValue value, out string allowed)
    {
        var c = CultureInfo.InvariantCulture;
        value = default;
        switch (tag)
        {
            case 'i':
                allowed = "-2147483648–2147483647";
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, c, out int i))
                {
                    value = i;
                    return true;
                }

                return false;
            case 'h':
                allowed = "-9223372036854775808–9223372036854775807";
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, c, out long h))
                {
                    value = h;
                    return true;
                }

                return false;
            case 'f':
                allowed = "a decimal number such as 2.5, -1e-3, nan or inf";
                if (TryReal(text, out double f))
                {
                    value = (float)f;
                    return true;
                }

                return false;
            case 'd':
                allowed = "a decimal number such as 2.5, -1e-300, nan or inf";
                if (TryReal(text, out double d))
                {
                    value = d;
                    return true;
                }

                return false;
            case 's':
            case 'S':
                allowed = "text without null characters";
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    return false;
                }

                value = tag == 's' ? OscValue.String(text) : OscValue.Symbol(text);
                return true;
            case 'c':
                allowed = "exactly one character";
                if (text.Length == 1)
                {
                    value = text[0];
                    return true;
                }

                return false;
            case 'b':
                allowed = "hex bytes, two digits each (e.g. 0aff), optionally after 0x";
                string hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
                if (hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit))
                {
                    value = Convert.FromHexString(hex);
                    return true;
                }

                return false;
            case 'm':
                allowed = "8 hex digits: port, status, data1, data2 (e.g. 00904060)";
                if (TryHex32(text, out uint m))
                {
                    value = OscMidi.FromUInt32(m);
                    return true;
                }

                return false;
            case 'r':
                allowed = "8 hex digits RRGGBBAA (e.g. ff8000ff)";
                if (TryHex32(text, out uint r))
                {
                    value = OscRgba.FromUInt32(r);
                    return true;
                }

                return false;
            case 't':
                allowed = "immediate, now, +SECONDS, HHHHHHHH.HHHHHHHH or an ISO 8601 UTC time within 1900–2036";
                if (TryParseTimeTag(text, clock, out OscTimeTag t))
                {
                    value = t;
                    return true;
                }

                return false;
            default:
                allowed = OscTypeTags.Allowed;
                return false;
        }
    }

    private static bool TryHex32(string text, out uint value)
    {
        value = 0;
        return text.Length == 8 && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryReal(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
