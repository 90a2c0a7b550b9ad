using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Echelon.Studio.Engine;

namespace Echelon.Studio.Web;

/// <summary>
/// The finished stereo mix, shared with every <c>/ws/audio</c> listener: one ring of 16-bit frames that the audio
/// thread writes and each listener reads through its own <see cref="AudioCursor"/>. A listener that falls more
/// than the ring behind skips to the newest frames and the frames it lost are counted as a gap; the writer never
/// waits for anyone.
/// </summary>
/// <remarks>
/// <para>
/// Threading: <see cref="Write"/> from one thread (the audio thread); it allocates nothing, takes no lock and never
/// blocks. Everything else from any thread. Each frame's sequence number is its index since the broadcast began.
/// </para>
/// <para>
/// The writer publishes two indices: before touching the ring it announces the frames it is about to overwrite
/// (<c>_reserved</c>, with a full fence), after writing them it publishes <c>_written</c> (release). A reader copies
/// frames below <c>_written</c>, then checks that <c>_reserved</c> has not come within a ring's length of what it
/// copied; if it has, the copy may be torn and is thrown away as a gap. This is the seqlock idea applied to a ring
/// (design note 0016).
/// </para>
/// </remarks>
public sealed class AudioBroadcast : IAudioBlockSink
{
    /// <summary>Channels in every frame: the stereo mix.</summary>
    public const int Channels = 2;

    /// <summary>Ring length used when none is given: 2^16 frames (1.37 s at 48 kHz).</summary>
    public const int DefaultCapacityFrames = 1 << 16;

    private readonly short[] _ring;
    private readonly int _mask;
    private readonly int _chunkFrames;

    // Writer-only copy of _written, so the writer never reads back what it published.
    private long _writerPosition;
    private long _written;
    private long _reserved;
    private long _nonFinite;
    private long _clipped;

    private int _readers;
    private long _readersRefused;
    private long _gaps;
    private long _gapFrames;

    /// <summary>Creates a broadcast of <paramref name="sampleRate"/> Hz stereo with a ring of <paramref name="capacityFrames"/> frames.</summary>
    /// <param name="sampleRate">Frames per second, as the engine renders them.</param>
    /// <param name="capacityFrames">Ring length in frames: a power of two, at least 1024. How far a listener may fall behind before it skips.</param>
    /// <exception cref="ArgumentOutOfRangeException">Sample rate not positive, or capacity not a power of two of at least 1024.</exception>
    public AudioBroadcast(int sampleRate, int capacityFrames = DefaultCapacityFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityFrames, 1024);
        if (!BitOperations.IsPow2(capacityFrames))
        {
            throw new ArgumentOutOfRangeException(nameof(capacityFrames), capacityFrames, "capacityFrames must be a power of two (1024, 2048, …).");
        }

        SampleRate = sampleRate;
        CapacityFrames = capacityFrames;
        _ring = new short[capacityFrames * Channels];
        _mask = capacityFrames - 1;

