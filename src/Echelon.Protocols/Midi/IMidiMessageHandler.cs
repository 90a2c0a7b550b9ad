namespace Echelon.Protocols.Midi;

/// <summary>
/// Receives what <see cref="MidiMessageParser"/> finds. Pass a struct implementation to
/// <see cref="MidiMessageParser.Parse{THandler}"/> and the calls are specialized and inlined:
/// no delegate, no boxing, no allocation (STYLE: struct-generic callbacks on hot paths).
/// </summary>
public interface IMidiMessageHandler
{
    /// <summary>A complete short message. Real-time messages arrive as soon as their byte does, even inside another message.</summary>
    void OnMessage(MidiMessage message);

    /// <summary>
    /// A complete system exclusive message: the bytes between F0 and F7, both excluded. The span is
    /// the parser's own buffer and is valid only during the call; copy what must be kept.
    /// </summary>
    void OnSystemExclusive(ReadOnlySpan<byte> data);
}
