using System.Runtime.CompilerServices;

namespace Echelon.Audio.Analysis;

/// <summary>
/// Echelon's ears: onsets, pitch, tempo and beats, level and spectral centroid of an input, causally and block by
/// block. Samples of any block size go in; every <see cref="ListeningOptions.HopSize"/> samples one analysis frame
/// comes out through an <see cref="IListeningSink"/>, and <see cref="Current"/> holds the latest.
/// </summary>
/// <remarks>
/// <para>
/// Block-size independence: the input is cut into hops by sample count alone, so any partition of the same
/// samples gives the same frames, bit for bit. Frame n covers the input up to sample (n + 1)·hop; the spectrum
/// reads the last <see cref="ListeningOptions.SpectrumSize"/> samples, the pitch the last
/// 2·<see cref="ListeningOptions.PitchWindow"/>, with silence before the first sample.
/// </para>
/// <para>
/// Latency, each stated as the time from an event in the sound to the call that reports it:
/// onsets <see cref="OnsetLatencySeconds"/> (the peak picker's look-ahead), pitch <see cref="PitchLatencySeconds"/>
/// (the half of YIN's window after the instant it describes), beats <see cref="BeatLatencySeconds"/> (beats are
/// predicted, so only the onset function's own delay). docs/architecture/0012-listening.md gives the reasons.
/// </para>
/// <para>
/// Bad input: NaN or ±∞ samples are replaced by silence and counted (<see cref="NonFiniteSamples"/>); the analysis
/// goes on.
/// </para>
/// <para>Threading: one thread at a time. <see cref="Process"/> allocates nothing, takes no lock and makes no system call.</para>
/// </remarks>
public sealed class ListeningAnalyzer
{
    private readonly ListeningOptions _options;
    private readonly int _hop;
    private readonly int _spectrumSize;
    private readonly int _pitchSize;
    private readonly int _ringMask;
    private readonly float[] _ring;
    private readonly float[] _window;
    private readonly float[] _spectrumFrame;
    private readonly float[] _pitchFrame;
    private readonly float[] _re;
    private readonly float[] _im;
    private readonly float[] _magnitudes;
    private readonly float[] _mix;
    private readonly float[] _logPrevious;
    private readonly RealFft _fft;
    private readonly OnsetDetector _onsets;
    private readonly PitchDetector _pitch;
    private readonly BeatTracker _beats;
    private readonly float _magnitudeScale;
    private readonly double _binHz;
    private readonly int _pitchDelayFrames;
    private readonly int _onsetOffsetSamples;
    private long _written;
    private long _frames;
    private long _pitchIndex;
    private long _endSample = long.MaxValue;

