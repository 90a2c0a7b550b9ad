using Echelon.Core.Numerics;
using Echelon.Music.Theory;

namespace Echelon.Music.Composition.Agents;

/// <summary>
/// The bass line: the chord root on every downbeat, filled out with fifths and octaves as the
/// intensity rises (a held root at 0; root and fifth in halves; quarters with a syncopated 8th;
/// driving 8ths; 8ths with octave pick-ups at 1) and, from the middle up, a diatonic approach note
/// on the last 8th leading into the next chord's root. The choices form a riff that repeats,
/// moved to each chord, through an 8-bar cycle (fresh on the last bar of each 4-bar phrase).
/// Register MIDI 28–52; density shortens the notes from legato towards punchy.
/// </summary>
/// <remarks>Not thread-safe: one control thread composes. After construction <see cref="ComposeBar"/> allocates nothing.</remarks>
public sealed class BassAgent : IComposerAgent
{
    /// <summary>Lowest note the bass plays (E1).</summary>
    public const int LowestNote = 28;

    /// <summary>Highest note the bass plays (E3).</summary>
    public const int HighestNote = 52;

    // The riff (kept by the groove memory): a pitch draw per 16th, then the syncopation and
    // approach draws; then a velocity draw per 16th.
    private const int MaxDraws = (ComposerKit.MaxSlots * 2) + 2;

    private readonly ulong _seed;
    private readonly GrooveMemory _riff = new(ComposerKit.MaxSlots + 2);
    private DeterministicRandom _random;
    private SectionTracker _section;

    /// <summary>Creates the agent; <paramref name="seed"/> fixes every random choice.</summary>
    public BassAgent(ulong seed)
    {
        _seed = seed;
        _random = new DeterministicRandom(seed);
    }

    /// <inheritdoc/>
    public AgentKind Kind => AgentKind.Bass;

    /// <inheritdoc/>
    public void ComposeBar(in BarContext context, ICollection<NoteEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ComposerKit.Validate(context);
        _section.Advance(context.Control.Section, context.Bar);

        int beats = context.BeatsPerBar;
        int slots = beats * 4;
        Span<double> draws = stackalloc double[MaxDraws];
        draws = draws[..((slots * 2) + 2)];
        ComposerKit.Draw(_random, draws);
        Span<double> riff = draws[..(slots + 2)];
        _riff.Apply(riff, _section.BarInSection);
        ReadOnlySpan<double> humanDraws = draws[(slots + 2)..];
        double syncopationDraw = riff[slots];
        double approachDraw = riff[slots + 1];

        double intensity = ComposerKit.Unit(context.Control.Intensity);
        double density = ComposerKit.Unit(context.Control.Density);
        double energy = Math.Clamp(intensity + (0.2 * (density - 0.5)), 0.0, 1.0);
        int level = energy switch
        {
            < 0.2 => 0,
            < 0.45 => 1,
            < 0.7 => 2,
            < 0.9 => 3,
            _ => 4,
        };

        Chord chord = context.Chord;
        int root = ComposerKit.Fold(24 + chord.Root, LowestNote, LowestNote + 11);
        int fifth = root + chord.Intervals[2];
        int octave = root + 12;
        int middle = beats / 2;
        int approachSlot = slots - 2;
        bool approach = beats >= 2
            && (level >= 3 || (level == 2 && (context.NextChord.Root != chord.Root || approachDraw < 0.35)));

        // Onsets on the 16th grid, each level a superset of the one below.
        Span<bool> onsets = stackalloc bool[ComposerKit.MaxSlots];
        onsets = onsets[..slots];
        onsets.Clear();
        onsets[0] = true;
        for (int s = 4; s < slots; s += 4)
        {
            int beat = s >> 2;
            onsets[s] = level >= 2 || (level == 1 && beat == middle);
        }

        if (level >= 2 && beats >= 3 && syncopationDraw < 0.6)
        {
            onsets[((middle - 1) * 4) + 2] = true;
        }

        if (level >= 3)
        {
            for (int s = 2; s < slots; s += 4)
            {
                onsets[s] = true;
            }
        }

        if (level >= 4)
        {
            onsets[3] = true;
            if (beats >= 3)
            {
                onsets[(middle * 4) + 3] = true;
            }
        }

        if (approach)
        {
            onsets[approachSlot] = true;
        }

        double gate = level <= 1 ? 0.95 : 0.95 - (0.45 * density);
        double gain = 0.55 + (0.4 * intensity);
        for (int s = 0; s < slots; s++)
        {
            if (!onsets[s])
            {
                continue;
            }

            int next = s + 1;
            while (next < slots && !onsets[next])
            {
                next++;
            }

            double pitchDraw = riff[s];
            double human = 1.0 + (0.06 * (humanDraws[s] - 0.5));
            int position = s & 3;
            int pitch;
            double accent;
            if (s == 0)
            {
                pitch = root;
                accent = 1.0;
            }
            else if (approach && s == approachSlot)
            {
                pitch = Approach(context.Scale, context.NextChord.Root, root, pitchDraw);
                accent = 0.85;
            }
            else if (position == 0)
            {
                pitch = s >> 2 == middle
                    ? (pitchDraw < 0.55 ? fifth : pitchDraw < 0.75 ? octave : root)
                    : (pitchDraw < 0.6 ? root : pitchDraw < 0.85 ? octave : fifth);
                accent = 0.9;
            }
            else if (position == 2)
            {
                pitch = pitchDraw < 0.45 ? octave : pitchDraw < 0.8 ? root : fifth;
                accent = 0.8;
            }
            else
            {
                pitch = octave;
                accent = 0.62;
            }

            output.Add(new NoteEvent(
                context.SampleAt(s * 0.25),
                AgentKind.Bass,
                (byte)ComposerKit.Fold(pitch, LowestNote, HighestNote),
                ComposerKit.Velocity(gain * accent * human),
                ComposerKit.Duration(context, (next - s) * 0.25 * gate)));
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _random = new DeterministicRandom(_seed);
        _section.Reset();
        _riff.Reset();
    }

    /// <summary>A scale tone a step above or below the next root, in the register next to the current root.</summary>
    private static int Approach(Scale scale, int nextRootClass, int currentRoot, double draw)
    {
        int target = ComposerKit.Nearest(nextRootClass, currentRoot, LowestNote, LowestNote + 11);
        int below = target - 1;
        while (!scale.Contains(below))
        {
            below--;
        }

        int above = target + 1;
        while (!scale.Contains(above))
        {
            above++;
        }

        // Approach from below (the leading motion bass players favour) two times in three.
        int pitch = draw < 0.67 ? below : above;
        if (pitch < LowestNote)
        {
            pitch = above;
        }

        return pitch;
    }
}
