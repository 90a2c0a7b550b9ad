using Echelon.Audio.Render;
using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Music.Theory;

namespace Echelon.Studio.Engine;

/// <summary>
/// The five composer agents playing live: one bar at a time, composed when its downbeat comes within the horizon,
/// with the control state, key and tempo of that moment, and handed to the audio thread in start order. The bar
/// grid is the engine's musical clock: each bar keeps the tempo it was composed at, so the notes and the grid
/// never disagree, and the beat phase θ is read off the same grid.
/// </summary>
/// <remarks>
/// Control thread only. Composing a bar allocates nothing once the note list has grown to the densest bar's size;
/// a key change re-aims the progression on the next bar line. Deterministic: the same seed and the same sequence
/// of (position, control, key, tempo) give the same notes.
/// </remarks>
internal sealed class LiveComposer
{
    private const int BeatsPerBar = 4;

    // Sorting a span with a cached Comparison allocates nothing; List.Sort(IComparer) and a span sort with a comparer
    // object both do (a delegate, and a box for a struct comparer: 88 B per bar, measured).
    private static readonly Comparison<NoteEvent> s_order = Compare;

    private readonly IComposerAgent[] _agents;
    private readonly ProgressionGenerator _progression;
    private readonly List<NoteEvent> _bar = new(1024);
    private readonly NoteQueue _queue;
    private readonly int _sampleRate;
    private readonly long[] _gridStart = new long[4];
    private readonly double[] _gridSamplesPerBeat = new double[4];
    private Scale _scale;
    private Chord _next;
    private int _section;
    private int _barIndex;
    private long _nextBarStart;

    public LiveComposer(ulong seed, int sampleRate, Scale scale, long firstDownbeat, NoteQueue queue)
    {
        _sampleRate = sampleRate;
        _scale = scale;
        _queue = queue;
        _nextBarStart = firstDownbeat;
        _agents =
        [
            new DrumsAgent(seed ^ 0xD1),
            new BassAgent(seed ^ 0xB2),
            new HarmonyAgent(seed ^ 0xA3),
            new MelodyAgent(seed ^ 0x4E),
            new PercussionAgent(seed ^ 0x5C),
        ];
        _progression = new ProgressionGenerator(scale, seed ^ 0x9A11);
        _next = _progression.NextChord();
        _gridStart.AsSpan().Fill(long.MinValue);
    }

    /// <summary>The tempo of the newest composed bar, BPM (0 before the first).</summary>
    public double Bpm { get; private set; }

    /// <summary>
    /// Composes the next bar when its downbeat is within <paramref name="horizon"/> samples of
    /// <paramref name="position"/>; a bar whose start has already passed <paramref name="earliestStart"/> (the first
    /// sample the audio has not yet played, never before <paramref name="position"/>) is moved to start there, so no
    /// note is ever scheduled into the audio's past. True when a bar was composed.
    /// </summary>
    public bool ComposeIfDue(long position, long earliestStart, long horizon, double bpm, in ControlState control, Scale scale)
    {
        if (_nextBarStart - position > horizon)
        {
            return false;
        }

        long earliest = Math.Max(position, earliestStart);
        if (_nextBarStart < earliest)
        {
            _nextBarStart = earliest;
        }

        double samplesPerBeat = _sampleRate * 60.0 / bpm;
        Chord chord = _next;
        if (scale != _scale)
        {
            _scale = scale;
            _progression.Scale = scale;
            _progression.StartSection();
            chord = _progression.NextChord();
        }
        else if (control.Section != _section)
        {
            _progression.StartSection();
        }

        _section = control.Section;
        _progression.Tension = UnitInterval.Clamp(control.Tension);
        _next = _progression.NextChord();
        var context = new BarContext(_barIndex, _nextBarStart, samplesPerBeat, BeatsPerBar, _scale, chord, _next, control, _sampleRate);
        _bar.Clear();
        foreach (IComposerAgent agent in _agents)
        {
            agent.ComposeBar(context, _bar);
        }

        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bar).Sort(s_order);
        foreach (NoteEvent note in _bar)
        {
            _queue.TryWrite(new InstrumentEvent(note.StartSample, (int)note.Agent, note.Pitch, note.Velocity, note.DurationSamples));
        }

        int slot = _barIndex & 3;
        _gridStart[slot] = _nextBarStart;
        _gridSamplesPerBeat[slot] = samplesPerBeat;
        Bpm = bpm;
        _nextBarStart += (long)Math.Round(BeatsPerBar * samplesPerBeat);
        _barIndex++;
        return true;
    }

    /// <summary>
    /// Beats since the downbeat of the bar that holds <paramref name="position"/> (0–4), from the composed grid;
    /// −1 when the position is before the first composed bar.
    /// </summary>
    public double BeatInBar(long position)
    {
        int best = -1;
        for (int i = 0; i < _gridStart.Length; i++)
        {
            if (_gridStart[i] != long.MinValue && _gridStart[i] <= position && (best < 0 || _gridStart[i] > _gridStart[best]))
            {
                best = i;
            }
        }

        return best < 0 ? -1 : Math.Min(BeatsPerBar, (position - _gridStart[best]) / _gridSamplesPerBeat[best]);
    }

    /// <summary>Start, then agent, then pitch. The agent is compared as an int: an enum's CompareTo boxes its argument.</summary>
    private static int Compare(NoteEvent a, NoteEvent b)
    {
        int c = a.StartSample.CompareTo(b.StartSample);
        c = c != 0 ? c : ((int)a.Agent).CompareTo((int)b.Agent);
        return c != 0 ? c : a.Pitch.CompareTo(b.Pitch);
    }
}