        // The writer reserves at most a quarter of the ring at a time, so a reader always has three quarters it can copy safely.
        _chunkFrames = capacityFrames / 4;
    }

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Ring length in frames.</summary>
    public int CapacityFrames { get; }

    /// <summary>Frames written since the broadcast began: the sequence number the next frame will get.</summary>
    public long FramesWritten => Volatile.Read(ref _written);

    /// <summary>NaN or infinite samples the writer replaced with silence.</summary>
    public long NonFiniteSamples => Volatile.Read(ref _nonFinite);

    /// <summary>Samples outside −1…1 that were clipped to full scale.</summary>
    public long ClippedSamples => Volatile.Read(ref _clipped);

    /// <summary>Cursors open now (one per listener).</summary>
    public int Readers => Volatile.Read(ref _readers);

    /// <summary>Listeners refused because the limit was reached.</summary>
    public long ReadersRefused => Interlocked.Read(ref _readersRefused);

    /// <summary>Gaps across all cursors, ever: times a listener fell a ring behind and skipped ahead.</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Frames skipped across all cursors, ever.</summary>
    public long GapFrames => Interlocked.Read(ref _gapFrames);

    /// <summary>
    /// Appends one block of the mix: converts to 16-bit with rounding, clips to full scale (counted), replaces
    /// NaN and infinities with silence (counted). Blocks of any length, zero included.
    /// </summary>
    /// <remarks>Audio thread, one writer only: no allocation, no lock, never waits.</remarks>
    /// <exception cref="ArgumentException">The channels differ in length.</exception>
    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
        {
            ThrowLengthMismatch(left.Length, right.Length);
        }

        int offset = 0;
        while (offset < left.Length)
        {
            int n = Math.Min(left.Length - offset, _chunkFrames);
            long start = _writerPosition;

            // A full fence: readers must see the reservation before any overwritten sample.
            Interlocked.Exchange(ref _reserved, start + n);
            WriteChunk(left.Slice(offset, n), right.Slice(offset, n), start);
            _writerPosition = start + n;
            Volatile.Write(ref _written, start + n);
            offset += n;
        }
    }

    /// <summary>
    /// Opens a cursor at the newest frame for one listener, unless <paramref name="limit"/> cursors are open
    /// already (then counted in <see cref="ReadersRefused"/> and false).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public bool TryOpenCursor(int limit, [NotNullWhen(true)] out AudioCursor? cursor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        int current = Volatile.Read(ref _readers);
        while (true)
        {
            if (current >= limit)
            {
                Interlocked.Increment(ref _readersRefused);
                cursor = null;
                return false;
            }

            int seen = Interlocked.CompareExchange(ref _readers, current + 1, current);
            if (seen == current)
            {
                cursor = new AudioCursor(this, FramesWritten);
                return true;
            }

            current = seen;
        }
    }

    /// <summary>The frame index below which the ring may already hold newer frames (the writer's reservation minus a ring).</summary>
    internal long OldestIntactFrame
    {
        get
        {
            // Orders the caller's earlier ring loads before this load (the reader's half of the seqlock).
            Interlocked.MemoryBarrier();
            return Volatile.Read(ref _reserved) - CapacityFrames;
        }
    }

    /// <summary>Copies frames [<paramref name="first"/>, <paramref name="first"/> + <paramref name="frames"/>) as little-endian int16 into <paramref name="destination"/>.</summary>
    internal void CopyFrames(long first, int frames, Span<byte> destination)
    {
        int start = (int)(first & _mask);
        int head = Math.Min(frames, CapacityFrames - start);
        Span<short> target = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(destination[..(frames * Channels * sizeof(short))]);
        _ring.AsSpan(start * Channels, head * Channels).CopyTo(target);
        _ring.AsSpan(0, (frames - head) * Channels).CopyTo(target[(head * Channels)..]);
        if (!BitConverter.IsLittleEndian)
        {
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(target, target);
        }
    }

    internal void ReaderClosed() => Interlocked.Decrement(ref _readers);

    internal void CountGap(long frames)
    {
        Interlocked.Increment(ref _gaps);
        Interlocked.Add(ref _gapFrames, frames);
    }

    private void WriteChunk(ReadOnlySpan<float> left, ReadOnlySpan<float> right, long start)
    {
        short[] ring = _ring;
        int index = (int)(start & _mask);
        long nonFinite = 0;
        long clipped = 0;
        for (int i = 0; i < left.Length; i++)
        {
            int slot = index * Channels;
            ring[slot] = ToInt16(left[i], ref nonFinite, ref clipped);
            ring[slot + 1] = ToInt16(right[i], ref nonFinite, ref clipped);
            index = (index + 1) & _mask;
        }

        if (nonFinite != 0)
        {
            Volatile.Write(ref _nonFinite, _nonFinite + nonFinite);
        }

        if (clipped != 0)
        {
            Volatile.Write(ref _clipped, _clipped + clipped);
        }
    }

    private static short ToInt16(float sample, ref long nonFinite, ref long clipped)
    {
        if (!float.IsFinite(sample))
        {
            nonFinite++;
            return 0;
        }

        if (sample > 1f)
        {
            clipped++;
            return short.MaxValue;
        }

        if (sample < -1f)
        {
            clipped++;
            return -short.MaxValue;
        }

        return (short)MathF.Round(sample * short.MaxValue);
    }

    [DoesNotReturn]
    private static void ThrowLengthMismatch(int left, int right) =>
        throw new ArgumentException($"left has {left} samples and right {right}; a stereo block needs both the same length.", nameof(right));
}
