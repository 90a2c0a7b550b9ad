using System.Diagnostics;
using Echelon.Audio.Devices;

namespace Echelon.Audio.Tests.Devices.Infrastructure;

/// <summary>
/// A render callback that writes a sine per channel (1 kHz and 1.25 kHz by default: neither period divides a 128-frame
/// block, so a block played twice or skipped breaks both) (its phase taken from the sample position, so the audio is
/// continuous exactly when the clock is) and records, for each block, into arrays allocated up front: the sample
/// position, the Stopwatch time, the calling thread and the bytes that thread had allocated so far. It also notices
/// two renders at once. Faults can be injected: blocks with index in [<see cref="ThrowFrom"/>, <see cref="ThrowUntil"/>) throw.
/// </summary>
public sealed class RecordingCallback : IAudioRenderCallback
{
    private static readonly InvalidOperationException s_fault = new("injected render fault");

    private readonly double _leftStep;
    private readonly double _rightStep;
    private readonly float _leftAmplitude;
    private readonly float _rightAmplitude;
    private int _count;
    private int _inside;
    private int _overlaps;

    public RecordingCallback(int capacity, int sampleRate = 48_000, double leftHz = 1000, float leftAmplitude = 0.5f, double rightHz = 1250, float rightAmplitude = 0.25f)
    {
        Positions = new long[capacity];
        Timestamps = new long[capacity];
        Allocated = new long[capacity];
        ThreadIds = new int[capacity];
        FrameCounts = new int[capacity];
        _leftStep = 2 * Math.PI * leftHz / sampleRate;
        _rightStep = 2 * Math.PI * rightHz / sampleRate;
        _leftAmplitude = leftAmplitude;
        _rightAmplitude = rightAmplitude;
    }

    public long[] Positions { get; }

    public long[] Timestamps { get; }

    public long[] Allocated { get; }

    public int[] ThreadIds { get; }

    public int[] FrameCounts { get; }

    /// <summary>First block index that throws (−1: none).</summary>
    public int ThrowFrom { get; init; } = -1;

    /// <summary>Block index after the last that throws.</summary>
    public int ThrowUntil { get; init; } = -1;

    /// <summary>Blocks rendered so far (recorded up to the capacity).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Times a render began while another was under way.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>How many blocks were recorded (at most the capacity).</summary>
    public int Recorded => Math.Min(Count, Positions.Length);

    public void Render(Span<float> left, Span<float> right, in AudioClockInfo info)
    {
        if (Interlocked.Increment(ref _inside) != 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            int i = _count;
            if (i < Positions.Length)
            {
                Positions[i] = info.SamplePosition;
                Timestamps[i] = Stopwatch.GetTimestamp();
                ThreadIds[i] = Environment.CurrentManagedThreadId;
                FrameCounts[i] = info.FrameCount;
                Allocated[i] = GC.GetAllocatedBytesForCurrentThread();
            }

            Volatile.Write(ref _count, i + 1);
            if (i >= ThrowFrom && i < ThrowUntil)
            {
                left[0] = 1; // a half-written block, which the output must not play
                throw s_fault;
            }

            for (int k = 0; k < left.Length; k++)
            {
                long n = info.SamplePosition + k;
                left[k] = _leftAmplitude * (float)Math.Sin(_leftStep * n);
                right[k] = _rightAmplitude * (float)Math.Sin(_rightStep * n);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>Waits until <paramref name="blocks"/> blocks have been rendered; false on timeout.</summary>
    public bool WaitFor(int blocks, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Count < blocks)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(2);
        }

        return true;
    }

    /// <summary>
    /// Bytes the audio thread allocated between consecutive blocks after <paramref name="warmUp"/> blocks: the least
    /// of three equal rounds (the runtime allocates once now and then on its own; see AllocationProbe), and the
    /// largest single step, over the recorded blocks rendered by the same thread.
    /// </summary>
    public (long LeastRound, long LargestStep, int Steps) AllocationAfter(int warmUp)
    {
        int end = Recorded;
        var steps = new List<long>();
        for (int i = warmUp + 1; i < end; i++)
        {
            if (ThreadIds[i] == ThreadIds[i - 1])
            {
                steps.Add(Allocated[i] - Allocated[i - 1]);
            }
        }

        if (steps.Count < 3)
        {
            throw new InvalidOperationException($"only {steps.Count} steps after {warmUp} warm-up blocks; render longer.");
        }

        int third = steps.Count / 3;
        long least = long.MaxValue;
        for (int r = 0; r < 3; r++)
        {
            least = Math.Min(least, steps.Skip(r * third).Take(third).Sum());
        }

        return (least, steps.Max(), steps.Count);
    }
}
