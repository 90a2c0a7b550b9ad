using System.Numerics;
using Echelon.Audio.Analysis;
using Echelon.Motion.Dynamics;
using Echelon.Music.Composition;
using Echelon.Music.Transport;

namespace Echelon.Studio.Listening;

/// <summary>
/// Where Echelon's ears meet the rest of it. As an <see cref="IListeningSink"/> of a
/// <see cref="ListeningAnalyzer"/> it turns every analysis frame into <see cref="AudioFeatures"/> for the
/// Dynamics128 audio slots (<see cref="FeedBuilder"/>), and derives from what it hears the composer's hints
/// (<see cref="TryReadHints"/>): intensity, density and brightness for a <see cref="ControlState"/>,
/// and the heard tempo and beat phase for the transport to follow.
/// </summary>
/// <remarks>
/// <para>The hints, each a pure function of the frames and onsets so far (the same input gives the same hints, bit for bit):</para>
/// <list type="bullet">
/// <item><description>Intensity, 0–1: the level, floored at <see cref="ListeningInputOptions.QuietDbfs"/> (−60 dBFS), smoothed by a
/// one-pole filter in dB with time constant <see cref="ListeningInputOptions.LevelSmoothingSeconds"/> (0.3 s), then mapped
/// linearly in dB from QuietDbfs (0) to <see cref="ListeningInputOptions.LoudDbfs"/> (1, −6 dBFS). Decibels, because loudness
/// is heard about logarithmically; the floor keeps silence (−120) from taking seconds to climb out of.</description></item>
/// <item><description>Density, 0–1: onsets in the last <see cref="ListeningInputOptions.OnsetWindowSeconds"/> (2 s, a boxcar:
/// that is its smoothing) divided by the window, mapped linearly from 0 to
/// <see cref="ListeningInputOptions.DenseOnsetsPerSecond"/> (8/s, sixteenths at 120 BPM) and clipped. The window is always
/// its full length, so the first two seconds read low rather than jumpy.</description></item>
/// <item><description>Brightness, 0–1: the spectral centroid of audible frames, clamped to
/// <see cref="ListeningInputOptions.DarkHz"/>–<see cref="ListeningInputOptions.BrightHz"/> (200–5000 Hz), smoothed by a one-pole
/// filter on log₂ Hz with time constant <see cref="ListeningInputOptions.BrightnessSmoothingSeconds"/> (0.3 s), then mapped
/// linearly in log frequency (1000 Hz, the geometric middle, is 0.5). Silent frames have no centroid and leave it
/// where it was; 0.5 until the first audible frame.</description></item>
/// <item><description>Tempo and beat phase: the beat tracker's, unsmoothed (the tracker smooths its own period); the
/// tempo clamped to <see cref="Bpm"/>'s 40–200. Hand <see cref="ListeningHints.Tempo"/> to
/// <see cref="TransportClock.FollowTempo"/>, which bounds how fast the transport's tempo moves toward it.</description></item>
/// </list>
/// <para>The one-pole coefficients come from the frames' own time steps (1 − e^(−Δt/τ)), so the hop size does not change the curves.</para>
/// <para>
/// Bad frames: a frame with a NaN or infinite field (a NaN pitch excepted: unvoiced) is dropped before it reaches either
/// output and counted in <see cref="NonFiniteFrames"/>.
/// </para>
/// <para>
/// Threading: the <see cref="IListeningSink"/> calls come from the analyzer's thread (the audio or input thread); they
/// allocate nothing, take no lock and never wait. <see cref="TryTakeFeatures"/> and <see cref="FeedBuilder"/> belong to one
/// consumer thread (the control thread), <see cref="TryReadHints"/> to one consumer thread (the same or another); each
/// output crosses threads through its own triple buffer, so every read sees the newest complete value and allocates
/// nothing. The counters may be read from any thread.
/// </para>
/// </remarks>
public sealed class ListeningInput : IListeningSink
{
    private readonly ListeningInputOptions _options;
    private readonly LatestValue<AudioFeatures> _features = new();
    private readonly LatestValue<ListeningHints> _hints = new();
    private readonly double[] _onsetTimes;
    private readonly int _onsetMask;
    private readonly double _logDark;
    private readonly double _logBright;

