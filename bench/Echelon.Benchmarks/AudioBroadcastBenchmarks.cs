using BenchmarkDotNet.Attributes;
using Echelon.Studio.Web;

namespace Echelon.Benchmarks;

/// <summary>
/// The audio stream's shared ring: what the audio thread pays per 128-frame block to feed every <c>/ws/audio</c>
/// listener (conversion to int16 with clipping, two index publications), and what one listener's sender pays to
/// cut a 480-frame packet (10 ms at 48 kHz, the sender's poll period). A plain float-to-int16 loop into an array
/// is the baseline for the write.
/// </summary>
[MemoryDiagnoser]
public class AudioBroadcastBenchmarks
{
    private const int Block = 128;
    private readonly float[] _left = new float[Block];
    private readonly float[] _right = new float[Block];
    private readonly short[] _plain = new short[Block * 2];
    private readonly byte[] _packet = new byte[PcmPacket.SizeOf(480, AudioBroadcast.Channels)];
    private AudioBroadcast _broadcast = null!;
    private AudioCursor _cursor = null!;

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Block; i++)
        {
            _left[i] = 0.5f * MathF.Sin(i * 0.05f);
            _right[i] = 0.5f * MathF.Cos(i * 0.05f);
        }

        _broadcast = new AudioBroadcast(48_000);
        if (!_broadcast.TryOpenCursor(1, out AudioCursor? cursor))
        {
            throw new InvalidOperationException("no cursor");
        }

        _cursor = cursor;
    }

    [Benchmark(Baseline = true, Description = "plain float→int16, 128 frames")]
    public short PlainConvert()
    {
        for (int i = 0; i < Block; i++)
        {
            _plain[2 * i] = (short)MathF.Round(Math.Clamp(_left[i], -1f, 1f) * short.MaxValue);
            _plain[(2 * i) + 1] = (short)MathF.Round(Math.Clamp(_right[i], -1f, 1f) * short.MaxValue);
        }

        return _plain[0];
    }

    [Benchmark(Description = "AudioBroadcast.Write, 128 frames")]
    public long Write()
    {
        _broadcast.Write(_left, _right);
        return _broadcast.FramesWritten;
    }

    [Benchmark(Description = "write 4 blocks + cursor packet of 480 frames")]
    public int WriteAndRead()
    {
        for (int i = 0; i < 4; i++)
        {
            _broadcast.Write(_left, _right);
        }

        _cursor.TryReadPacket(_packet, out int bytes);
        return bytes;
    }
}
