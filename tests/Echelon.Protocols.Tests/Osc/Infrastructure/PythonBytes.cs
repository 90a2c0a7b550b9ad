using System.Globalization;

namespace Echelon.Protocols.Tests.Osc.Infrastructure;

/// <summary>
/// Reads Python bytes literals out of python-osc's test files as they stand, so the vectors are the
/// files' own bytes, not a transcription: <c>NAME = b"..."</c>, or a parenthesised run of adjacent
/// literals with comments in between.
/// </summary>
internal static class PythonBytes
{
    /// <summary>The bytes bound to <paramref name="name"/> at the start of a line of <paramref name="file"/> (under python-osc-tests).</summary>
    public static byte[] Constant(string file, string name)
    {
        string text = OscData.Read(Path.Combine("python-osc-tests", file));
        string marker = "\n" + name + " = ";
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"{file} has no constant {name}.");
        }

        int i = at + marker.Length;
        bool parenthesised = text[i] == '(';
        if (parenthesised)
        {
            i++;
        }

        var bytes = new List<byte>();
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '#')
            {
                i = text.IndexOf('\n', i);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' && !parenthesised)
                {
                    break;
                }

                i++;
                continue;
            }

            if (c == ')' && parenthesised)
            {
                break;
            }

            if (c == 'b' && i + 1 < text.Length && text[i + 1] is '"' or '\'')
            {
                i = ReadLiteral(text, i + 1, bytes);
                continue;
            }

            throw new InvalidOperationException($"{file}: {name} is not a bytes literal (found '{c}').");
        }

        return [.. bytes];
    }

    /// <summary>Parses one Python bytes literal body (escapes \xNN, octal, \n \r \t \\ \' \"); returns the index after its closing quote.</summary>
    public static int ReadLiteral(string text, int quoteIndex, List<byte> bytes)
    {
        char quote = text[quoteIndex];
        int i = quoteIndex + 1;
        while (text[i] != quote)
        {
            char c = text[i];
            if (c != '\\')
            {
                bytes.Add(checked((byte)c));
                i++;
                continue;
            }

            char e = text[i + 1];
            i += 2;
            switch (e)
            {
                case 'x':
                    bytes.Add(byte.Parse(text.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case >= '0' and <= '7':
                    int value = e - '0';
                    for (int k = 0; k < 2 && text[i] is >= '0' and <= '7'; k++, i++)
                    {
                        value = (value * 8) + (text[i] - '0');
                    }

                    bytes.Add((byte)value);
                    break;
                case 'n':
                    bytes.Add((byte)'\n');
                    break;
                case 'r':
                    bytes.Add((byte)'\r');
                    break;
                case 't':
                    bytes.Add((byte)'\t');
                    break;
                case '\\' or '\'' or '"':
                    bytes.Add((byte)e);
                    break;
                default:
                    throw new InvalidOperationException($"unsupported escape \\{e} in a bytes literal.");
            }
        }

        return i + 1;
    }

    /// <summary>Parses a bytes literal written in C# test code the Python way, e.g. <c>Of("b\"/a\\x00\"")</c>.</summary>
    public static byte[] Of(string literal)
    {
        var bytes = new List<byte>();
        ReadLiteral(literal, literal.IndexOf('"', StringComparison.Ordinal), bytes);
        return [.. bytes];
    }
}
