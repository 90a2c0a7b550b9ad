using Echelon.Core.Numerics;
using Echelon.Music.Theory;

namespace Echelon.Music.Composition.Agents;

/// <summary>
/// The lead line: strictly diatonic (every note is a degree of <see cref="BarContext.Scale"/>), in
/// MIDI 60–84. Phrases of 2 or 4 bars arc up and come back down, move mostly by step with an
/// occasional leap to a chord tone (followed by a step back), land on chord tones on the strong
/// beats (the downbeat and the middle of the bar),
/// and breathe at the end of every phrase (a held chord tone, then a rest); the third bar of each
/// 4-bar block restates the first bar's rhythm and contour over its own chord. Intensity and density
/// fill the 16th grid from the strong beats outwards; brightness lifts the register; tension makes
/// leaps more frequent.
/// </summary>
/// <remarks>
/// Pitches are computed as scale degrees, never as semitone offsets, so no chromatic note can
/// arise. Not thread-safe: one control thread composes. After construction
/// <see cref="ComposeBar"/> allocates nothing.
/// </remarks>
public sealed class MelodyAgent : IComposerAgent
{
    /// <summary>Lowest note of the lead (middle C).</summary>
    public const int LowestNote = 60;

    /// <summary>Highest note of the lead (C6).</summary>
    public const int HighestNote = 84;

    // Per 16th: onset, pitch, leap and direction draws (the motif, replayed two bars later), then a
    // velocity draw per 16th, then the bar's draws: phrase plan, pickup, arc.
    private const int MotifDrawsPerSlot = 4;
    private const int BarDraws = 3;
    private const int MaxDraws = (ComposerKit.MaxSlots * (MotifDrawsPerSlot + 1)) + BarDraws;
    private const int WindowSemitones = 14;

    // Metrical weight of the downbeat and the middle beat: these land on chord tones; the other
    // beats may carry passing tones, which keeps a sparse line stepwise.
    private const double StrongBeat = 0.85;

    private readonly ulong _seed;
    private readonly double[] _motif = new double[ComposerKit.MaxSlots * MotifDrawsPerSlot];
    private int _motifLength = -1;
    private DeterministicRandom _random;
    private SectionTracker _section;
    private bool _twoBarPhrases;
    private int _arc;
    private int _degree;
    private bool _hasNote;
    private int _recovery;

    /// <summary>Creates the agent; <paramref name="seed"/> fixes every random choice.</summary>
    public MelodyAgent(ulong seed)
    {
        _seed = seed;
        _random = new DeterministicRandom(seed);
        _arc = 1;
    }

    /// <inheritdoc/>
    public AgentKind Kind => AgentKind.Melody;

