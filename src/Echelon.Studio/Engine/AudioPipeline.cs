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
    private readonly InstrumentRenderer _band;
    private readonly MixBus _bus = new();
    private readonly StateVariableFilter _lowLeft = new();
    private readonly StateVariableFilter _lowRight = new();
    private readonly IAudioBlockSink[] _sinks;
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

        _bus.Prepare(sampleRate, maxBlock, bpm);
        _bpm = bpm;
        foreach (StateVariableFilter f in new[] { _lowLeft, _lowRight })
        {
            f.Mode = FilterMode.LowPass;
            f.Prepare(sampleRate);
            f.Cutoff = 20_000 < sampleRate * 0.45 ? 20_000 : sampleRate * 0.45;
            f.Resonance = 0.1;
        }

        _sinks = [.. sinks];
    }

    /// <summary>Samples rendered (the engine's audio clock).</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>
    /// The audio clock's newest reading: a sample position and the <see cref="System.Diagnostics.Stopwatch"/> time the
    /// block that starts there was asked for. The control thread predicts from it when a frame is due in wall time.
    /// </summary>
    public (long Position, long Ticks) ClockReading()
    {
        while (true)
        {
            int before = Volatile.Read(ref _clockSequence);
            long position = Volatile.Read(ref _clockPosition);
            long ticks = Volatile.Read(ref _clockTicks);
            if ((before & 1) == 0 && Volatile.Read(ref _clockSequence) == before)
            {
                return (position, ticks);
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

    /// <summary>Sets the echo's tempo.</summary>
    public void SetBpm(double bpm) => Volatile.Write(ref _bpm, bpm);

    /// <summary>Sets a stem's gain (0 mutes).</summary>
    public void SetStemGain(int stem, float gain) => _band.SetStemGain(stem, gain);

    /// <summary>Stems the band renders, in <see cref="Arrangement.Agents"/> order.</summary>
    public int StemCount => _stemMeters.Length;

    /// <summary>
    /// Peak and RMS of the finished mix rendered since the last call, dBFS (the last reading again when no block was
    /// rendered since). Control thread only.
    /// </summary>
    public (double PeakDbfs, double RmsDbfs) TakeLevels() => _master.Take();

    /// <summary>
    /// Each stem's peak and RMS since the last call, dBFS, as it enters the mix: after its gain (so a muted stem reads
    /// <see cref="LevelMeter.FloorDbfs"/>), before the master filter, gain and bus. Control thread only; the spans hold
    /// at least <see cref="StemCount"/> values.
    /// </summary>
    public void TakeStemLevels(Span<double> peakDbfs, Span<double> rmsDbfs)
    {
        for (int stem = 0; stem < _stemMeters.Length; stem++)
        {
            (peakDbfs[stem], rmsDbfs[stem]) = _stemMeters[stem].Take();
        }
    }

    /// <summary>Renders one block into <paramref name="left"/> and <paramref name="right"/> (any length up to the prepared maximum).</summary>
    public void Render(Span<float> left, Span<float> right)
    {
        // A seqlock: odd while the pair is being written, so a reader never sees a position with another block's time.
        Volatile.Write(ref _clockSequence, _clockSequence + 1);
        Volatile.Write(ref _clockPosition, _position);
        Volatile.Write(ref _clockTicks, System.Diagnostics.Stopwatch.GetTimestamp());
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

        _bus.EchoLevel = (float)Volatile.Read(ref _echoLevel);

        // Glide the master controls: a one-pole step per block with a 10 ms time constant.
        double glide = 1 - Math.Exp(-left.Length / (0.010 * _sampleRate));
        _cutoff += glide * (Volatile.Read(ref _cutoffTarget) - _cutoff);
        _gain += glide * (Volatile.Read(ref _gainTarget) - _gain);
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
