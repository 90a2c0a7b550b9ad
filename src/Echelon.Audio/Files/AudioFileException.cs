namespace Echelon.Audio.Files;

/// <summary>
/// An audio file could not be read: the message names the file, what is wrong and what is allowed;
/// <see cref="Kind"/> says which failure it is, and <see cref="Frame"/> and <see cref="Channel"/>
/// where in the audio, when that is known.
/// </summary>
/// <remarks>
/// What to do depends on <see cref="Kind"/>: fix the path (<see cref="AudioFileError.NotFound"/>),
/// install libsndfile (<see cref="AudioFileError.LibraryMissing"/>), read anyway with a policy
/// (<see cref="AudioFileError.Truncated"/>, <see cref="AudioFileError.NonFiniteSample"/>), read block
/// by block (<see cref="AudioFileError.TooLong"/>); the others mean the file is bad and retrying
/// will not help.
/// </remarks>
public sealed class AudioFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file that failed.</param>
    /// <param name="kind">Which failure it is.</param>
    /// <param name="problem">What is wrong and what is allowed.</param>
    /// <param name="frame">The frame (from 0) where the problem is, if known.</param>
    /// <param name="channel">The channel (from 0) where the problem is, if known.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public AudioFileException(string path, AudioFileError kind, string problem, long? frame = null, int? channel = null, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Kind = kind;
        Problem = problem;
        Frame = frame;
        Channel = channel;
    }

    /// <summary>Creates the exception with a generic message (prefer the detailed constructor).</summary>
    public AudioFileException()
        : this("(unknown)", AudioFileError.ReadFailed, "unreadable audio file")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public AudioFileException(string message)
        : this("(unknown)", AudioFileError.ReadFailed, message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public AudioFileException(string message, Exception inner)
        : this("(unknown)", AudioFileError.ReadFailed, message, inner: inner)
    {
    }

    /// <summary>The file that failed, as the caller named it.</summary>
    public string Path { get; }

    /// <summary>Which failure it is.</summary>
    public AudioFileError Kind { get; }

    /// <summary>What is wrong and what is allowed (the message without the path).</summary>
    public string Problem { get; }

    /// <summary>
    /// The frame (from 0) where the problem is: the first bad sample's frame, or for a truncated
    /// file the frame where the data ends (= the frames present). Null when it is not about a place in the audio.
    /// </summary>
    public long? Frame { get; }

    /// <summary>The channel (from 0) of the first bad sample; null otherwise.</summary>
    public int? Channel { get; }
}
