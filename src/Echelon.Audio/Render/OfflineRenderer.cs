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
public sealed class OfflineRenderer
{
    private readonly IInstrument[] _instruments;
    private readonly InstrumentEvent[] _events;
    private float[][] _stemLeft = [];
    private float[][] _stemRight = [];
    private StereoDcBlocker[] _dcBlockers = [];
    private int _nextEvent;
    private long _position;
    private int _maxBlock;

    /// <summary>Creates a renderer; events must be sorted by start sample.</summary>
    public OfflineRenderer(IReadOnlyList<IInstrument> instruments, IReadOnlyList<InstrumentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(events);
        _instruments = [.. instruments];
        _events = [.. events];
        for (int i = 0; i < _events.Length; i++)
        {
            if (_events[i].Instrument < 0 || _events[i].Instrument >= _instruments.Length)
            {
                throw new ArgumentException($"events[{i}] names instrument {_events[i].Instrument}; there are {_instruments.Length}.", nameof(events));
            }

            if (i > 0 && _events[i].StartSample < _events[i - 1].StartSample)
            {
                throw new ArgumentException($"events[{i}] starts at {_events[i].StartSample}, before events[{i - 1}] at {_events[i - 1].StartSample}; sort them by start sample.", nameof(events));
            }
        }
    }

    /// <summary>Number of instruments (stems).</summary>
    public int StemCount => _instruments.Length;

    /// <summary>Samples rendered so far.</summary>
    public long Position => _position;

    /// <summary>Prepares every instrument and the stem buffers.</summary>
    public void Prepare(int sampleRate, int maxBlock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlock, 1);
        RealTimeCode.CompileAhead(typeof(OfflineRenderer));
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

        _nextEvent = 0;
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
            while (_nextEvent < _events.Length && _events[_nextEvent].StartSample <= _position + offset)
            {
                InstrumentEvent e = _events[_nextEvent++];
                _instruments[e.Instrument].NoteOn(e.Pitch, e.Velocity, e.DurationSamples);
            }

            int end = length;
            if (_nextEvent < _events.Length)
            {
                long next = _events[_nextEvent].StartSample - _position;
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
            BlockMath.Add(_stemLeft[s].AsSpan(0, length), left);
            BlockMath.Add(_stemRight[s].AsSpan(0, length), right);
        }

        _position += length;
    }
}
