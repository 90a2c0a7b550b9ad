using System.Globalization;

namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// A MIDI file could not be read: the message names the file, the byte offset from the start of
/// the file where the problem was found, the track (when inside one), and what was wrong.
/// </summary>
/// <remarks>
/// What to do: the file is damaged or breaks the SMF 1.0 rules; retrying will not help. Several
/// kinds of damage can be read past with <see cref="MidiFileReadOptions"/> (each names the policy that
/// controls it). Errors of the file system itself (missing file, no permission) stay ordinary
/// <see cref="IOException"/>s. This is the only exception the reader throws for bad content.
/// </remarks>
public sealed class MidiFileFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file (or stream name) being read.</param>
    /// <param name="offset">Byte offset from the start of the file where the problem was found.</param>
    /// <param name="track">Index of the track chunk (0-based, counting MTrk chunks only), or null outside any track.</param>
    /// <param name="problem">What was wrong and what is allowed.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public MidiFileFormatException(string source, long offset, int? track, string problem, Exception? inner = null)
        : base(Describe(source, offset, track, problem), inner)
    {
        File = source;
        Offset = offset;
        Track = track;
        Problem = problem;
    }

    /// <summary>Creates the exception with a generic message (prefer the detailed constructor).</summary>
    public MidiFileFormatException()
        : this("(unknown)", 0, null, "unreadable MIDI file")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public MidiFileFormatException(string message)
        : this("(unknown)", 0, null, message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public MidiFileFormatException(string message, Exception inner)
        : this("(unknown)", 0, null, message, inner)
    {
    }

    /// <summary>The file (or stream name) being read.</summary>
    public string File { get; }

    /// <summary>Byte offset from the start of the file where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>Index of the track (0-based, MTrk chunks only), or null for the header and the chunk structure.</summary>
    public int? Track { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string Problem { get; }

    private static string Describe(string source, long offset, int? track, string problem) => track is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{source}: byte {offset}: track {t}: {problem}")
        : string.Create(CultureInfo.InvariantCulture, $"{source}: byte {offset}: {problem}");
}
