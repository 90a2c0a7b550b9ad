using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Echelon.Music.Theory;

namespace Echelon.Music.Transport;

/// <summary>
/// The musical clock: sample rate, tempo (<see cref="Bpm"/>), meter, key and section; the position in
/// samples and beats and the beat phase θ; an exact beat ↔ sample mapping across tempo changes; grid
/// quantization; tempo following with a bounded rate of change; key, section and meter changes that wait
/// for the next bar line.
/// </summary>
/// <remarks>
/// <para>
/// Exact mapping: each tempo change happens at a whole sample S (a block start) and records an anchor
/// (S, beat at S, samples per beat). Within a segment beat(s) = anchorBeat + (s − S) / samplesPerBeat and
/// sample(b) = S + round((b − anchorBeat) · samplesPerBeat), so times never accumulate per-block rounding
/// and <c>SampleAtBeat(BeatAtSample(s)) == s</c> for every sample. The last 64 anchors are kept, so recent
/// past times (a live onset a block or two ago) map through the tempo they were played at; beyond that
/// the oldest kept segment is extended.
/// </para>
/// <para>
/// The class is named <c>TransportClock</c>, not <c>Transport</c>, because a type named like its own
/// namespace cannot be referred to by its short name from any sibling namespace (<c>Echelon.Music.*</c>):
/// the name resolves to the namespace first (Framework Design Guidelines, "Names of namespaces").
/// </para>
/// <para>
/// Threading: not thread-safe. One thread (the audio or control thread) owns it; requests from other
/// threads reach it through the owner's SPSC queue. <see cref="Advance"/> and the queries allocate nothing
/// and raise no events: what happened in a block comes back as a <see cref="TransportBlock"/>.
/// </para>
/// </remarks>
public sealed class TransportClock
{
    /// <summary>Tempo anchors kept for mapping past times.</summary>
    public const int AnchorHistory = 64;

    /// <summary>A beat this close to a grid point counts as on it for <see cref="QuantizeToNextGrid"/>.</summary>
    public const double GridTolerance = 1e-9;

    private const int AnchorMask = AnchorHistory - 1;

    private readonly long[] _anchorSample = new long[AnchorHistory];
    private readonly double[] _anchorBeat = new double[AnchorHistory];
    private readonly double[] _anchorSamplesPerBeat = new double[AnchorHistory];
    private readonly Bpm _initialTempo;
    private readonly Meter _initialMeter;
    private readonly Scale _initialKey;

    private int _newest;
    private int _anchorCount;
    private long _position;
    private Bpm _tempo;
    private Meter _meter;
    private Scale _key;
    private int _section;

    private long _bar;
    private double _barBeat;
    private long _nextBar;
    private double _nextBarBeat;

    private bool _keyPending;
    private Scale _pendingKey;
    private bool _sectionPending;
    private int _pendingSection;
    private bool _meterPending;
    private Meter _pendingMeter;

    private bool _following;
    private Bpm _followTarget;
    private double _followRate;

