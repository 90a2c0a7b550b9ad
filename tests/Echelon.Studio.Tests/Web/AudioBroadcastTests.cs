using System.Buffers.Binary;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Web;

public sealed class AudioBroadcastTests
{
    private const int Rate = 48_000;

    [Fact]
    public void Write_AfterWarmUp_AllocatesNothing()
    {
        var broadcast = new AudioBroadcast(Rate);
        float[] left = new float[128];
        float[] right = new float[128];
        for (int i = 0; i < left.Length; i++)
        {
            left[i] = MathF.Sin(i * 0.1f);
            right[i] = 1.5f * MathF.Cos(i * 0.1f); // clipping is counted, not allocated
        }

        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => broadcast.Write(left, right), warmUp: 100, iterations: 2000));
    }

    [Fact]
    public void Write_RoundsToInt16_ClipsAndSilencesNonFinite_AndCountsBoth()
    {
        var broadcast = new AudioBroadcast(Rate);
        Assert.True(broadcast.TryOpenCursor(1, out AudioCursor? cursor));
        float[] left = [0f, 0.5f, -0.5f, 1f, -1f, 1.5f, -2f, float.NaN, float.PositiveInfinity, 1e-6f];
        float[] right = [.. left.Select(x => -x)];
        broadcast.Write(left, right);

        short[] samples = ReadAll(cursor, out List<PcmPacketHeader> headers);
        Assert.Equal(new PcmPacketHeader(0, Rate, 2, left.Length, false), Assert.Single(headers));
        short[] expectedLeft = [0, 16384, -16384, 32767, -32767, 32767, -32767, 0, 0, 0];
        Assert.Equal(expectedLeft, samples.Where((_, i) => i % 2 == 0));
        Assert.Equal(expectedLeft.Select(x => (short)-x), samples.Where((_, i) => i % 2 == 1));
        Assert.Equal(4, broadcast.ClippedSamples);
        Assert.Equal(4, broadcast.NonFiniteSamples);
        Assert.Equal(left.Length, broadcast.FramesWritten);
    }

    [Fact]
    public void Cursor_ReadsEveryFrameOnce_InOrder_AcrossTheRingEdge()
    {
        var broadcast = new AudioBroadcast(Rate, capacityFrames: 4096);
        Assert.True(broadcast.TryOpenCursor(1, out AudioCursor? cursor));
        long frame = 0;
        var received = new List<short>();
        var sequences = new List<long>();
        for (int block = 0; block < 40; block++)
        {
            int n = 300 + (block * 37 % 700); // odd sizes, so the ring edge falls inside blocks and packets
            WriteRamp(broadcast, frame, n);
            frame += n;
            received.AddRange(ReadAll(cursor, out List<PcmPacketHeader> headers, maxFrames: 512).Where((_, i) => i % 2 == 0));
            sequences.AddRange(headers.Select(h => h.Sequence));
            Assert.All(headers, h => Assert.False(h.Discontinuity));
        }

        Assert.Equal(frame, received.Count);
        Assert.Equal(Enumerable.Range(0, (int)frame).Select(k => BroadcastWriter.RampSample(k)), received);
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(0, cursor.Gaps);
        Assert.Equal(0, broadcast.Gaps);
    }

    [Fact]
    public void Cursor_LappedByTheWriter_SkipsToTheNewest_CountsTheGap_AndFlagsTheNextPacket()
    {
        var broadcast = new AudioBroadcast(Rate, capacityFrames: 1024);
        Assert.True(broadcast.TryOpenCursor(2, out AudioCursor? slow));
        Assert.True(broadcast.TryOpenCursor(2, out AudioCursor? fast));
        WriteRamp(broadcast, 0, 5000);

        byte[] packet = new byte[PcmPacket.SizeOf(256, 2)];
        Assert.True(slow.TryReadPacket(packet, out int bytes));
        Assert.True(PcmPacket.TryReadHeader(packet.AsSpan(0, bytes), out PcmPacketHeader header, out _));

        // Resumes one packet before the newest frame: 5000 − 256.
        Assert.True(header.Discontinuity);
        Assert.Equal(5000 - 256, header.Sequence);
        Assert.Equal(1, slow.Gaps);
        Assert.Equal(5000 - 256, slow.GapFrames);
        Assert.Equal(BroadcastWriter.RampSample(header.Sequence), BinaryPrimitives.ReadInt16LittleEndian(packet.AsSpan(PcmPacket.HeaderBytes)));

        // The rest follows without another gap, and the next packet is not flagged.
        WriteRamp(broadcast, 5000, 100);
        ReadAll(slow, out List<PcmPacketHeader> after);
        Assert.Equal([5000L], after.Select(h => h.Sequence));
        Assert.False(after[0].Discontinuity);
        Assert.Equal(1, slow.Gaps);

        // Totals are across cursors: the second one lost the same frames.
        ReadAll(fast, out _);
        Assert.Equal(2, broadcast.Gaps);
        // It resumes half a ring (512) before the newest frame, 5100, since its packets could hold more.
        Assert.Equal(5100 - 512, fast.GapFrames);
        Assert.Equal(slow.GapFrames + fast.GapFrames, broadcast.GapFrames);
    }

    [Fact]
    public void Cursor_WithAConcurrentWriter_NeverReturnsATornFrame_AndAccountsForEveryFrame()
    {
        var broadcast = new AudioBroadcast(Rate, capacityFrames: 1024);
        Assert.True(broadcast.TryOpenCursor(1, out AudioCursor? cursor));
        const long total = 20_000 * BroadcastWriter.BlockFrames;
        using BroadcastWriter writer = BroadcastWriter.Ramp(broadcast, speed: 0, totalFrames: total);
        byte[] packet = new byte[PcmPacket.SizeOf(700, 2)];
        long framesRead = 0;
        long expectedNext = 0;
        long flagged = 0;
        while (!writer.Finished || cursor.Pending > 0)
        {
            if (!cursor.TryReadPacket(packet, out int bytes))
            {
                Thread.Yield();
                continue;
            }

            Assert.True(PcmPacket.TryReadHeader(packet.AsSpan(0, bytes), out PcmPacketHeader header, out string? problem), problem);
            Assert.True(header.Sequence >= expectedNext);
            Assert.Equal(header.Sequence != expectedNext, header.Discontinuity);
            flagged += header.Discontinuity ? 1 : 0;
            for (int i = 0; i < header.Frames; i++)
            {
                short l = BinaryPrimitives.ReadInt16LittleEndian(packet.AsSpan(PcmPacket.HeaderBytes + (4 * i)));
                short r = BinaryPrimitives.ReadInt16LittleEndian(packet.AsSpan(PcmPacket.HeaderBytes + (4 * i) + 2));
                if (l != BroadcastWriter.RampSample(header.Sequence + i) || r != -l)
                {
                    Assert.Fail($"frame {header.Sequence + i}: got ({l}, {r}), wrote ({BroadcastWriter.RampSample(header.Sequence + i)}, {-BroadcastWriter.RampSample(header.Sequence + i)})");
                }
            }

            framesRead += header.Frames;
            expectedNext = header.Sequence + header.Frames;
        }

        Assert.Equal(total, broadcast.FramesWritten);
        Assert.Equal(total, expectedNext);
        Assert.Equal(total, framesRead + cursor.GapFrames);
        Assert.Equal(cursor.Gaps, flagged);
        Console.WriteLine($"concurrent ring: {framesRead} frames read, {cursor.Gaps} gaps, {cursor.GapFrames} frames skipped");
    }

    [Fact]
    public void TryOpenCursor_AtTheLimit_Refuses_Counts_AndAClosedCursorFreesItsPlace()
    {
        var broadcast = new AudioBroadcast(Rate);
        Assert.True(broadcast.TryOpenCursor(2, out AudioCursor? first));
        Assert.True(broadcast.TryOpenCursor(2, out AudioCursor? second));
        Assert.False(broadcast.TryOpenCursor(2, out AudioCursor? third));
        Assert.Null(third);
        Assert.Equal(1, broadcast.ReadersRefused);
        Assert.Equal(2, broadcast.Readers);

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, broadcast.Readers);
        Assert.True(broadcast.TryOpenCursor(2, out AudioCursor? again));
        Assert.Equal(2, broadcast.Readers);
        second.Dispose();
        again.Dispose();
        Assert.Equal(0, broadcast.Readers);
        Assert.Throws<ObjectDisposedException>(() => second.TryReadPacket(new byte[64], out _));
    }

    [Fact]
    public void NewCursor_StartsAtTheNewestFrame()
    {
        var broadcast = new AudioBroadcast(Rate);
        WriteRamp(broadcast, 0, 1000);
        Assert.True(broadcast.TryOpenCursor(1, out AudioCursor? cursor));
        Assert.Equal(1000, cursor.Position);
        Assert.False(cursor.TryReadPacket(new byte[PcmPacket.SizeOf(64, 2)], out int bytes));
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void BadArguments_AreRefusedWithTheirNames()
    {
        Assert.Equal("capacityFrames", Assert.Throws<ArgumentOutOfRangeException>(() => new AudioBroadcast(Rate, 3000)).ParamName);
        Assert.Equal("capacityFrames", Assert.Throws<ArgumentOutOfRangeException>(() => new AudioBroadcast(Rate, 512)).ParamName);
        Assert.Equal("sampleRate", Assert.Throws<ArgumentOutOfRangeException>(() => new AudioBroadcast(0)).ParamName);
        var broadcast = new AudioBroadcast(Rate);
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => broadcast.Write(new float[4], new float[3])).ParamName);
        Assert.True(broadcast.TryOpenCursor(1, out AudioCursor? cursor));
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => cursor.TryReadPacket(new byte[PcmPacket.HeaderBytes + 3], out _)).ParamName);
        broadcast.Write([], []);
        Assert.Equal(0, broadcast.FramesWritten);
    }

    private static void WriteRamp(AudioBroadcast broadcast, long first, int frames)
    {
        float[] left = new float[frames];
        float[] right = new float[frames];
        for (int i = 0; i < frames; i++)
        {
            left[i] = BroadcastWriter.RampSample(first + i) / 32767f;
            right[i] = -left[i];
        }

        broadcast.Write(left, right);
    }

    private static short[] ReadAll(AudioCursor cursor, out List<PcmPacketHeader> headers, int maxFrames = 4096)
    {
        headers = [];
        var samples = new List<short>();
        byte[] packet = new byte[PcmPacket.SizeOf(maxFrames, 2)];
        while (cursor.TryReadPacket(packet, out int bytes))
        {
            Assert.True(PcmPacket.TryReadHeader(packet.AsSpan(0, bytes), out PcmPacketHeader header, out string? problem), problem);
            headers.Add(header);
            for (int i = PcmPacket.HeaderBytes; i < bytes; i += 2)
            {
                samples.Add(BinaryPrimitives.ReadInt16LittleEndian(packet.AsSpan(i)));
            }
        }

        return [.. samples];
    }
}
