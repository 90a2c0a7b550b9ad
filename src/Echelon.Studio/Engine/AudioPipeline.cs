using Echelon.Audio.Devices;
using Echelon.Audio.Dsp;
using Echelon.Audio.Render;
using Echelon.Music.Composition;
using Echelon.Studio.Mapping;
using Echelon.Studio.Render;

namespace Echelon.Studio.Engine;

/// <summary>
/// What the audio thread runs each block: the band plays the composer's notes from the <see cref="NoteQueue"/>, the
/// mix goes through the master low-pass and gain the mappings set, then the mix bus (echo, reverb, limiter at
/// −0.1 dBFS) exactly as <c>echelon render</c> does; each stem (as it enters the mix) and the finished block are
/// measured (peak, RMS, <see cref="LevelMeter"/>) and the block is handed to the sinks. Control values cross from
/// the control thread as single volatile writes.
/// </summary>
/// <remarks>Audio thread only for <see cref="Render"/>: it allocates nothing, takes no lock and never blocks.</remarks>
internal sealed class AudioPipeline
{
    private const int Melody = (int)AgentKind.Melody;

    /// <summary>
    /// The master limiter's look-ahead live: 1 ms (48 samples at 48 kHz) instead of the 3 ms <c>echelon render</c>
    /// uses. It delays everything the performer hears, so it is spent sparingly: at 3 ms it alone would be more than a
    /// 128-sample block, and a move would be heard a block later.
    /// </summary>
    public const double LimiterLookaheadSeconds = 0.001;
    private readonly InstrumentRenderer _band;
    private readonly MixBus _bus = new();
    private readonly StateVariableFilter _lowLeft = new();
    private readonly StateVariableFilter _lowRight = new();
    private readonly IAudioBlockSink[] _sinks;
    private readonly AudioClockFilter _clock;
    private readonly int _maxBlock;
    private readonly int _sampleRate;
    private double _cutoffTarget = 20_000;
    private double _cutoff = 20_000;
    private double _gainTarget = 1;
    private double _gain = 1;
    private double _resonance = 0.1;
    private double _reverbMix = 0.12;
    private double _echoLevel = MixBus.EchoSend;
    private double _bpm;
    private long _position;
    private long _blocks;
    private int _clockSequence;
    private long _clockPosition;
    private long _clockTicks;
    private double _clockRate;

    // Level metering: the audio thread alone writes each meter, the control thread alone takes from it (LevelMeter).
    private readonly LevelMeter _master = new();
    private readonly LevelMeter[] _stemMeters;

    public AudioPipeline(NoteQueue notes, int sampleRate, int maxBlock, double bpm, IReadOnlyList<IAudioBlockSink> sinks)
    {
        _sampleRate = sampleRate;
        _maxBlock = maxBlock;
        _band = new InstrumentRenderer(Band.Create(), notes);
        _band.Prepare(sampleRate, maxBlock);
        _stemMeters = new LevelMeter[_band.StemCount];
        for (int stem = 0; stem < _stemMeters.Length; stem++)
        {
            _stemMeters[stem] = new LevelMeter();
        }

        _bus.Prepare(sampleRate, maxBlock, bpm, LimiterLookaheadSeconds);
        _bpm = bpm;
        foreach (StateVariableFilter f in new[] { _lowLeft, _lowRight })
        {
            f.Mode = FilterMode.LowPass;
            f.Prepare(sampleRate);
            f.Cutoff = 20_000 < sampleRate * 0.45 ? 20_000 : sampleRate * 0.45;
            f.Resonance = 0.1;
        }

        _sinks = [.. sinks];
        _clock = new AudioClockFilter(sampleRate);
    }

    /// <summary>Samples rendered (the engine's audio clock).</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>
    /// The audio clock's newest reading: a sample position and the <see cref="System.Diagnostics.Stopwatch"/> time the
    /// block that starts there is due, smoothed by an <see cref="AudioClockFilter"/> (the outputs' timestamps jitter by
    /// their scheduling), and the clock's ticks per sample. The control thread predicts from it when a frame is due in
    /// wall time.
    /// </summary>
    public (long Position, long Ticks, double TicksPerSample) ClockReading()
    {
        while (true)
        {
            int before = Volatile.Read(ref _clockSequence);
            long position = Volatile.Read(ref _clockPosition);
            long ticks = Volatile.Read(ref _clockTicks);
            double rate = Volatile.Read(ref _clockRate);
            if ((before & 1) == 0 && Volatile.Read(ref _clockSequence) == before)
            {
                return (position, ticks, rate);
            }

            Thread.SpinWait(1);
        }
    }

    /// <summary>Blocks rendered.</summary>
    public long Blocks => Volatile.Read(ref _blocks);

    /// <summary>Notes that reached the audio thread after their start.</summary>
    public long LateNotes => _band.LateNotes;

