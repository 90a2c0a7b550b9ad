namespace Echelon.Audio.Wav;

/// <summary>
/// Numbers of the RIFF/WAVE format as Microsoft defines them ("Multimedia Programming Interface and
/// Data Specifications 1.0", 1991, and "WAVEFORMATEXTENSIBLE", mmreg.h / ksmedia.h).
/// </summary>
internal static class WavConstants
{
    public const ushort FormatPcm = 0x0001;
    public const ushort FormatIeeeFloat = 0x0003;
    public const ushort FormatExtensible = 0xFFFE;

    /// <summary>Size of the fmt body of a plain PCM header (WAVEFORMAT + wBitsPerSample).</summary>
    public const int FmtPlainSize = 16;

    /// <summary>Size of the fmt body of WAVEFORMATEXTENSIBLE (18-byte WAVEFORMATEX + 22 extra).</summary>
    public const int FmtExtensibleSize = 40;

    /// <summary>
    /// Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID that wraps a format tag:
    /// {XXXXXXXX-0000-0010-8000-00AA00389B71}, tag in the first two bytes, little-endian.
    /// </summary>
    public static ReadOnlySpan<byte> SubFormatTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>A name for the format tags met in practice, for error messages.</summary>
    public static string DescribeTag(ushort tag) => tag switch
    {
        0x0001 => "PCM",
        0x0002 => "Microsoft ADPCM",
        0x0003 => "IEEE float",
        0x0006 => "A-law",
        0x0007 => "mu-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MPEG layer 3",
        0x00FF => "AAC",
        0x2000 => "AC-3",
        0xFFFE => "extensible",
        _ => "unknown",
    };

    public const string Supported =
        "supported: 0x0001 PCM (8, 16, 24, 32 bits), 0x0003 IEEE float (32, 64 bits), " +
        "0xFFFE extensible with a PCM or IEEE float sub-format";
}
