using System.Runtime.CompilerServices;
using Echelon.Audio.Dsp;
using Echelon.Audio.Instruments;

namespace Echelon.Audio.Render;

/// <summary>
/// Renders scheduled notes through a set of instruments block by block: each block is split at
/// note starts so every note begins on its exact sample, each instrument renders into its own
/// stereo stem, DC is blocked per stem (20 Hz), and the stems are summed into the mix. Because splitting depends only on the note
/// times, any block size gives the same samples bit for bit.
/// </summary>
/// <remarks>
/// Construction and <see cref="Prepare"/> allocate; <see cref="RenderBlock"/> allocates nothing.
/// Single-threaded: the render loop (offline) or the audio callback (live).
/// </remarks>
public sealed class InstrumentRenderer
{
    private readonly IInstrument[] _instruments;
    private readonly IInstrumentEventSource _source;
    private readonly float[] _stemGains;
    private long _lateNotes;
    private long _badNotes;
    private float[][] _stemLeft = [];
    private float[][] _stemRight = [];
    private StereoDcBlocker[] _dcBlockers = [];
    private long _position;
    private int _maxBlock;

    /// <summary>Creates a renderer of a fixed list of notes; they must be sorted by start sample.</summary>
    public InstrumentRenderer(IReadOnlyList<IInstrument> instruments, IReadOnlyList<InstrumentEvent> events)
        : this(instruments, Checked(instruments, events))
    {
    }