    /// <summary>Prepares every analyzer for <paramref name="options"/> (all allocation happens here).</summary>
    public ListeningAnalyzer(ListeningOptions? options = null)
    {
        _options = (options ?? new ListeningOptions()).Validate();
        _hop = _options.HopSize;
        _spectrumSize = _options.SpectrumSize;
        _pitchSize = 2 * _options.PitchWindow;
        int ringSize = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(_spectrumSize, _pitchSize));
        _ringMask = ringSize - 1;
        _ring = new float[ringSize];
        _window = new float[_spectrumSize];
        double windowSum = 0;
        for (int i = 0; i < _spectrumSize; i++)
        {
            _window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / _spectrumSize)));
            windowSum += _window[i];
        }

        _magnitudeScale = (float)(2 / windowSum);
        _spectrumFrame = new float[_spectrumSize];
        _pitchFrame = new float[_pitchSize];
        _fft = new RealFft(_spectrumSize);
        _re = new float[_fft.Bins];
        _im = new float[_fft.Bins];
        _magnitudes = new float[_fft.Bins];
        _mix = new float[_hop];
        _logPrevious = new float[_fft.Bins];
        _binHz = (double)_options.SampleRate / _spectrumSize;
        _onsets = new OnsetDetector(_options, _fft.Bins);
        _pitch = new PitchDetector(_options);
        _beats = new BeatTracker(_options);

        // The instant a pitch frame describes: the middle of the part of YIN's buffer its difference function reads
        // for a mid-range period (W + W/2 samples), rounded to a whole number of hops so the series is uniform.
        int describedFromEnd = _pitchSize - ((3 * _options.PitchWindow) / 4);
        _pitchDelayFrames = Math.Max(1, (int)Math.Round((double)describedFromEnd / _hop));

        // Whitened flux jumps on the first frame that holds the new sound: the onset is a little before that frame's end.
        _onsetOffsetSamples = OnsetOffset(_spectrumSize, _hop);
    }

    /// <summary>The settings in use.</summary>
    public ListeningOptions Options => _options;

    /// <summary>The latest frame's features.</summary>
    public ListeningFrame Current { get; private set; }

    /// <summary>Analysis frames so far.</summary>
    public long Frames => _frames;

    /// <summary>Samples taken so far.</summary>
    public long SamplesIn => _written;

    /// <summary>NaN or infinite input samples, each replaced by 0.</summary>
    public long NonFiniteSamples { get; private set; }

    /// <summary>The pitch series' spacing, seconds (one hop).</summary>
    public double HopSeconds => (double)_hop / _options.SampleRate;

    /// <summary>From an onset in the sound to its report, seconds.</summary>
    public double OnsetLatencySeconds => (double)((OnsetDetector.LookAheadFrames * _hop) + _onsetOffsetSamples + _hop) / _options.SampleRate;

    /// <summary>From the instant a pitch frame describes to its report, seconds.</summary>
    public double PitchLatencySeconds => (double)(_pitchDelayFrames * _hop) / _options.SampleRate;

    /// <summary>From a beat in the sound to its report, seconds: the onset function's delay plus at most one hop.</summary>
    public double BeatLatencySeconds => (double)(_onsetOffsetSamples + _hop) / _options.SampleRate;

    /// <summary>The largest of the three latencies: how long after an input sample every analyzer has used it.</summary>
    public double LatencySeconds => Math.Max(OnsetLatencySeconds, Math.Max(PitchLatencySeconds, BeatLatencySeconds));

    /// <summary>The tempo and beat tracker (tempo, phase θ, lock).</summary>
    public BeatTracker Beats => _beats;

    /// <summary>Analyses a block of mono samples of any length, zero included, reporting to <paramref name="sink"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(ReadOnlySpan<float> samples, IListeningSink? sink)
    {
        int offset = 0;
        while (offset < samples.Length)
        {
            int untilHop = _hop - (int)(_written % _hop);
            int count = Math.Min(untilHop, samples.Length - offset);
            Write(samples.Slice(offset, count));
            offset += count;
            if (_written % _hop == 0)
            {
                AnalyseFrame(sink);
            }
        }
    }

    /// <summary>Analyses interleaved samples of <paramref name="channels"/> channels, mixed down to mono by their mean.</summary>
    public void ProcessInterleaved(ReadOnlySpan<float> samples, int channels, IListeningSink? sink)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (samples.Length % channels != 0)
        {
            throw new ArgumentException($"{samples.Length} samples is not a whole number of {channels}-channel frames", nameof(samples));
        }

        if (channels == 1)
        {
            Process(samples, sink);
            return;
        }

        float gain = 1f / channels;
        int frames = samples.Length / channels;
        for (int start = 0; start < frames; start += _mix.Length)
        {
            int count = Math.Min(_mix.Length, frames - start);
            for (int i = 0; i < count; i++)
            {
                float sum = 0;
                int at = (start + i) * channels;
                for (int c = 0; c < channels; c++)
                {
                    sum += samples[at + c];
                }

                _mix[i] = sum * gain;
            }

            Process(_mix.AsSpan(0, count), sink);
        }
    }

    /// <summary>
    /// Ends a finite input (a file): feeds silence for the analyzers' latency so every event in the input is
    /// reported, and reports nothing that would fall after the last real sample.
    /// </summary>
    public void Finish(IListeningSink? sink)
    {
        _endSample = _written;
        long tail = (long)Math.Ceiling(LatencySeconds * _options.SampleRate) + (2L * _hop);
        tail += _hop - ((_written + tail) % _hop);
        Span<float> silence = stackalloc float[256];
        while (tail > 0)
        {
            int count = (int)Math.Min(tail, silence.Length);
            Process(silence[..count], sink);
            tail -= count;
        }
    }

    /// <summary>Forgets all input: the next sample is time 0 again.</summary>
    public void Reset()
    {
        Array.Clear(_ring);
        Array.Clear(_logPrevious);
        _onsets.Reset();
        _beats.Reset();
        _written = 0;
        _frames = 0;
        _pitchIndex = 0;
        _endSample = long.MaxValue;
        NonFiniteSamples = 0;
        Current = default;
    }

    /// <summary>
    /// How far before the end of the frame that detects it an onset lies, samples. The whitened flux jumps on the
    /// first frame whose window holds enough of the new sound, about an eighth of the window in; a further
    /// three quarters of a hop is the detection's mean delay on noise-burst clicks at 90–150 BPM (measured: onsets
    /// 4 ms late without it, 0.5 ms early with it; docs/architecture/0012-listening.md).
    /// </summary>
    internal static int OnsetOffset(int spectrumSize, int hop) => (spectrumSize / 8) + (3 * hop / 4);

    private void Write(ReadOnlySpan<float> samples)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            float s = samples[i];
            if (!float.IsFinite(s))
            {
                s = 0;
                NonFiniteSamples++;
            }

            _ring[(int)(_written & _ringMask)] = s;
            _written++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AnalyseFrame(IListeningSink? sink)
    {
        long frame = _frames++;
        Copy(_spectrumFrame);
        Copy(_pitchFrame);

        double energy = 0;
        for (int i = 0; i < _spectrumSize; i++)
        {
            float s = _spectrumFrame[i];
            energy += (double)s * s;
            _spectrumFrame[i] = s * _window[i];
        }

        double levelDb = energy > 0 ? Math.Max(-120, 10 * Math.Log10(energy / _spectrumSize)) : -120;
        bool audible = levelDb > _options.SilenceDbfs;

        _fft.Forward(_spectrumFrame, _re, _im);
        double weighted = 0, total = 0;
        for (int k = 0; k < _magnitudes.Length; k++)
        {
            float m = MathF.Sqrt((_re[k] * _re[k]) + (_im[k] * _im[k])) * _magnitudeScale;
            _magnitudes[k] = m;
            weighted += k * _binHz * m;
            total += m;
        }

        double centroid = audible && total > 0 ? weighted / total : 0;
        double beatStrength = LogFlux();

        if (_onsets.Update(_magnitudes, audible, out float strength))
        {
            long candidate = frame - OnsetDetector.LookAheadFrames;
            long sample = ((candidate + 1) * _hop) - _onsetOffsetSamples;
            if (sample < _endSample)
            {
                sink?.OnOnset(Math.Max(0, sample) / (double)_options.SampleRate, strength);
            }
        }

        if (_beats.Update(beatStrength, out double beatFrame))
        {
            double sample = ((beatFrame + 1) * _hop) - _onsetOffsetSamples;
            if (sample < _endSample && sample >= 0)
            {
                sink?.OnBeat(sample / _options.SampleRate, _beats.TempoBpm);
            }
        }

        PitchEstimate pitch = _pitch.Estimate(_pitchFrame);
        if (frame + 1 >= _pitchDelayFrames)
        {
            long index = _pitchIndex;
            if (index * _hop < _endSample)
            {
                _pitchIndex++;
                sink?.OnPitch(index, pitch);
            }
        }

        Current = new ListeningFrame(
            (double)_written / _options.SampleRate,
            levelDb,
            _onsets.Strength,
            pitch,
            centroid,
            _beats.TempoBpm,
            PhaseAtFrameEnd(),
            _beats.IsLocked);
        sink?.OnFrame(Current);
    }

    /// <summary>
    /// θ at the end of the newest frame: the tracker's phase describes its onset function's newest value, which lies
    /// the onset offset before the frame's end, so the phase is carried forward by that much at the current tempo.
    /// </summary>
    private double PhaseAtFrameEnd()
    {
        if (!_beats.IsLocked)
        {
            return 0;
        }

        double phase = _beats.Phase + (2 * Math.PI * _onsetOffsetSamples / (_hop * _beats.PeriodFrames));
        return phase >= 2 * Math.PI ? phase - (2 * Math.PI) : phase;
    }

    /// <summary>
    /// The beat tracker's onset function: the rise of log(1 + γ·|X|) summed over bins. Unlike the whitened flux the
    /// onset detector uses, it keeps loudness, so a kick outweighs a hi-hat and the beats stand out.
    /// </summary>
    private double LogFlux()
    {
        const float gamma = 100f;
        float flux = 0;
        for (int k = 0; k < _magnitudes.Length; k++)
        {
            float l = MathF.Log(1 + (gamma * _magnitudes[k]));
            float rise = l - _logPrevious[k];
            if (rise > 0)
            {
                flux += rise;
            }

            _logPrevious[k] = l;
        }

        return flux / _magnitudes.Length;
    }

    /// <summary>Copies the newest destination.Length samples out of the ring, oldest first (zeros before time 0).</summary>
    private void Copy(float[] destination)
    {
        long start = _written - destination.Length;
        for (int i = 0; i < destination.Length; i++)
        {
            long at = start + i;
            destination[i] = at < 0 ? 0f : _ring[(int)(at & _ringMask)];
        }
    }
}
