using Echelon.Protocols.Midi;

namespace Echelon.Protocols.Tests.Midi.Infrastructure;

/// <summary>What the parser delivered, in order: short messages, and system exclusive payloads as hex.</summary>
public sealed class CollectingHandler : IMidiMessageHandler
{
    public List<MidiMessage> Messages { get; } = [];

    public List<string> SystemExclusive { get; } = [];

    /// <summary>Everything in arrival order: a message's ToString, or "SysEx HEX".</summary>
    public List<string> Log { get; } = [];

    public void OnMessage(MidiMessage message)
    {
        Messages.Add(message);
        Log.Add(message.ToString());
    }

    public void OnSystemExclusive(ReadOnlySpan<byte> data)
    {
        string hex = Convert.ToHexString(data);
        SystemExclusive.Add(hex);
        Log.Add("SysEx " + hex);
    }

    public static CollectingHandler Parse(MidiMessageParser parser, params byte[] bytes)
    {
        var handler = new CollectingHandler();
        parser.Parse(bytes, ref handler);
        return handler;
    }

    public static CollectingHandler Parse(params byte[] bytes) => Parse(new MidiMessageParser(), bytes);
}
