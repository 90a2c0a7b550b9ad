using System.Globalization;
using System.Text.RegularExpressions;

namespace Echelon.Audio.Files;

/// <summary>
/// Reads the evidence of a cut-short file out of the log libsndfile writes while parsing a header
/// (<c>SFC_GET_LOG_INFO</c>).
/// </summary>
/// <remarks>
/// <para>
/// Why the log: for uncompressed containers libsndfile does not fail on a file cut short, nor
/// report the declared length. It clamps the data length to what the file holds and sets
/// <c>SF_INFO.frames</c> from that, so "frames read &lt; frames declared" never shows. What it does
/// is log the header field with the size it should have had: <c>data : 246962 (should be 123460)</c>
/// (WAV, wav.c), <c>SSND : 88208 (should be 44064)</c> and <c>FORM : …</c> (AIFF),
/// <c>Data Size : 88200 (should be 44078)</c> (AU), <c>riff : 88304 (should be 44152)</c> (W64,
/// which does not check its data chunk), <c>Riff size : … (should be …)</c> (RF64's ds64). All
/// checked against libsndfile 1.2.0.
/// </para>
/// <para>
/// The rule: any "FIELD : DECLARED (should be PRESENT)" line with DECLARED &gt; PRESENT means the
/// file is shorter than its header says. DECLARED = 0xFFFFFFFF is skipped: it is the "length
/// unknown" that streaming writers put in RIFF sizes, not a cut. A file whose samples are whole but
/// whose trailing metadata is cut off also counts (the container line shows it); it was cut short
/// all the same, and <see cref="AudioFileReadOptions.AllowTruncated"/> then reads every sample.
/// </para>
/// </remarks>
internal static partial class SndFileHeaderLog
{
    /// <summary>The field of the last shortfall line (data-level lines follow container-level ones), or null when there is none.</summary>
    public static Shortfall? FindShortfall(string log)
    {
        Shortfall? found = null;
        foreach (Match m in ShouldBeLine().Matches(log))
        {
            if (!long.TryParse(m.Groups["declared"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) ||
                !long.TryParse(m.Groups["present"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var present))
            {
                continue;
            }

            if (declared > present && declared != uint.MaxValue)
            {
                found = new Shortfall(m.Groups["field"].Value, declared, present);
            }
        }

        return found;
    }

    [GeneratedRegex(@"^\s*(?<field>[^:\r\n]*?\S)\s*:\s*(?<declared>\d+)\s*\(should be (?<present>\d+)\)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ShouldBeLine();

    /// <summary>A header field that declares more bytes than the file holds.</summary>
    /// <param name="Field">The field as libsndfile logs it (<c>data</c>, <c>SSND</c>, <c>riff</c>).</param>
    /// <param name="Declared">Bytes the header declares.</param>
    /// <param name="Present">Bytes the file holds for it.</param>
    internal readonly record struct Shortfall(string Field, long Declared, long Present);
}
