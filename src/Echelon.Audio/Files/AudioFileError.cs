namespace Echelon.Audio.Files;

/// <summary>What went wrong reading an audio file, so a caller can act on it without parsing the message.</summary>
public enum AudioFileError
{
    /// <summary>No file at the path (or it is a folder). Check the path.</summary>
    NotFound,

    /// <summary>The file has 0 bytes. It was never written; retrying will not help.</summary>
    Empty,

    /// <summary>Not an audio format libsndfile recognises (a text file, an MP4), or a known container with an encoding it cannot decode.</summary>
    UnsupportedFormat,

    /// <summary>The header is malformed or declares values outside what is allowed (no channels, a sample rate of 0, too many channels).</summary>
    InvalidHeader,

    /// <summary>The file is shorter than its header declares. <see cref="AudioFileReadOptions.AllowTruncated"/> reads what is there.</summary>
    Truncated,

    /// <summary>A NaN or infinite sample. <see cref="AudioFileReadOptions.NonFiniteSamples"/> chooses to replace or keep them instead.</summary>
    NonFiniteSample,

    /// <summary>Reading failed part-way (an I/O error, a decoder error, no permission). The message carries libsndfile's words.</summary>
    ReadFailed,

    /// <summary>More frames per channel than one array holds. Read it block by block with <see cref="AudioFileReader.Open"/>.</summary>
    TooLong,

    /// <summary>The native library libsndfile is not installed. The message says how to install it.</summary>
    LibraryMissing,
}
