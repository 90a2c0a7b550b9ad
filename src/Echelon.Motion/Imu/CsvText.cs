using System.Globalization;
using System.Text;

namespace Echelon.Motion.Imu;

/// <summary>The small CSV toolkit the IMU readers share: numbers, timestamps and headers.</summary>
internal static class CsvText
{
    /// <summary>Opens a text file as UTF-8, honouring a byte-order mark.</summary>
    public static StreamReader Open(string path) => new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>Fields on a line of plain (unquoted) CSV.</summary>
    public static int CountFields(ReadOnlySpan<char> line) => line.Count(',') + 1;

    /// <summary>
    /// Parses a decimal number with the invariant culture. NaN and ±Infinity parse (as the text
    /// "NaN", "Infinity", or an exponent past the range): the caller rejects the row and counts it.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> field, out double value) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Parses integer nanoseconds; a decimal form (<c>1.7e18</c>) is rounded. Returns false when the
    /// text is not a number; <paramref name="finite"/> is false for NaN, ±Infinity and values past
    /// the range of <see cref="long"/>.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> field, out long ns, out bool finite)
    {
        field = field.Trim();
        if (long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ns))
        {
            finite = true;
            return true;
        }

        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            finite = false;
            return false;
        }

        // 9.2e18 is the edge of long; anything past it cannot be a timestamp in nanoseconds.
        finite = double.IsFinite(value) && Math.Abs(value) < 9.2e18;
        ns = finite ? (long)Math.Round(value) : 0;
        return true;
    }

    /// <summary>
    /// Splits a header or metadata line, honouring double quotes (<c>"a, b"</c> is one field and
    /// <c>""</c> inside quotes is a quote); fields are trimmed.
    /// </summary>
    public static List<string> SplitQuoted(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }

    /// <summary>Shortens a field for an error message.</summary>
    public static string Show(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length <= 40 ? field.ToString() : string.Concat(field[..40], "…");
    }
}
