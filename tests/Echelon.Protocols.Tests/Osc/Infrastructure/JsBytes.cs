using System.Globalization;

namespace Echelon.Protocols.Tests.Osc.Infrastructure;

/// <summary>
/// Reads the byte arrays of osc.js's tests as they stand: the first <c>new Uint8Array([ … ])</c>
/// after a marker (a test's name), numbers decimal or 0x hex, comments skipped.
/// </summary>
internal static class JsBytes
{
    private const string File = "osc.js-tests/osc-tests.js";

    /// <summary>The bytes of the first Uint8Array literal after <paramref name="marker"/> (and after <paramref name="then"/>, when given).</summary>
    public static byte[] After(string marker, string? then = null)
    {
        string text = OscData.Read(File);
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"{File} has no '{marker}'.");
        }

        if (then is not null)
        {
            at = text.IndexOf(then, at, StringComparison.Ordinal);
        }

        const string open = "new Uint8Array([";
        int start = text.IndexOf(open, at, StringComparison.Ordinal) + open.Length;
        int end = text.IndexOf("])", start, StringComparison.Ordinal);
        var bytes = new List<byte>();
        foreach (string rawLine in text[start..end].Split('\n'))
        {
            string line = rawLine;
            int comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0)
            {
                line = line[..comment];
            }

            foreach (string token in line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                bytes.Add(token.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? byte.Parse(token.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : byte.Parse(token, CultureInfo.InvariantCulture));
            }
        }

        return [.. bytes];
    }
}
