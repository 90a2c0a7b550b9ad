using System.Globalization;

namespace Echelon.Audio.Files;

/// <summary>
/// Short names for libsndfile's format codes (<c>SF_FORMAT_*</c> in sndfile.h): the container
/// ("WAV", "FLAC") and the encoding ("PCM 16", "FLOAT 32"), as an analysis report prints them.
/// Libsndfile's own names ("WAV (Microsoft)", "Signed 16 bit PCM") are longer than a report wants.
/// </summary>
internal static class SndFileFormat
{
    /// <summary>The container: WAV and WAVEX (the extensible header) both read "WAV"; the full code stays in <see cref="AudioFileInfo.FormatCode"/>.</summary>
    public static string Container(int format) => (format & SndFile.FormatTypeMask) switch
    {
        0x01_0000 or 0x13_0000 => "WAV",
        0x02_0000 => "AIFF",
        0x03_0000 => "AU",
        0x04_0000 => "RAW",
        0x05_0000 => "PAF",
        0x06_0000 => "SVX",
        0x07_0000 => "NIST",
        0x08_0000 => "VOC",
        0x0A_0000 => "IRCAM",
        0x0B_0000 => "W64",
        0x0C_0000 => "MAT4",
        0x0D_0000 => "MAT5",
        0x0E_0000 => "PVF",
        0x0F_0000 => "XI",
        0x10_0000 => "HTK",
        0x11_0000 => "SDS",
        0x12_0000 => "AVR",
        0x16_0000 => "SD2",
        0x17_0000 => "FLAC",
        0x18_0000 => "CAF",
        0x19_0000 => "WVE",
        0x20_0000 => "OGG",
        0x21_0000 => "MPC2K",
        0x22_0000 => "RF64",
        0x23_0000 => "MPEG",
        var other => "container 0x" + other.ToString("X6", CultureInfo.InvariantCulture),
    };

    /// <summary>The encoding of the samples.</summary>
    public static string Encoding(int format) => (format & SndFile.FormatSubMask) switch
    {
        0x0001 => "PCM 8",
        0x0002 => "PCM 16",
        0x0003 => "PCM 24",
        0x0004 => "PCM 32",
        0x0005 => "PCM U8",
        0x0006 => "FLOAT 32",
        0x0007 => "FLOAT 64",
        0x0010 => "ULAW",
        0x0011 => "ALAW",
        0x0012 => "IMA ADPCM",
        0x0013 => "MS ADPCM",
        0x0020 => "GSM 6.10",
        0x0021 => "VOX ADPCM",
        0x0022 => "NMS ADPCM 16",
        0x0023 => "NMS ADPCM 24",
        0x0024 => "NMS ADPCM 32",
        0x0030 => "G.721 32",
        0x0031 => "G.723 24",
        0x0032 => "G.723 40",
        0x0040 => "DWVW 12",
        0x0041 => "DWVW 16",
        0x0042 => "DWVW 24",
        0x0043 => "DWVW N",
        0x0050 => "DPCM 8",
        0x0051 => "DPCM 16",
        0x0060 => "VORBIS",
        0x0064 => "OPUS",
        0x0070 => "ALAC 16",
        0x0071 => "ALAC 20",
        0x0072 => "ALAC 24",
        0x0073 => "ALAC 32",
        0x0080 => "MPEG LAYER I",
        0x0081 => "MPEG LAYER II",
        0x0082 => "MPEG LAYER III",
        var other => "encoding 0x" + other.ToString("X4", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// True when every decoded sample is an integer code scaled to float, so it cannot be NaN or
    /// infinite and the reader need not look: integer PCM in any container (FLAC and ALAC included),
    /// µ-law, A-law and the ADPCM family. Float data and the lossy decoders (Vorbis, Opus, MPEG)
    /// produce floats of their own and are checked.
    /// </summary>
    public static bool IsIntegerCoded(int format) => (format & SndFile.FormatSubMask) switch
    {
        0x0006 or 0x0007 => false,
        0x0060 or 0x0064 => false,
        0x0080 or 0x0081 or 0x0082 => false,
        >= 0x0001 and <= 0x0073 => true,
        _ => false,
    };
}
