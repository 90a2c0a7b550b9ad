namespace Echelon.Protocols.Midi.Files;

/// <summary>How <see cref="StandardMidiFile"/> writes a file.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record MidiFileWriteOptions
{
    /// <summary>The defaults: running status on.</summary>
    public static MidiFileWriteOptions Default { get; } = new();

    /// <summary>
    /// Omit a channel message's status byte when it repeats the previous one (SMF 1.0 allows it and
    /// every reader handles it; files get up to a third smaller). Meta and system exclusive events
    /// cancel it, as the specification says. Default true.
    /// </summary>
    public bool UseRunningStatus { get; init; } = true;
}