    /// <summary>Creates a transport at sample 0, beat 0, bar 0 about to start, section 0.</summary>
    /// <param name="sampleRate">Samples per second (positive).</param>
    /// <param name="tempo">The starting tempo.</param>
    /// <param name="meter">The starting meter.</param>
    /// <param name="key">The starting key.</param>
    public TransportClock(int sampleRate, Bpm tempo, Meter meter, Scale key)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
        _initialTempo = tempo;
        _initialMeter = meter;
        _initialKey = key;
        Reset();
    }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>The tempo now.</summary>
    public Bpm Tempo => _tempo;

    /// <summary>Samples per beat at the tempo now.</summary>
    public double SamplesPerBeat => _anchorSamplesPerBeat[_newest];

    /// <summary>The meter now.</summary>
    public Meter Meter => _meter;

    /// <summary>The key now.</summary>
    public Scale Key => _key;

    /// <summary>The section now (0 at the start).</summary>
    public int Section => _section;

    /// <summary>The next sample to be played (samples since the start).</summary>
    public long Position => _position;

    /// <summary>The beat position of <see cref="Position"/> (beats since the start).</summary>
    public double PositionBeats => BeatAtSample(_position);

    /// <summary>The time of <see cref="Position"/> in seconds since the start.</summary>
    public double PositionSeconds => _position / (double)SampleRate;

    /// <summary>Beat phase θ at <see cref="Position"/>: radians in [0, 2π), 0 on each beat.</summary>
    public double BeatPhase => PhaseAtSample(_position);

    /// <summary>Index of the bar most recently started by <see cref="Advance"/>; −1 before the first block.</summary>
    public long Bar => _bar;

    /// <summary>Beat at which <see cref="Bar"/> started (0 before the first block).</summary>
    public double BarStartBeat => _barBeat;

    /// <summary>Beat of the next bar line not yet played.</summary>
    public double NextBarBeat => _nextBarBeat;

    /// <summary>Sample of the next bar line not yet played (at the tempo now).</summary>
    public long NextBarSample => Math.Max(SampleAtBeat(_nextBarBeat), _position);

    /// <summary>True while <see cref="FollowTempo"/> is steering the tempo.</summary>
    public bool IsFollowingTempo => _following;

    /// <summary>The tempo being followed (meaningful while <see cref="IsFollowingTempo"/>).</summary>
    public Bpm TempoTarget => _followTarget;

    /// <summary>The beat position of <paramref name="sample"/> through the tempo segments.</summary>
    public double BeatAtSample(long sample)
    {
        int i = SegmentForSample(sample);
        return _anchorBeat[i] + ((sample - _anchorSample[i]) / _anchorSamplesPerBeat[i]);
    }

    /// <summary>The sample (nearest) at which <paramref name="beat"/> falls through the tempo segments; future beats use the tempo now.</summary>
    public long SampleAtBeat(double beat)
    {
        if (!double.IsFinite(beat))
        {
            ThrowNotFinite(nameof(beat), beat);
        }

        int i = SegmentForBeat(beat);
        return _anchorSample[i] + (long)Math.Round((beat - _anchorBeat[i]) * _anchorSamplesPerBeat[i], MidpointRounding.AwayFromZero);
    }

    /// <summary>Beat phase θ at <paramref name="sample"/>: radians in [0, 2π), 0 on each beat.</summary>
    public double PhaseAtSample(long sample)
    {
        double beat = BeatAtSample(sample);
        double phase = 2.0 * Math.PI * (beat - Math.Floor(beat));
        return phase >= 2.0 * Math.PI ? 0.0 : phase;
    }

    /// <summary>The grid point nearest <paramref name="beat"/> (grid points are the multiples of <paramref name="grid"/> beats).</summary>
    public static double QuantizeToGrid(double beat, double grid)
    {
        CheckGrid(beat, grid);
        return Math.Round(beat / grid, MidpointRounding.AwayFromZero) * grid;
    }

    /// <summary>The first grid point at or after <paramref name="beat"/> (within <see cref="GridTolerance"/> counts as on it).</summary>
    public static double QuantizeToNextGrid(double beat, double grid)
    {
        CheckGrid(beat, grid);
        double steps = Math.Ceiling((beat / grid) - (GridTolerance / grid));
        return steps * grid;
    }

    /// <summary>The sample of the grid point nearest the beat of <paramref name="sample"/>.</summary>
    public long QuantizeSampleToGrid(long sample, double grid) => SampleAtBeat(QuantizeToGrid(BeatAtSample(sample), grid));

    /// <summary>The sample of the first grid point at or after the beat of <paramref name="sample"/>.</summary>
    public long NextGridSample(long sample, double grid) => SampleAtBeat(QuantizeToNextGrid(BeatAtSample(sample), grid));

    /// <summary>Changes the tempo now, at <see cref="Position"/>; stops tempo following.</summary>
    public void SetTempo(Bpm tempo)
    {
        _following = false;
        ChangeTempoAt(_position, tempo);
    }

    /// <summary>
    /// Steers the tempo toward <paramref name="target"/>: each <see cref="Advance"/> of n samples first moves
    /// the tempo by at most <paramref name="maxChangePerSecond"/> · n / <see cref="SampleRate"/> BPM, so the
    /// tempo never jumps. Following continues (holding the target once reached) until <see cref="SetTempo"/>
    /// or <see cref="StopFollowingTempo"/>; calling again replaces the target and the rate.
    /// </summary>
    /// <param name="target">The tempo to reach (for example the performer's tempo).</param>
    /// <param name="maxChangePerSecond">Largest tempo change per second of audio, in BPM per second (positive, finite).</param>
    public void FollowTempo(Bpm target, double maxChangePerSecond)
    {
        if (!double.IsFinite(maxChangePerSecond) || maxChangePerSecond <= 0.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxChangePerSecond),
                maxChangePerSecond,
                "maxChangePerSecond must be a positive, finite number of BPM per second.");
        }

        _following = true;
        _followTarget = target;
        _followRate = maxChangePerSecond;
    }

    /// <summary>Stops tempo following; the tempo stays where it is.</summary>
    public void StopFollowingTempo() => _following = false;

    /// <summary>Changes the key at the next bar line (a later call before then replaces the pending key).</summary>
    public void ScheduleKeyChange(Scale key)
    {
        _keyPending = true;
        _pendingKey = key;
    }

    /// <summary>Starts section <paramref name="section"/> (0 or more) at the next bar line.</summary>
    public void ScheduleSection(int section)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(section);
        _sectionPending = true;
        _pendingSection = section;
    }

    /// <summary>Changes the meter at the next bar line: that bar is the first with the new length.</summary>
    public void ScheduleMeterChange(Meter meter)
    {
        _meterPending = true;
        _pendingMeter = meter;
    }

    /// <summary>
    /// Plays the next <paramref name="samples"/> samples (0 allowed): applies one tempo-following step at the
    /// block start, finds the bar lines in the block, applies pending key, section and meter changes at the
    /// first of them, and moves <see cref="Position"/> on. Allocates nothing.
    /// </summary>
    public TransportBlock Advance(int samples)
    {
        if (samples < 0)
        {
            ThrowNegativeBlock(samples);
        }

        long start = _position;
        long end = start + samples;
        if (_following && samples > 0)
        {
            FollowStep(start, samples);
        }

        int barLines = 0;
        long firstBarSample = -1;
        long firstBar = -1;
        bool keyChanged = false;
        bool sectionChanged = false;
        bool meterChanged = false;
        while (true)
        {
            long barSample = Math.Max(SampleAtBeat(_nextBarBeat), start);
            if (barSample >= end)
            {
                break;
            }

            if (barLines == 0)
            {
                firstBarSample = barSample;
                firstBar = _nextBar;
                keyChanged = ApplyPendingKey();
                sectionChanged = ApplyPendingSection();
                meterChanged = ApplyPendingMeter();
            }

            barLines++;
            _bar = _nextBar;
            _barBeat = _nextBarBeat;
            _nextBar++;
            _nextBarBeat += _meter.BeatsPerBar;
        }

        _position = end;
        return new TransportBlock(
            start,
            samples,
            BeatAtSample(start),
            BeatAtSample(end),
            _tempo,
            barLines,
            firstBarSample,
            firstBar,
            keyChanged,
            sectionChanged,
            meterChanged,
            _key,
            _section,
            _meter);
    }

    /// <summary>Back to the start: sample 0, the tempo, meter and key given at construction, section 0, nothing pending, not following.</summary>
    public void Reset()
    {
        _position = 0;
        _tempo = _initialTempo;
        _meter = _initialMeter;
        _key = _initialKey;
        _section = 0;
        _newest = 0;
        _anchorCount = 1;
        _anchorSample[0] = 0;
        _anchorBeat[0] = 0.0;
        _anchorSamplesPerBeat[0] = _tempo.SamplesPerBeat(SampleRate);
        _bar = -1;
        _barBeat = 0.0;
        _nextBar = 0;
        _nextBarBeat = 0.0;
        _keyPending = false;
        _sectionPending = false;
        _meterPending = false;
        _following = false;
        _followTarget = _tempo;
        _followRate = 0.0;
    }

    private void FollowStep(long start, int samples)
    {
        double now = _tempo.Value;
        double target = _followTarget.Value;
        if (now == target)
        {
            return;
        }

        double maxStep = _followRate * samples / SampleRate;
        double next = Math.Abs(target - now) <= maxStep ? target : now + Math.CopySign(maxStep, target - now);
        ChangeTempoAt(start, new Bpm(next));
    }

    private void ChangeTempoAt(long sample, Bpm tempo)
    {
        Debug.Assert(sample >= _anchorSample[_newest], "tempo changes only move forward");
        double samplesPerBeat = tempo.SamplesPerBeat(SampleRate);
        _tempo = tempo;
        if (_anchorSample[_newest] == sample)
        {
            // Same start sample: its beat is unchanged, only the rate after it.
            _anchorSamplesPerBeat[_newest] = samplesPerBeat;
            return;
        }

        double beat = BeatAtSample(sample);
        _newest = (_newest + 1) & AnchorMask;
        _anchorCount = Math.Min(_anchorCount + 1, AnchorHistory);
        _anchorSample[_newest] = sample;
        _anchorBeat[_newest] = beat;
        _anchorSamplesPerBeat[_newest] = samplesPerBeat;
    }

    private int SegmentForSample(long sample)
    {
        int i = _newest;
        for (int n = 1; n < _anchorCount; n++)
        {
            if (_anchorSample[i] <= sample)
            {
                return i;
            }

            i = (i - 1) & AnchorMask;
        }

        return i;
    }

    private int SegmentForBeat(double beat)
    {
        int i = _newest;
        for (int n = 1; n < _anchorCount; n++)
        {
            if (_anchorBeat[i] <= beat)
            {
                return i;
            }

            i = (i - 1) & AnchorMask;
        }

        return i;
    }

    private bool ApplyPendingKey()
    {
        if (!_keyPending)
        {
            return false;
        }

        _keyPending = false;
        bool changed = _pendingKey != _key;
        _key = _pendingKey;
        return changed;
    }

    private bool ApplyPendingSection()
    {
        if (!_sectionPending)
        {
            return false;
        }

        _sectionPending = false;
        bool changed = _pendingSection != _section;
        _section = _pendingSection;
        return changed;
    }

    private bool ApplyPendingMeter()
    {
        if (!_meterPending)
        {
            return false;
        }

        _meterPending = false;
        bool changed = _pendingMeter != _meter;
        _meter = _pendingMeter;
        return changed;
    }

    private static void CheckGrid(double beat, double grid)
    {
        if (!double.IsFinite(beat))
        {
            ThrowNotFinite(nameof(beat), beat);
        }

        if (!double.IsFinite(grid) || grid <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), grid, "grid must be a positive, finite number of beats.");
        }
    }

    [DoesNotReturn]
    private static void ThrowNotFinite(string name, double value) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite.");

    [DoesNotReturn]
    private static void ThrowNegativeBlock(int samples) =>
        throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be 0 or more.");
}
