using Echelon.Protocols.Midi;

namespace Echelon.Protocols.Tests.Midi.Infrastructure;

/// <summary>Seeded random MIDI byte streams with the log a correct parser must produce.</summary>
public static class MidiTestStreams
{
    private static readonly MidiMessage[] s_realTime =
        [MidiMessage.TimingClock, MidiMessage.Start, MidiMessage.Continue, MidiMessage.Stop, MidiMessage.ActiveSensing, MidiMessage.SystemReset];

    /// <summary>A random message from every kind except system exclusive, favouring a few statuses so running status kicks in.</summary>
    public static MidiMessage RandomMessage(Random rng)
    {
        var ch = new MidiChannel(rng.Next(3));
        var a = new SevenBit(rng.Next(128));
        var b = new SevenBit(rng.Next(128));
        return rng.Next(14) switch
        {
            0 or 1 or 2 => MidiMessage.NoteOn(ch, a, b),
            3 => MidiMessage.NoteOff(ch, a, b),
            4 => MidiMessage.PolyphonicPressure(ch, a, b),
            5 or 6 => MidiMessage.ControlChange(ch, a, b),
            7 => MidiMessage.ProgramChange(ch, a),
            8 => MidiMessage.ChannelPressure(ch, a),
            9 => MidiMessage.PitchBend(ch, new FourteenBit(rng.Next(16384))),
            10 => MidiMessage.TimeCodeQuarterFrame(a),
            11 => MidiMessage.SongPosition(new FourteenBit(rng.Next(16384))),
            12 => MidiMessage.SongSelect(a),
            _ => MidiMessage.TuneRequest,
        };
    }

    /// <summary>
    /// Encodes <paramref name="messages"/> random messages and system exclusives with running status,
    /// with real-time bytes dropped in between any two bytes (inside messages too).
    /// </summary>
    public static byte[] Mixed(int seed, int messages, out List<string> expectedLog)
    {
        var rng = new Random(seed);
        var encoder = new MidiRunningStatusEncoder();
        var bytes = new List<byte>();
        expectedLog = [];
        Span<byte> buffer = stackalloc byte[64];
        for (int i = 0; i < messages; i++)
        {
            int n;
            string entry;
            if (rng.Next(20) == 0)
            {
                var payload = new byte[rng.Next(0, 12)];
                for (int k = 0; k < payload.Length; k++)
                {
                    payload[k] = (byte)rng.Next(128);
                }

                n = encoder.WriteSystemExclusive(payload, buffer);
                entry = "SysEx " + Convert.ToHexString(payload);
            }
            else
            {
                var m = RandomMessage(rng);
                n = encoder.Write(m, buffer);
                entry = m.ToString();
            }

            for (int k = 0; k < n; k++)
            {
                if (rng.Next(8) == 0)
                {
                    var rt = s_realTime[rng.Next(s_realTime.Length)];
                    bytes.Add(rt.Status);
                    expectedLog.Add(rt.ToString());
                }

                bytes.Add(buffer[k]);
            }

            expectedLog.Add(entry);
        }

        return [.. bytes];
    }
}