    // Analyzer-thread state.
    private long _onsetHead;
    private long _onsetTail;
    private double _lastFrameSeconds = double.NaN;
    private double _smoothedLevel;
    private double _smoothedLogCentroid = double.NaN;
    private long _frames;
    private long _onsets;
    private long _beats;
    private long _nonFinite;

    /// <summary>Creates the adapter (all allocation happens here).</summary>
    public ListeningInput(ListeningInputOptions? options = null)
    {
        _options = (options ?? new ListeningInputOptions()).Validate();
        _logDark = Math.Log2(_options.DarkHz);
        _logBright = Math.Log2(_options.BrightHz);

        // Room for every onset the window can hold at the rate that already reads density 1: any more only
        // overwrite the oldest, and the density is clipped at 1 by then anyway.
        int capacity = (int)Math.Ceiling(_options.DenseOnsetsPerSecond * _options.OnsetWindowSeconds) + 1;
        _onsetTimes = new double[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 4))];
        _onsetMask = _onsetTimes.Length - 1;
    }

    /// <summary>The settings in use.</summary>
    public ListeningInputOptions Options => _options;

    /// <summary>Analysis frames taken (finite ones).</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Onsets heard.</summary>
    public long Onsets => Volatile.Read(ref _onsets);

    /// <summary>Beats heard.</summary>
    public long Beats => Volatile.Read(ref _beats);

    /// <summary>Frames dropped because a field was NaN or infinite.</summary>
    public long NonFiniteFrames => Volatile.Read(ref _nonFinite);

    /// <summary>The host time of input time <paramref name="seconds"/>, nanoseconds: the origin plus the seconds, rounded to the nanosecond.</summary>
    public long ToHostNs(double seconds) => _options.InputOriginNs + (long)Math.Round(seconds * 1e9);

    /// <summary>The Dynamics128 features of one analysis frame stamped <paramref name="timeNs"/>: the pitch only when voiced.</summary>
    public static AudioFeatures ToFeatures(in ListeningFrame frame, long timeNs) => new(
        timeNs,
        frame.LevelDbfs,
        frame.OnsetStrength,
        frame.Pitch.Voiced ? frame.Pitch.MidiNote : double.NaN,
        frame.Pitch.Confidence,
        frame.CentroidHz,
        frame.TempoBpm,
        frame.BeatPhase,
        frame.BeatLocked);

    /// <inheritdoc/>
    public void OnFrame(in ListeningFrame frame)
    {
        if (!double.IsFinite(frame.TimeSeconds))
        {
            Volatile.Write(ref _nonFinite, _nonFinite + 1);
            return;
        }

        long timeNs = ToHostNs(frame.TimeSeconds);
        AudioFeatures features = ToFeatures(frame, timeNs);
        if (!features.IsFinite())
        {
            Volatile.Write(ref _nonFinite, _nonFinite + 1);
            return;
        }

        _features.Publish(features);
        _hints.Publish(Derive(frame, timeNs));
        Volatile.Write(ref _frames, _frames + 1);
    }

    /// <inheritdoc/>
    public void OnOnset(double seconds, float strength)
    {
        if (!double.IsFinite(seconds))
        {
            return;
        }

        if (_onsetTail - _onsetHead > _onsetMask)
        {
            _onsetHead++;
        }

        _onsetTimes[(int)(_onsetTail & _onsetMask)] = seconds;
        _onsetTail++;
        Volatile.Write(ref _onsets, _onsets + 1);
    }

    /// <inheritdoc/>
    public void OnBeat(double seconds, double tempoBpm) => Volatile.Write(ref _beats, _beats + 1);

    /// <inheritdoc/>
    /// <remarks>Nothing to do: every frame already carries the latest pitch estimate.</remarks>
    public void OnPitch(long index, in PitchEstimate estimate)
    {
    }

    /// <summary>
    /// The newest features when a frame arrived since the last take; false (and the last taken features) otherwise.
    /// Consumer thread; allocates nothing.
    /// </summary>
    public bool TryTakeFeatures(out AudioFeatures features) => _features.TryTake(out features);

    /// <summary>
    /// Hands the newest features to <paramref name="builder"/> (<see cref="Dynamics128Builder.IngestAudio"/>) when a frame
    /// arrived since the last take; returns whether it did. Call it before each <see cref="Dynamics128Builder.Build"/>:
    /// when no frame comes any more the builder masks the audio slots once the last one is stale. Consumer thread;
    /// allocates nothing.
    /// </summary>
    public bool FeedBuilder(Dynamics128Builder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!_features.TryTake(out AudioFeatures features))
        {
            return false;
        }

        builder.IngestAudio(features);
        return true;
    }

    /// <summary>The newest hints; false until the first frame. Consumer thread; allocates nothing.</summary>
    public bool TryReadHints(out ListeningHints hints)
    {
        _hints.TryTake(out hints);
        return _hints.HasValue;
    }

    private ListeningHints Derive(in ListeningFrame frame, long timeNs)
    {
        double now = frame.TimeSeconds;
        bool first = double.IsNaN(_lastFrameSeconds);
        double dt = first ? 0 : Math.Max(0, now - _lastFrameSeconds);
        _lastFrameSeconds = now;

        // Intensity: one-pole in dB over the level floored at the quiet end.
        double level = Math.Clamp(frame.LevelDbfs, _options.QuietDbfs, 0);
        _smoothedLevel = first ? level : _smoothedLevel + (Alpha(dt, _options.LevelSmoothingSeconds) * (level - _smoothedLevel));
        double intensity = (_smoothedLevel - _options.QuietDbfs) / (_options.LoudDbfs - _options.QuietDbfs);

        // Density: onsets in the window (by their time in the sound) per second of window.
        double windowStart = now - _options.OnsetWindowSeconds;
        while (_onsetHead < _onsetTail && _onsetTimes[(int)(_onsetHead & _onsetMask)] <= windowStart)
        {
            _onsetHead++;
        }

        double rate = (_onsetTail - _onsetHead) / _options.OnsetWindowSeconds;
        double density = rate / _options.DenseOnsetsPerSecond;

        // Brightness: one-pole on log2 of the clamped centroid, audible frames only.
        if (frame.CentroidHz > 0)
        {
            double logCentroid = Math.Clamp(Math.Log2(frame.CentroidHz), _logDark, _logBright);
            _smoothedLogCentroid = double.IsNaN(_smoothedLogCentroid)
                ? logCentroid
                : _smoothedLogCentroid + (Alpha(dt, _options.BrightnessSmoothingSeconds) * (logCentroid - _smoothedLogCentroid));
        }

        double brightness = double.IsNaN(_smoothedLogCentroid) ? 0.5 : (_smoothedLogCentroid - _logDark) / (_logBright - _logDark);
        double centroid = double.IsNaN(_smoothedLogCentroid) ? 0 : Math.Pow(2, _smoothedLogCentroid);

        bool locked = frame.BeatLocked && frame.TempoBpm > 0;
        return new ListeningHints(
            timeNs,
            (float)Math.Clamp(intensity, 0, 1),
            (float)Math.Clamp(density, 0, 1),
            (float)Math.Clamp(brightness, 0, 1),
            _smoothedLevel,
            rate,
            centroid,
            locked,
            locked ? Bpm.Clamp(frame.TempoBpm) : default,
            locked ? frame.BeatPhase : 0);
    }

    /// <summary>The one-pole coefficient for a step of <paramref name="dt"/> seconds and time constant <paramref name="tau"/>.</summary>
    private static double Alpha(double dt, double tau) => 1 - Math.Exp(-dt / tau);
}
