using System.Buffers.Binary;
using Echelon.Protocols.Midi.Files;
using Echelon.Protocols.Tests.Midi.Infrastructure;

namespace Echelon.Protocols.Tests.Midi.Files;

/// <summary>
/// Seeded mutation fuzzing of the SMF reader over the shared vector files: whatever the bytes, only
/// <see cref="MidiFileFormatException"/> escapes, memory stays within a small multiple of the input
/// (a declared 4 GiB chunk or meta event must not allocate 4 GiB), and whatever is read writes and
/// reads back equal.
/// </summary>
public sealed class MidiFileFuzzTests
{
    private const int Mutations = 60_000;
    private const int SeedFileLimit = 20_000;

    private static readonly MidiFileReadOptions s_tolerant = new()
    {
        TruncatedChunk = MidiFileErrorPolicy.Tolerate,
        TrailingBytes = MidiFileErrorPolicy.Tolerate,
        TrackCountMismatch = MidiFileErrorPolicy.Tolerate,
        SingleTrackFormatWithSeveralTracks = MidiFileErrorPolicy.Tolerate,
        RunningStatusAfterMetaOrSystemExclusive = MidiFileErrorPolicy.Tolerate,
        SystemMessageInTrack = MidiFileErrorPolicy.Tolerate,
        DataByteOutOfRange = MidiFileErrorPolicy.Tolerate,
        InvalidMetaEvent = MidiFileErrorPolicy.Tolerate,
        MissingEndOfTrack = MidiFileErrorPolicy.Tolerate,
        DataAfterEndOfTrack = MidiFileErrorPolicy.Tolerate,
    };

    private static readonly byte[] s_interesting = [0x00, 0x01, 0x7F, 0x80, 0x81, 0xFF, 0xF0, 0xF7, 0xF4, 0xF8, 0x2F, 0x51, 0x58, 0x59, 0x90, 0x4D];

    [Fact]
    public async Task MutatedVectors_OnlyMidiFileFormatExceptionEscapes_AndMemoryIsBounded()
    {
        // The run is sized to finish in well under 30 s in Debug; the time limit only catches a hang.
        var (read, rejected, failures, worstRatio) = await Task.Run(Fuzz).WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(5)));
        Assert.Equal(Mutations, read + rejected);
        Assert.True(read > Mutations / 10, $"only {read} mutants were readable: the mutations are too destructive to test the reader's inside");
        Assert.True(rejected > Mutations / 10, $"only {rejected} mutants were rejected");
        Assert.True(worstRatio < 64, $"reading took {worstRatio:0.0} bytes per input byte");
    }

    private static (int Read, int Rejected, List<string> Failures, double WorstRatio) Fuzz()
    {
        var seeds = MidiTestData.AllMidiFiles()
            .Select(File.ReadAllBytes)
            .Where(b => b.Length is > 0 and <= SeedFileLimit)
            .ToList();
        var rng = new Random(0x5EED);
        var failures = new List<string>();
        int read = 0;
        int rejected = 0;
        double worstRatio = 0;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] input = Mutate(seeds[rng.Next(seeds.Count)], rng);
            var options = (i % 3) switch { 0 => MidiFileReadOptions.Default, 1 => MidiFileReadOptions.Strict, _ => s_tolerant };
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var smf = StandardMidiFile.Parse(input, options);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                worstRatio = Math.Max(worstRatio, (allocated - 8192.0) / input.Length);
                read++;
                _ = smf.GetNotes();
                _ = smf.GetNotes(NoteOffPairing.EndAll);
                _ = smf.DurationSeconds;
                if (i % 8 == 0)
                {
                    CheckRoundTrip(smf, failures, i);
                }
            }
            catch (MidiFileFormatException e)
            {
                rejected++;
                if (e.Offset < 0 || e.Offset > input.Length || e.Track < 0)
                {
                    failures.Add($"mutant {i}: offset {e.Offset} track {e.Track} outside the {input.Length}-byte input: {e.Message}");
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                worstRatio = Math.Max(worstRatio, (allocated - 8192.0) / input.Length);
            }
#pragma warning disable CA1031 // the point of the test is to catch every other exception type
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"mutant {i}: {e.GetType().Name}: {e.Message} input {Convert.ToHexString(input)}");
            }
        }

        return (read, rejected, failures, worstRatio);
    }

    private static void CheckRoundTrip(StandardMidiFile smf, List<string> failures, int i)
    {
        byte[] bytes;
        try
        {
            bytes = smf.ToArray();
        }
        catch (InvalidOperationException)
        {
            return; // a track whose events cannot be written (documented); not a reader problem
        }

        var again = StandardMidiFile.Parse(bytes, s_tolerant);
        for (int t = 0; t < smf.Tracks.Count; t++)
        {
            var a = smf.Tracks[t].Events;
            var b = again.Tracks[t].Events;
            int n = a.Count > 0 && a[^1].IsEndOfTrack ? a.Count : a.Count + 1;
            if (b.Count != n || !a.SequenceEqual(b.Take(a.Count)))
            {
                failures.Add($"mutant {i}: track {t} does not read back equal after writing");
                return;
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random rng)
    {
        var data = new List<byte>(seed);
        int count = 1 + rng.Next(4);
        for (int m = 0; m < count && data.Count > 0; m++)
        {
            int at = rng.Next(data.Count);
            switch (rng.Next(10))
            {
                case 0:
                    data[at] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1:
                    data[at] = (byte)rng.Next(256);
                    break;
                case 2:
                    data[at] = s_interesting[rng.Next(s_interesting.Length)];
                    break;
                case 3:
                    data.InsertRange(at, Enumerable.Range(0, 1 + rng.Next(8)).Select(_ => (byte)rng.Next(256)));
                    break;
                case 4:
                    data.RemoveRange(at, Math.Min(1 + rng.Next(16), data.Count - at));
                    break;
                case 5:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 6:
                    // A huge declared length, at a chunk length field or anywhere.
                    int field = rng.Next(3) switch { 0 => 4, 1 => 18, _ => at };
                    uint huge = rng.Next(3) switch { 0 => 0xFFFFFFFF, 1 => 0x7FFFFFFF, _ => (uint)rng.Next() };
                    byte[] b = new byte[4];
                    BinaryPrimitives.WriteUInt32BigEndian(b, huge);
                    for (int k = 0; k < 4 && field + k < data.Count; k++)
                    {
                        data[field + k] = b[k];
                    }

                    break;
                case 7:
                    // A maximal VLQ (a 256 MiB meta or SysEx length, or a long delta).
                    data.InsertRange(at, rng.Next(2) == 0 ? [0xFF, 0xFF, 0xFF, 0x7F] : [0xFF, 0x01, 0xFF, 0xFF, 0xFF, 0x7F]);
                    break;
                case 8:
                    int length = Math.Min(1 + rng.Next(32), data.Count - at);
                    data.InsertRange(rng.Next(data.Count), data.GetRange(at, length));
                    break;
                default:
                    data.InsertRange(at, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF]); // an over-long VLQ
                    break;
            }
        }

        return [.. data];
    }
}
