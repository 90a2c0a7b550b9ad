using Echelon.Core.Metrics;
using Echelon.Core.Numerics;

namespace Echelon.Core.Signals;

/// <summary>
/// A deterministic rhythmic input stream with ground-truth beat phase, for testing and benchmarking
/// phase locking without a dancer: motion energy with harmonics (0.30 cos θ + 0.15 cos(2θ + 0.5) +
/// 0.08 cos(3θ + 1)), an onset-strength pulse on each beat, body slots with posture offsets, slow sway,
/// half-bar swings and small beat-rate motions at fixed phases, Gaussian sensor noise on every slot,
/// beat lengths jittered uniformly by ±<see cref="RhythmicSignalOptions.TempoJitter"/>, and an
/// optional scripted dropout.
/// </summary>
/// <remarks>Prepare-time allocation only; <see cref="Next"/> is allocation-free. Single-threaded.</remarks>
public sealed class RhythmicTestSignal
{
    private const int BodySlots = 96;

    private readonly RhythmicSignalOptions _options;
    private readonly double[] _beatTimes;
    private readonly double[] _offsets;
    private readonly double[] _swayFrequency;
    private readonly double[] _swayPhase;
    private readonly double[] _beatAmplitude;
    private readonly double[] _beatPhase;
    private readonly double[] _halfBarAmplitude;
    private readonly DeterministicRandom _noise;
    private readonly int _frames;
    private readonly bool[] _isRhythmSlot;
    private int _index;
    private int _beat;

    /// <summary>Builds the stream (the jittered beat grid is drawn here).</summary>
    public RhythmicTestSignal(RhythmicSignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Bpm is < 20 or > 400)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Bpm, "Bpm must be in [20, 400].");
        }

        if (options.InputSize <= BodySlots)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.InputSize, $"InputSize must be > {BodySlots}.");
        }

        _options = options;
        _frames = (int)Math.Round(options.Seconds * options.FrameRate);
        var rng = new DeterministicRandom(options.Seed);
        double period = 60.0 / options.Bpm;
        int beats = (int)Math.Ceiling(options.Seconds / period * 1.2) + 4;
        _beatTimes = new double[beats + 1];
        for (int b = 1; b <= beats; b++)
        {
            double jitter = rng.NextDouble(-options.TempoJitter, options.TempoJitter);
            _beatTimes[b] = _beatTimes[b - 1] + (period * (1.0 + jitter));
        }

        _offsets = new double[BodySlots];
        _swayFrequency = new double[BodySlots];
        _swayPhase = new double[BodySlots];
        _beatAmplitude = new double[BodySlots];
        _beatPhase = new double[BodySlots];
        _halfBarAmplitude = new double[BodySlots];
        for (int j = 0; j < BodySlots; j++)
        {
            _offsets[j] = rng.NextDouble(-0.5, 0.5);
            _swayFrequency[j] = rng.NextDouble(0.02, 0.1);
            _swayPhase[j] = rng.NextDouble(0, 2 * Math.PI);
            _beatAmplitude[j] = j % 4 == 0 ? rng.NextDouble(0.05, 0.2) : 0.0;
            _beatPhase[j] = rng.NextDouble(-0.5, 0.5);
            _halfBarAmplitude[j] = j % 4 == 1 ? rng.NextDouble(0.1, 0.3) : 0.0;
        }

        _isRhythmSlot = new bool[options.InputSize];
        foreach (int slot in options.RhythmSlots)
        {
            _isRhythmSlot[slot] = true;
        }

        _noise = new DeterministicRandom(options.Seed ^ 0x9E3779B97F4A7C15UL);
    }

    /// <summary>Total frames in the stream.</summary>
    public int FrameCount => _frames;

    /// <summary>The settings.</summary>
    public RhythmicSignalOptions Options => _options;

    /// <summary>
    /// Writes the next frame's input into <paramref name="input"/> and describes it; returns false at the end.
    /// During a dropout the input is still written (so callers can test rejection) but the frame is marked.
    /// </summary>
    public bool Next(Span<double> input, out RhythmicFrame frame)
    {
        if (_index >= _frames)
        {
            frame = default;
            return false;
        }

        if (input.Length != _options.InputSize)
        {
            ThrowHelper.ThrowWrongSize("input", _options.InputSize, input.Length);
        }

        double time = _index / _options.FrameRate;
        while (_beat + 1 < _beatTimes.Length - 1 && _beatTimes[_beat + 1] <= time)
        {
            _beat++;
        }

        double fraction = (time - _beatTimes[_beat]) / (_beatTimes[_beat + 1] - _beatTimes[_beat]);
        double position = _beat + fraction;
        double theta = 2.0 * Math.PI * fraction;
        // The same expression for this frame and the previous one, so rounding can never tick twice.
        double beatsPerFrame = _options.Bpm / 60.0 / _options.FrameRate;
        bool transportBeat = _index > 0 && Math.Floor(_index * beatsPerFrame) > Math.Floor((_index - 1) * beatsPerFrame);
        bool dropout = _options.DropoutStartBeat >= 0
            && position >= _options.DropoutStartBeat
            && position < _options.DropoutStartBeat + _options.DropoutBeats;

        double energy = 0.5 + (0.30 * Math.Cos(theta)) + (0.15 * Math.Cos((2 * theta) + 0.5)) + (0.08 * Math.Cos((3 * theta) + 1.0));
        double wrapped = Circular.Wrap(theta);
        double onset = Math.Exp(-(wrapped * wrapped) / (2 * 0.35 * 0.35));
        int rhythmCount = 0;
        for (int j = 0; j < input.Length; j++)
        {
            double value;
            if (j < BodySlots)
            {
                value = _offsets[j]
                    + (0.3 * Math.Sin((2 * Math.PI * _swayFrequency[j] * time) + _swayPhase[j]))
                    + (_beatAmplitude[j] * Math.Cos(theta + _beatPhase[j]))
                    + (_halfBarAmplitude[j] * Math.Sin((2 * Math.PI * position / 2.0) + _swayPhase[j]));
            }
            else if (_isRhythmSlot[j])
            {
                value = rhythmCount++ % 2 == 0 ? onset : energy;
            }
            else
            {
                value = 0.0;
            }

            input[j] = value + (_options.NoiseStd * _noise.NextGaussian());
        }

        frame = new RhythmicFrame(_index, time, wrapped, position, transportBeat, dropout);
        _index++;
        return true;
    }
}
