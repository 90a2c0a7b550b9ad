using Echelon.Audio.Render;

namespace Echelon.Studio.Engine;

/// <summary>
/// The composer's notes on their way to the audio thread: the control thread writes a bar's notes in start order,
/// one bar ahead; the renderer peeks and takes them as their start samples come. A full queue drops the note and
/// counts it.
/// </summary>
internal sealed class NoteQueue(int capacity) : IInstrumentEventSource
{
    private readonly SpscRing<InstrumentEvent> _ring = new(capacity);
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Count => _ring.Count;

    public bool TryWrite(in InstrumentEvent note)
    {
        if (_ring.TryWrite(note))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    public bool TryPeek(out InstrumentEvent note) => _ring.TryPeek(out note);

    public void Advance() => _ring.Advance();
}
