namespace Echelon.Protocols.Midi.Live;

/// <summary>
/// A live MIDI port could not be created or opened: the RtMidi library is missing, the back end is
/// not available (no JACK server, no ALSA sequencer), or the named port does not exist. The message
/// says which and what to do.
/// </summary>
/// <remarks>
/// Thrown only when creating or opening ports, never while sending or receiving: those report
/// problems through counters and <c>LastError</c> so a clock or control thread never sees an exception.
/// What to do: install the library, start the server or pick another port, then create the port again.
/// </remarks>
public sealed class MidiPortException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MidiPortException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public MidiPortException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MidiPortException()
        : base("a live MIDI port could not be opened.")
    {
    }
}
