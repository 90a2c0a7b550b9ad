namespace Echelon.Studio.Engine;

/// <summary>
/// Peak and RMS of one stereo signal, measured block by block on the audio thread and taken once per control frame
/// on the control thread, without a lock and without losing a block.
/// </summary>
/// <remarks>
/// <para>
/// The audio thread is the only writer. Each <see cref="Measure"/> appends one entry to a ring: the block's peak
/// (the larger channel's largest square) and the running totals of the sum of squares and of samples after it, then
/// publishes the block count with a release write. <see cref="Take"/> (the only reader, the control thread) remembers
/// the count it last took and reads the entries since: the peak is the largest of theirs, the RMS the difference of
/// the running totals. Neither side writes the other's fields and no window is reset by the reader, so a block
/// written while the control thread reads simply belongs to the next window: nothing is lost or counted twice.
/// </para>
/// <para>
/// (An earlier meter kept one running peak that the reader reset by bumping an epoch; a block whose write fell
/// between the reader's load of the peak and its bump was lost from both windows. The ring closes that gap.)
/// </para>
/// <para>
/// A reader that falls more than <see cref="Horizon"/> blocks behind (a control thread stalled for a third of a
/// second at 128-sample blocks) takes the peak of the newest <see cref="Horizon"/> blocks only and counts the rest
/// in <see cref="SkippedBlocks"/>; its RMS still covers every sample, since the totals are cumulative. Allocates
/// nothing after construction.
/// </para>
/// </remarks>
internal sealed class LevelMeter
{
    /// <summary>What a silent signal (or one that never played) reads, dBFS.</summary>
    public const double FloorDbfs = -120;

    /// <summary>
    /// Most blocks one <see cref="Take"/> looks back over: half the ring, so the writer cannot lap the entries the
    /// reader is reading.
    /// </summary>
    public const int Horizon = Capacity / 2;

    private const int Capacity = 256;
    private const int Mask = Capacity - 1;
    private const double FloorSquare = 1e-12;

    private readonly Block[] _blocks = new Block[Capacity];
    private double _sumSquaresTotal;
    private long _samplesTotal;
    private long _written;

    // The reader's side: where it took last, and what it reported then (held while no block arrives).
    private long _taken;
    private double _takenSumSquares;
    private long _takenSamples;
    private double _peakDbfs = FloorDbfs;
    private double _rmsDbfs = FloorDbfs;
    private long _skippedBlocks;

    /// <summary>Blocks the reader has taken so far (control thread: whether a <see cref="Take"/> saw new blocks).</summary>
    public long TakenBlocks => _taken;

    /// <summary>Blocks whose peak a reader that fell behind never looked at (their samples still count in the RMS).</summary>
    public long SkippedBlocks => Volatile.Read(ref _skippedBlocks);

    /// <summary>Measures one block (any length, zero included, which adds nothing). Audio thread only.</summary>
    public void Measure(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.IsEmpty)
        {
            return;
        }

        double peak = 0, sum = 0;
        for (int i = 0; i < left.Length; i++)
        {
            double l = left[i], r = right[i];
            double ll = l * l, rr = r * r;
            peak = Math.Max(peak, Math.Max(ll, rr));
            sum += 0.5 * (ll + rr);
        }

        _sumSquaresTotal += sum;
        _samplesTotal += left.Length;
        long n = _written;
        _blocks[n & Mask] = new Block(peak, _sumSquaresTotal, _samplesTotal);
        Volatile.Write(ref _written, n + 1);
    }

    /// <summary>
    /// Peak and RMS of the blocks measured since the last call, dBFS (<see cref="FloorDbfs"/> when silent); when no
    /// block has been measured since, the last reading again. Control thread only (one reader).
    /// </summary>
    public (double PeakDbfs, double RmsDbfs) Take()
    {
        long written = Volatile.Read(ref _written);
        if (written == _taken)
        {
            return (_peakDbfs, _rmsDbfs);
        }

        long from = _taken;
        if (written - from > Horizon)
        {
            Volatile.Write(ref _skippedBlocks, _skippedBlocks + (written - Horizon - from));
            from = written - Horizon;
        }

        double peak = 0;
        for (long b = from; b < written; b++)
        {
            peak = Math.Max(peak, _blocks[b & Mask].PeakSquare);
        }

        Block last = _blocks[(written - 1) & Mask];
        double sum = last.SumSquaresTotal - _takenSumSquares;
        long samples = last.SamplesTotal - _takenSamples;
        _taken = written;
        _takenSumSquares = last.SumSquaresTotal;
        _takenSamples = last.SamplesTotal;
        _peakDbfs = Dbfs(peak);
        _rmsDbfs = samples > 0 ? Dbfs(Math.Max(0, sum) / samples) : FloorDbfs;
        return (_peakDbfs, _rmsDbfs);
    }

    private static double Dbfs(double square) => square > FloorSquare ? 10 * Math.Log10(square) : FloorDbfs;

    /// <summary>One measured block: its peak square, and the running totals just after it.</summary>
    private readonly record struct Block(double PeakSquare, double SumSquaresTotal, long SamplesTotal);
}
