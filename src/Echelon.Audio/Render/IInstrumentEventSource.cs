namespace Echelon.Audio.Render;

/// <summary>
/// Where an <see cref="InstrumentRenderer"/> takes its notes from, oldest first: a fixed list offline, a ring the
/// composer fills one bar ahead live.
/// </summary>
/// <remarks>Called on the render (audio) thread only: implementations must not allocate, lock or block.</remarks>
public interface IInstrumentEventSource
{
    /// <summary>The next note without taking it; false when none is waiting.</summary>
    bool TryPeek(out InstrumentEvent note);

    /// <summary>Takes the note <see cref="TryPeek"/> returned.</summary>
    void Advance();
}
