using Echelon.Protocols.Midi;

namespace Echelon.Protocols.Tests.Midi.Infrastructure;

/// <summary>A struct handler that only counts and sums, so parsing through it allocates nothing.</summary>
public struct CountingHandler : IMidiMessageHandler
{
    public int Messages { get; private set; }

    public int SystemExclusiveBytes { get; private set; }

    public int Checksum { get; private set; }

    public void OnMessage(MidiMessage message)
    {
        Messages++;
        Checksum += message.Status + message.Data1 + message.Data2;
    }

    public void OnSystemExclusive(ReadOnlySpan<byte> data) => SystemExclusiveBytes += data.Length;
}