    /// <summary>
    /// Creates a renderer that takes its notes from <paramref name="source"/> as they come (live: the composer fills it
    /// ahead of the audio). A note whose start has already passed plays at the start of the block and is counted in
    /// <see cref="LateNotes"/>; a note naming an instrument that does not exist is dropped and counted in <see cref="BadNotes"/>.
    /// </summary>
    public InstrumentRenderer(IReadOnlyList<IInstrument> instruments, IInstrumentEventSource source)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(source);
        _instruments = [.. instruments];
        _source = source;
        _stemGains = new float[_instruments.Length];
        _stemGains.AsSpan().Fill(1f);
    }

    /// <summary>Number of instruments (stems).</summary>
    public int StemCount => _instruments.Length;

    /// <summary>Samples rendered so far.</summary>
    public long Position => _position;

    /// <summary>Notes that arrived after their start sample had been rendered (live only; they played late).</summary>
    public long LateNotes => Interlocked.Read(ref _lateNotes);

    /// <summary>Notes dropped because they named an instrument that does not exist (live only).</summary>
    public long BadNotes => Interlocked.Read(ref _badNotes);

    /// <summary>
    /// Sets a stem's gain (0 mutes it), applied to the stem before the mix; from any thread, taking effect at the next
    /// block. Stems start at 1, which leaves the output bit for bit as without gains.
    /// </summary>
    public void SetStemGain(int stem, float gain)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stem);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stem, _instruments.Length);
        if (!float.IsFinite(gain) || gain < 0 || gain > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "a stem gain must be from 0 to 4");
        }

        Volatile.Write(ref _stemGains[stem], gain);
    }

    /// <summary>The gain of <paramref name="stem"/>.</summary>
    public float StemGain(int stem) => Volatile.Read(ref _stemGains[stem]);

    /// <summary>Prepares every instrument and the stem buffers.</summary>
    public void Prepare(int sampleRate, int maxBlock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlock, 1);
        RealTimeCode.CompileAhead(typeof(InstrumentRenderer));
        RealTimeCode.CompileAhead(typeof(StereoDcBlocker));
        _maxBlock = maxBlock;
        _stemLeft = new float[_instruments.Length][];
        _stemRight = new float[_instruments.Length][];
        _dcBlockers = new StereoDcBlocker[_instruments.Length];
        for (int i = 0; i < _instruments.Length; i++)
        {
            _instruments[i].Prepare(sampleRate, maxBlock);
            _stemLeft[i] = new float[maxBlock];
            _stemRight[i] = new float[maxBlock];
            _dcBlockers[i] = new StereoDcBlocker(sampleRate);
        }

        (_source as ListEventSource)?.Rewind();
        _position = 0;
    }

    /// <summary>The last block of stem <paramref name="stem"/>, left channel.</summary>
    public ReadOnlySpan<float> StemLeft(int stem, int length) => _stemLeft[stem].AsSpan(0, length);

    /// <summary>The last block of stem <paramref name="stem"/>, right channel.</summary>
    public ReadOnlySpan<float> StemRight(int stem, int length) => _stemRight[stem].AsSpan(0, length);

    /// <summary>Renders the next <c>left.Length</c> samples: stems into the stem buffers, their sum into <paramref name="left"/>/<paramref name="right"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RenderBlock(Span<float> left, Span<float> right)
    {
        int length = left.Length;
        if (length > _maxBlock || right.Length != length)
        {
            throw new ArgumentException($"Block of {length} (right {right.Length}) exceeds the prepared {_maxBlock} or the channels differ.");
        }

        for (int s = 0; s < _instruments.Length; s++)
        {
            _stemLeft[s].AsSpan(0, length).Clear();
            _stemRight[s].AsSpan(0, length).Clear();
        }

        int offset = 0;
        while (offset < length)
        {
            // Start every note due at this sample, then render up to the next note start.
            InstrumentEvent e;
            while (_source.TryPeek(out e) && e.StartSample <= _position + offset)
            {
                _source.Advance();
                if ((uint)e.Instrument >= (uint)_instruments.Length)
                {
                    _badNotes++;
                    continue;
                }

                if (e.StartSample < _position)
                {
                    _lateNotes++;
                }

                _instruments[e.Instrument].NoteOn(e.Pitch, e.Velocity, e.DurationSamples);
            }

            int end = length;
            if (_source.TryPeek(out e))
            {
                long next = e.StartSample - _position;
                end = (int)Math.Min(end, next);
            }

            for (int s = 0; s < _instruments.Length; s++)
            {
                _instruments[s].Render(_stemLeft[s].AsSpan(offset, end - offset), _stemRight[s].AsSpan(offset, end - offset));
            }

            offset = end;
        }

        left.Clear();
        right.Clear();
        for (int s = 0; s < _instruments.Length; s++)
        {
            _dcBlockers[s].Process(_stemLeft[s].AsSpan(0, length), _stemRight[s].AsSpan(0, length));
            float gain = Volatile.Read(ref _stemGains[s]);
            if (gain != 1f)
            {
                BlockMath.Scale(_stemLeft[s].AsSpan(0, length), gain);
                BlockMath.Scale(_stemRight[s].AsSpan(0, length), gain);
            }

            BlockMath.Add(_stemLeft[s].AsSpan(0, length), left);
            BlockMath.Add(_stemRight[s].AsSpan(0, length), right);
        }

        _position += length;
    }

    private static ListEventSource Checked(IReadOnlyList<IInstrument> instruments, IReadOnlyList<InstrumentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(events);
        InstrumentEvent[] list = [.. events];
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i].Instrument < 0 || list[i].Instrument >= instruments.Count)
            {
                throw new ArgumentException($"events[{i}] names instrument {list[i].Instrument}; there are {instruments.Count}.", nameof(events));
            }

            if (i > 0 && list[i].StartSample < list[i - 1].StartSample)
            {
                throw new ArgumentException($"events[{i}] starts at {list[i].StartSample}, before events[{i - 1}] at {list[i - 1].StartSample}; sort them by start sample.", nameof(events));
            }
        }

        return new ListEventSource(list);
    }

    /// <summary>A fixed, sorted list of notes.</summary>
    private sealed class ListEventSource(InstrumentEvent[] events) : IInstrumentEventSource
    {
        private int _next;

        public bool TryPeek(out InstrumentEvent note)
        {
            if (_next < events.Length)
            {
                note = events[_next];
                return true;
            }

            note = default;
            return false;
        }

        public void Advance() => _next++;

        public void Rewind() => _next = 0;
    }
}
