namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// How <see cref="StandardMidiFile"/> reads damaged or unusual files: one policy per kind of
/// damage (STYLE habit 13). <see cref="Default"/> reads what common players play and rejects what
/// would change the music; <see cref="Strict"/> accepts only files that follow SMF 1.0 to the letter.
/// </summary>
/// <remarks>
/// Whatever the policies, a file that cannot be read raises <see cref="MidiFileFormatException"/>
/// and nothing else, and reading never allocates more than a small multiple of the file's size.
/// Immutable; safe to share between threads.
/// </remarks>
public sealed record MidiFileReadOptions
{
    /// <summary>Default: tolerate the harmless deviations common files have, reject the rest.</summary>
    public static MidiFileReadOptions Default { get; } = new();

    /// <summary>Every policy <see cref="MidiFileErrorPolicy.Throw"/>.</summary>
    public static MidiFileReadOptions Strict { get; } = new()
    {
        TruncatedChunk = MidiFileErrorPolicy.Throw,
        TrailingBytes = MidiFileErrorPolicy.Throw,
        TrackCountMismatch = MidiFileErrorPolicy.Throw,
        SingleTrackFormatWithSeveralTracks = MidiFileErrorPolicy.Throw,
        RunningStatusAfterMetaOrSystemExclusive = MidiFileErrorPolicy.Throw,
        SystemMessageInTrack = MidiFileErrorPolicy.Throw,
        DataByteOutOfRange = MidiFileErrorPolicy.Throw,
        InvalidMetaEvent = MidiFileErrorPolicy.Throw,
        MissingEndOfTrack = MidiFileErrorPolicy.Throw,
        DataAfterEndOfTrack = MidiFileErrorPolicy.Throw,
    };

    /// <summary>Largest file <see cref="StandardMidiFile.Read(Stream, MidiFileReadOptions?, string?)"/> accepts (default 64 MiB); larger ones throw.</summary>
    public long MaxFileBytes { get; init; } = 64L << 20;

    /// <summary>
    /// A track chunk whose declared length runs past the end of the file, or an event that runs
    /// past the end of its chunk (a file cut short). Default <see cref="MidiFileErrorPolicy.Throw"/>.
    /// Tolerate: keep the complete events before the cut.
    /// </summary>
    public MidiFileErrorPolicy TruncatedChunk { get; init; } = MidiFileErrorPolicy.Throw;

    /// <summary>
    /// Bytes after the last chunk too few for a chunk header, or an unknown chunk whose length runs
    /// past the end of the file. Default <see cref="MidiFileErrorPolicy.Tolerate"/>: ignore them.
    /// </summary>
    public MidiFileErrorPolicy TrailingBytes { get; init; } = MidiFileErrorPolicy.Tolerate;

    /// <summary>
    /// The header's track count differs from the MTrk chunks in the file (unknown chunks, which
    /// readers must skip, do not count). Default <see cref="MidiFileErrorPolicy.Tolerate"/>: keep the tracks found.
    /// </summary>
    public MidiFileErrorPolicy TrackCountMismatch { get; init; } = MidiFileErrorPolicy.Tolerate;

    /// <summary>A format 0 file with more than one track. Default <see cref="MidiFileErrorPolicy.Tolerate"/>: keep them all.</summary>
    public MidiFileErrorPolicy SingleTrackFormatWithSeveralTracks { get; init; } = MidiFileErrorPolicy.Tolerate;

    /// <summary>
    /// Data bytes right after a meta or system exclusive event, relying on the running status from
    /// before it (SMF 1.0 says those events cancel running status). Default
    /// <see cref="MidiFileErrorPolicy.Tolerate"/>: continue the earlier channel status, as most players do.
    /// </summary>
    public MidiFileErrorPolicy RunningStatusAfterMetaOrSystemExclusive { get; init; } = MidiFileErrorPolicy.Tolerate;

    /// <summary>
    /// A system common or real-time status byte (F1–FE except F7) inside a track, which SMF 1.0
    /// does not allow. Default <see cref="MidiFileErrorPolicy.Throw"/>. Tolerate: read the defined ones
    /// (F1, F2, F3, F6, F8, FA, FB, FC, FE) as message events. The undefined F4, F5, F9 and FD
    /// always throw: their length is unknown, so nothing after them can be trusted.
    /// </summary>
    public MidiFileErrorPolicy SystemMessageInTrack { get; init; } = MidiFileErrorPolicy.Throw;

    /// <summary>
    /// A byte ≥ 0x80 where a channel message's data byte belongs. Default
    /// <see cref="MidiFileErrorPolicy.Throw"/>. Tolerate: clip it to 127 (mido's <c>clip=True</c>).
    /// </summary>
    public MidiFileErrorPolicy DataByteOutOfRange { get; init; } = MidiFileErrorPolicy.Throw;

    /// <summary>
    /// A meta event of a defined type with the wrong length or value: set tempo (3 bytes, above 0),
    /// time signature (4), key signature (2; −7…7 sharps, mode 0 or 1), end of track (0), channel
    /// prefix (1), SMPTE offset (5), sequence number (0 or 2), port (0 or 1). Default
    /// <see cref="MidiFileErrorPolicy.Throw"/>. Tolerate: keep the event as bytes (a bad tempo is then
    /// ignored by the tempo map).
    /// </summary>
    public MidiFileErrorPolicy InvalidMetaEvent { get; init; } = MidiFileErrorPolicy.Throw;

    /// <summary>A track that ends without an end-of-track event. Default <see cref="MidiFileErrorPolicy.Tolerate"/>.</summary>
    public MidiFileErrorPolicy MissingEndOfTrack { get; init; } = MidiFileErrorPolicy.Tolerate;

    /// <summary>Bytes in a track chunk after its end-of-track event. Default <see cref="MidiFileErrorPolicy.Tolerate"/>: ignore them.</summary>
    public MidiFileErrorPolicy DataAfterEndOfTrack { get; init; } = MidiFileErrorPolicy.Tolerate;
}