    /// <inheritdoc/>
    public void ComposeBar(in BarContext context, ICollection<NoteEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ComposerKit.Validate(context);
        _section.Advance(context.Control.Section, context.Bar);

        int beats = context.BeatsPerBar;
        int slots = beats * 4;
        int motifDraws = slots * MotifDrawsPerSlot;
        Span<double> draws = stackalloc double[MaxDraws];
        draws = draws[..(motifDraws + slots + BarDraws)];
        ComposerKit.Draw(_random, draws);
        Span<double> motif = draws[..motifDraws];
        ReadOnlySpan<double> velocityDraws = draws.Slice(motifDraws, slots);
        int barDraw = motifDraws + slots;

        double intensity = ComposerKit.Unit(context.Control.Intensity);
        double density = ComposerKit.Unit(context.Control.Density);
        double brightness = ComposerKit.Unit(context.Control.Brightness);
        double tension = ComposerKit.Unit(context.Control.Tension);
        Scale scale = context.Scale;

        // Phrase plan: each 4-bar block of the section is one 4-bar phrase or two 2-bar phrases.
        int blockBar = _section.BarInSection % 4;
        if (blockBar == 0)
        {
            _twoBarPhrases = draws[barDraw] < 0.5;
        }

        // Motif: the third bar of a block replays the first bar's rhythm and contour choices, so the
        // line answers itself (the same shape over a new chord) instead of wandering.
        if (blockBar == 0 || _motifLength != motifDraws)
        {
            motif.CopyTo(_motif);
            _motifLength = motifDraws;
        }
        else if (blockBar == 2)
        {
            _motif.AsSpan(0, motifDraws).CopyTo(motif);
        }

        int phraseLength = _twoBarPhrases ? 2 : 4;
        int phraseBar = blockBar % phraseLength;
        bool phraseStart = phraseBar == 0;
        bool cadence = phraseBar == phraseLength - 1;
        if (phraseStart)
        {
            _arc = draws[barDraw + 2] < 0.7 ? 1 : -1;
        }

        // At the quietest the second 2-bar phrase of a block is left out: call, then silence.
        if (intensity < 0.2 && _twoBarPhrases && blockBar >= 2)
        {
            return;
        }

        int low = LowestNote + (int)Math.Round(10.0 * brightness);
        int high = Math.Min(HighestNote, low + WindowSemitones);
        int lowDegree = -7;
        while (scale.Note(lowDegree) < low)
        {
            lowDegree++;
        }

        int highDegree = lowDegree;
        while (scale.Note(highDegree + 1) <= high)
        {
            highDegree++;
        }

        if (!_hasNote)
        {
            _degree = (lowDegree + highDegree) / 2;
        }

        while (_degree < lowDegree)
        {
            _degree += 7;
        }

        while (_degree > highDegree)
        {
            _degree -= 7;
        }

        // Onsets: the strong slots fill first; intensity and density open the weaker ones.
        double activity = Math.Clamp(0.15 + (0.75 * intensity) + (0.3 * (density - 0.5)), 0.0, 1.0);
        int lastSlot = cadence ? slots / 2 : slots;
        int pickupSlot = phraseStart && draws[barDraw + 1] < 0.3 ? 2 : 0;
        Span<int> onsets = stackalloc int[ComposerKit.MaxSlots];
        int count = 0;
        for (int s = 0; s < lastSlot; s++)
        {
            bool forced = (phraseStart && s == pickupSlot) || (cadence && s == 0);
            double probability = Math.Clamp((activity + ComposerKit.MetricWeight(s, beats) - 0.85) * 2.2, 0.0, 1.0);
            if (forced || (!(phraseStart && s < pickupSlot) && motif[s * MotifDrawsPerSlot] < probability))
            {
                onsets[count++] = s;
            }
        }

        double gate = 0.92 - (0.2 * density);
        double gain = 0.5 + (0.4 * intensity);
        Chord chord = context.Chord;
        for (int k = 0; k < count; k++)
        {
            int s = onsets[k];
            double weight = ComposerKit.MetricWeight(s, beats);
            double pitchDraw = motif[(s * MotifDrawsPerSlot) + 1];
            double leapDraw = motif[(s * MotifDrawsPerSlot) + 2];
            double directionDraw = motif[(s * MotifDrawsPerSlot) + 3];
            double velocityDraw = velocityDraws[s];
            double progress = (phraseBar + (s / (double)slots)) / phraseLength;
            int direction = progress < 0.5 ? _arc : -_arc;
            bool last = cadence && k == count - 1;

            if (phraseStart && k == 0)
            {
                // Open each phrase on a chord tone near the middle of the register.
                int centre = ((lowDegree + highDegree) / 2) + (int)Math.Floor((pitchDraw * 5.0) - 2.0);
                _degree = NearestChordTone(scale, chord, centre, direction, lowDegree, highDegree, 3, false);
                _recovery = 0;
            }
            else if (last)
            {
                // Cadence: settle on the root if it is near, otherwise the nearest chord tone.
                _degree = NearestChordTone(scale, chord, _degree, -1, lowDegree, highDegree, 3, true);
                _recovery = 0;
            }
            else if (weight >= StrongBeat)
            {
                // On the beat: a chord tone, usually the next one along the contour (a third or a
                // step away), sometimes the one already sounding.
                bool stay = pitchDraw < 0.2 && chord.Contains(scale.Note(_degree));
                _degree = stay ? _degree : NextChordTone(scale, chord, _degree, direction, lowDegree, highDegree);
                _recovery = 0;
            }
            else if (_recovery != 0)
            {
                _degree = Step(_degree, _recovery, 1, lowDegree, highDegree);
                _recovery = 0;
            }
            else if (leapDraw < 0.08 + (0.12 * tension))
            {
                int before = _degree;
                int leapDirection = _degree + (4 * direction) > highDegree || _degree + (4 * direction) < lowDegree ? -direction : direction;
                _degree = NearestChordTone(scale, chord, _degree + (4 * leapDirection), leapDirection, lowDegree, highDegree, 1, false);
                _recovery = Math.Abs(_degree - before) >= 3 ? -Math.Sign(_degree - before) : 0;
            }
            else
            {
                int size = pitchDraw < 0.06 ? 0 : pitchDraw < 0.85 ? 1 : 2;
                int stepDirection = directionDraw < 0.75 ? direction : -direction;
                _degree = Step(_degree, stepDirection, size, lowDegree, highDegree);
            }

            _hasNote = true;
            int end = k + 1 < count ? onsets[k + 1] : slots;
            if (last)
            {
                end = Math.Min(slots, Math.Max(s + 4, (3 * slots) / 4));
            }

            double shape = 0.04 * Math.Sin(Math.PI * progress);
            double accent = weight >= 0.7 ? 0.08 : 0.0;
            double human = 0.06 * (velocityDraw - 0.5);
            output.Add(new NoteEvent(
                context.SampleAt(s * 0.25),
                AgentKind.Melody,
                (byte)scale.Note(_degree),
                ComposerKit.Velocity(gain + accent + shape + human),
                ComposerKit.Duration(context, (end - s) * 0.25 * gate)));
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _random = new DeterministicRandom(_seed);
        _section.Reset();
        _motifLength = -1;
        _twoBarPhrases = false;
        _arc = 1;
        _degree = 0;
        _hasNote = false;
        _recovery = 0;
    }

    /// <summary>Moves <paramref name="size"/> degrees, turning back at the edges of the window.</summary>
    private static int Step(int degree, int direction, int size, int lowDegree, int highDegree)
    {
        int next = degree + (direction * size);
        if (next > highDegree || next < lowDegree)
        {
            next = degree - (direction * size);
        }

        return Math.Clamp(next, lowDegree, highDegree);
    }

    /// <summary>
    /// The next chord tone along <paramref name="direction"/> (at most 4 degrees on), else the next
    /// one the other way, else <paramref name="degree"/> itself (a chord with no tone in the scale).
    /// </summary>
    private static int NextChordTone(Scale scale, Chord chord, int degree, int direction, int lowDegree, int highDegree)
    {
        for (int side = 0; side < 2; side++)
        {
            int way = side == 0 ? direction : -direction;
            for (int distance = 1; distance <= 4; distance++)
            {
                int candidate = degree + (way * distance);
                if (candidate < lowDegree || candidate > highDegree)
                {
                    break;
                }

                if (chord.Contains(scale.Note(candidate)))
                {
                    return candidate;
                }
            }
        }

        return degree;
    }

    /// <summary>
    /// The chord tone (a scale degree whose note is in the chord) nearest to <paramref name="target"/>
    /// within <paramref name="reach"/> degrees, preferring <paramref name="direction"/> on ties and,
    /// when <paramref name="preferRoot"/>, the root. Falls back to the target itself when the chord
    /// has no tone in the scale nearby (a borrowed chord): the line stays diatonic either way.
    /// </summary>
    private static int NearestChordTone(Scale scale, Chord chord, int target, int direction, int lowDegree, int highDegree, int reach, bool preferRoot)
    {
        target = Math.Clamp(target, lowDegree, highDegree);
        if (preferRoot)
        {
            for (int distance = 0; distance <= reach; distance++)
            {
                for (int side = 0; side < 2; side++)
                {
                    int degree = target + (side == 0 ? direction * distance : -direction * distance);
                    if (degree >= lowDegree && degree <= highDegree && (scale.Note(degree) - chord.Root) % 12 == 0)
                    {
                        return degree;
                    }
                }
            }
        }

        for (int distance = 0; distance <= reach; distance++)
        {
            for (int side = 0; side < 2; side++)
            {
                int degree = target + (side == 0 ? direction * distance : -direction * distance);
                if (degree >= lowDegree && degree <= highDegree && chord.Contains(scale.Note(degree)))
                {
                    return degree;
                }
            }
        }

        return target;
    }
}