    /// <summary>
    /// Sets the synth macros: the master low-pass cutoff and gain glide to theirs on the audio thread over about
    /// 10 ms; resonance, reverb mix and echo send take effect at the next block.
    /// </summary>
    public void SetMacros(in SynthMacros macros)
    {
        Volatile.Write(ref _cutoffTarget, Math.Clamp(macros.CutoffHz, 20, _sampleRate * 0.45));
        Volatile.Write(ref _gainTarget, macros.MasterGain);
        Volatile.Write(ref _resonance, macros.FilterResonance);
        Volatile.Write(ref _reverbMix, macros.ReverbMix);
        Volatile.Write(ref _echoLevel, macros.EchoSend);
    }

    /// <summary>The master gain the audio thread is gliding to (what the last <see cref="SetMacros"/> asked for).</summary>
    public double GainTarget => Volatile.Read(ref _gainTarget);

    /// <summary>Sets the echo's tempo.</summary>
    public void SetBpm(double bpm) => Volatile.Write(ref _bpm, bpm);

    /// <summary>Sets a stem's gain (0 mutes).</summary>
    public void SetStemGain(int stem, float gain) => _band.SetStemGain(stem, gain);

    /// <summary>
    /// Peak and RMS of the finished mix rendered since the last call, dBFS (the last reading again when no block was
    /// rendered since). Control thread only.
    /// </summary>
    public (double PeakDbfs, double RmsDbfs) TakeLevels() => _master.Take();

    /// <summary>
    /// Each stem's peak and RMS since the last call, dBFS, as it enters the mix: after its gain (so a muted stem reads
    /// <see cref="LevelMeter.FloorDbfs"/>), before the master filter, gain and bus. Control thread only; the spans hold
    /// a value for each stem, in <see cref="Arrangement.Agents"/> order.
    /// </summary>
    public void TakeStemLevels(Span<double> peakDbfs, Span<double> rmsDbfs)
    {
        for (int stem = 0; stem < _stemMeters.Length; stem++)
        {
            (peakDbfs[stem], rmsDbfs[stem]) = _stemMeters[stem].Take();
        }
    }

    /// <summary>
    /// Renders one block into <paramref name="left"/> and <paramref name="right"/> (any length up to the prepared
    /// maximum); <paramref name="hostTimestamp"/> is when the output asked for it (<see cref="AudioClockInfo.HostTimestamp"/>).
    /// </summary>
    public void Render(Span<float> left, Span<float> right, long hostTimestamp)
    {
        long filtered = _clock.Update(_position, hostTimestamp);

        // A seqlock: odd while the reading is being written, so a reader never sees a position with another block's time.
        Volatile.Write(ref _clockSequence, _clockSequence + 1);
        Volatile.Write(ref _clockPosition, _position);
        Volatile.Write(ref _clockTicks, filtered);
        Volatile.Write(ref _clockRate, _clock.TicksPerSample);
        Volatile.Write(ref _clockSequence, _clockSequence + 1);
        for (int start = 0; start < left.Length; start += _maxBlock)
        {
            int n = Math.Min(_maxBlock, left.Length - start);
            RenderChunk(left.Slice(start, n), right.Slice(start, n));
        }
    }

    private void RenderChunk(Span<float> left, Span<float> right)
    {
        double bpm = Volatile.Read(ref _bpm);
        if (bpm != _bus.Bpm)
        {
            _bus.Bpm = bpm;
        }

        _band.RenderBlock(left, right);
        for (int stem = 0; stem < _stemMeters.Length; stem++)
        {
            _stemMeters[stem].Measure(_band.StemLeft(stem, left.Length), _band.StemRight(stem, left.Length));
        }

        double resonance = Volatile.Read(ref _resonance);
        if (resonance != _lowLeft.Resonance)
        {
            _lowLeft.Resonance = resonance;
            _lowRight.Resonance = resonance;
        }

        double reverb = Volatile.Read(ref _reverbMix);
        if (reverb != _bus.ReverbMix)
        {
            _bus.ReverbMix = reverb;
        }

        // Glide the master controls: a one-pole step per block with a 10 ms time constant.
        double glide = 1 - Math.Exp(-left.Length / (0.010 * _sampleRate));
        _cutoff += glide * (Volatile.Read(ref _cutoffTarget) - _cutoff);
        _gain += glide * (Volatile.Read(ref _gainTarget) - _gain);

        // The melody's echo is fed from its stem, before the master, so the master gain scales the echo's return as a
        // master fader would: gain 0 silences everything, the echo included.
        _bus.EchoLevel = (float)(Volatile.Read(ref _echoLevel) * _gain);
        if (_cutoff < _sampleRate * 0.44 || _lowLeft.Resonance > 0.1)
        {
            _lowLeft.Cutoff = _cutoff;
            _lowRight.Cutoff = _cutoff;
            _lowLeft.Process(left);
            _lowRight.Process(right);
        }

        if (Math.Abs(_gain - 1) > 1e-6)
        {
            float g = (float)_gain;
            for (int i = 0; i < left.Length; i++)
            {
                left[i] *= g;
                right[i] *= g;
            }
        }

        _bus.Process(left, right, _band.StemLeft(Melody, left.Length), _band.StemRight(Melody, left.Length));

        _master.Measure(left, right);

        foreach (IAudioBlockSink sink in _sinks)
        {
            sink.Write(left, right);
        }

        Volatile.Write(ref _position, _position + left.Length);
        Volatile.Write(ref _blocks, _blocks + 1);
    }
}
