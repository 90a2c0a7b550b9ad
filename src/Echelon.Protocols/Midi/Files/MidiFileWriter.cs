using System.Buffers.Binary;

namespace Echelon.Protocols.Midi.Files;

/// <summary>Writes a <see cref="StandardMidiFile"/> as SMF 1.0 bytes.</summary>
internal static class MidiFileWriter
{
    public static byte[] ToArray(StandardMidiFile file, MidiFileWriteOptions options)
    {
        using var output = new MemoryStream();
        Span<byte> scratch = stackalloc byte[16];
        output.Write("MThd"u8);
        BinaryPrimitives.WriteUInt32BigEndian(scratch, 6);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[4..], (ushort)file.Format);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[6..], (ushort)file.Tracks.Count);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[8..], file.Division.ToWord());
        output.Write(scratch[..10]);

        for (int t = 0; t < file.Tracks.Count; t++)
        {
            WriteTrack(output, file.Tracks[t], t, options);
        }

        return output.ToArray();
    }

    private static void WriteTrack(MemoryStream output, MidiTrack track, int index, MidiFileWriteOptions options)
    {
        Span<byte> scratch = stackalloc byte[16];
        output.Write("MTrk"u8);
        long lengthAt = output.Position;
        output.Write([0, 0, 0, 0]);
        long start = output.Position;

        long previous = 0;
        byte running = 0;
        bool ended = false;
        foreach (var e in track.AsSpan())
        {
            long delta = e.Tick - previous;
            if (delta > Vlq.MaxValue)
            {
                throw new InvalidOperationException(
                    $"track {index}: {delta} ticks between events at {previous} and {e.Tick}; a MIDI file can store at most {Vlq.MaxValue} between two events.");
            }

            output.Write(scratch[..Vlq.Write((int)delta, scratch)]);
            previous = e.Tick;
            switch (e.Kind)
            {
                case MidiFileEventKind.Message:
                    var m = e.Message;
                    bool runs = options.UseRunningStatus && m.IsChannelMessage && m.Status == running;
                    int n = MidiMessageEncoder.Write(m, scratch);
                    output.Write(runs ? scratch[1..n] : scratch[..n]);
                    running = m.IsChannelMessage ? m.Status : m.IsRealTime ? running : (byte)0;
                    break;
                case MidiFileEventKind.Meta:
                    output.WriteByte(0xFF);
                    output.WriteByte((byte)e.MetaType);
                    WriteData(output, e.Data, scratch);
                    running = 0;
                    ended = e.IsEndOfTrack;
                    break;
                default:
                    output.WriteByte(e.Kind == MidiFileEventKind.SystemExclusive ? (byte)0xF0 : (byte)0xF7);
                    WriteData(output, e.Data, scratch);
                    running = 0;
                    break;
            }
        }

        if (!ended)
        {
            output.Write([0x00, 0xFF, 0x2F, 0x00]);
        }

        long length = output.Position - start;
        output.Position = lengthAt;
        BinaryPrimitives.WriteUInt32BigEndian(scratch, checked((uint)length));
        output.Write(scratch[..4]);
        output.Position = output.Length;
    }

    private static void WriteData(MemoryStream output, ReadOnlySpan<byte> data, Span<byte> scratch)
    {
        output.Write(scratch[..Vlq.Write(data.Length, scratch)]);
        output.Write(data);
    }
}
