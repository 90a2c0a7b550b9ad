using Echelon.Core.Numerics;
using Echelon.Music.Theory;

namespace Echelon.Music.Composition.Agents;

/// <summary>
/// Pads and chords in MIDI 48–72. Each bar's chord is voiced close to the previous voicing (the
/// octave placement of its tones that moves the voices least), so changes glide rather than jump.
/// Low intensity holds a whole-bar pad; then two half-bar swells; then a 3-3-2 comping rhythm;
/// at full drive short off-beat stabs. High tension adds the diatonic seventh to triads;
/// brightness lifts the voicing's centre.
/// </summary>
/// <remarks>Not thread-safe: one control thread composes. After construction <see cref="ComposeBar"/> allocates nothing.</remarks>
public sealed class HarmonyAgent : IComposerAgent
{
    /// <summary>Lowest note of a voicing (C3).</summary>
    public const int LowestNote = 48;

    /// <summary>Highest note of a voicing (C5).</summary>
    public const int HighestNote = 72;

    private const int MaxVoices = 4;
    private const int MaxSpan = 16;
    private const int DrawsPerSlot = 1;
    private const int BarDraws = 1;

    private readonly ulong _seed;
    private readonly int[] _voicing = new int[MaxVoices];
    private int _voiceCount;
    private DeterministicRandom _random;

    /// <summary>Creates the agent; <paramref name="seed"/> fixes every random choice.</summary>
    public HarmonyAgent(ulong seed)
    {
        _seed = seed;
        _random = new DeterministicRandom(seed);
    }

    /// <inheritdoc/>
    public AgentKind Kind => AgentKind.Harmony;

    /// <inheritdoc/>
    public void ComposeBar(in BarContext context, ICollection<NoteEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ComposerKit.Validate(context);

        int beats = context.BeatsPerBar;
        int slots = beats * 4;
        Span<double> draws = stackalloc double[(ComposerKit.MaxSlots * DrawsPerSlot) + BarDraws];
        draws = draws[..((slots * DrawsPerSlot) + BarDraws)];
        ComposerKit.Draw(_random, draws);

        double intensity = ComposerKit.Unit(context.Control.Intensity);
        double tension = ComposerKit.Unit(context.Control.Tension);
        double brightness = ComposerKit.Unit(context.Control.Brightness);

        Span<int> pitchClasses = stackalloc int[MaxVoices];
        int toneCount = ChordTones(context.Scale, context.Chord, tension >= 0.65, pitchClasses);
        Span<int> voicing = stackalloc int[MaxVoices];
        voicing = voicing[..toneCount];
        Voice(pitchClasses[..toneCount], 57.0 + (8.0 * brightness), voicing);
        voicing.CopyTo(_voicing);
        _voiceCount = toneCount;

        // Rhythm: each level keeps at least as many hits as the one below.
        Span<bool> hits = stackalloc bool[ComposerKit.MaxSlots];
        hits = hits[..slots];
        hits.Clear();
        hits[0] = true;
        int level = intensity switch
        {
            < 0.3 => 0,
            < 0.55 => 1,
            < 0.8 => 2,
            _ => 3,
        };
        double gate = 0.98;
        switch (level)
        {
            case 1:
                hits[(beats / 2) * 4] = true;
                break;
            case 2:
                // 3-3-2: dotted quarters, the classic pop comping figure.
                for (int s = 6; s < slots; s += 6)
                {
                    hits[s] = true;
                }

                gate = 0.8;
                break;
            case 3:
                for (int s = 2; s < slots; s += 4)
                {
                    hits[s] = true;
                }

                gate = 0.6;
                break;
            default:
                break;
        }

        double gain = 0.4 + (0.45 * intensity);
        for (int s = 0; s < slots; s++)
        {
            if (!hits[s])
            {
                continue;
            }

            int next = s + 1;
            while (next < slots && !hits[next])
            {
                next++;
            }

            double accent = s == 0 ? 1.0 : 0.88;
            double human = 1.0 + (0.06 * (draws[s] - 0.5));
            long start = context.SampleAt(s * 0.25);
            long duration = ComposerKit.Duration(context, (next - s) * 0.25 * gate);
            for (int v = 0; v < voicing.Length; v++)
            {
                // The top voice sings a little over the others.
                double voiceAccent = v == voicing.Length - 1 ? 1.0 : 0.9;
                output.Add(new NoteEvent(
                    start,
                    AgentKind.Harmony,
                    (byte)voicing[v],
                    ComposerKit.Velocity(gain * accent * voiceAccent * human),
                    duration));
            }
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _random = new DeterministicRandom(_seed);
        _voiceCount = 0;
        Array.Clear(_voicing);
    }

    /// <summary>The chord's pitch classes, plus the diatonic seventh on a triad when <paramref name="addSeventh"/>.</summary>
    private static int ChordTones(Scale scale, Chord chord, bool addSeventh, Span<int> destination)
    {
        ReadOnlySpan<int> intervals = chord.Intervals;
        int count = Math.Min(intervals.Length, MaxVoices);
        for (int k = 0; k < count; k++)
        {
            destination[k] = (chord.Root + intervals[k]) % 12;
        }

        if (!addSeventh || count >= MaxVoices)
        {
            return count;
        }

        for (int degree = 0; degree < 7; degree++)
        {
            if ((scale.Tonic + scale.Offset(degree)) % 12 != chord.Root)
            {
                continue;
            }

            int seventh = (scale.Tonic + scale.Offset(degree + 6)) % 12;
            for (int k = 0; k < count; k++)
            {
                if (destination[k] == seventh)
                {
                    return count;
                }
            }

            destination[count] = seventh;
            return count + 1;
        }

        return count;
    }

    /// <summary>
    /// Voice leading: tries every octave placement of the tones inside 48–72 (at most 3⁴ = 81) and
    /// keeps the one that moves least from the previous voicing, with a light pull towards
    /// <paramref name="centre"/> so the pad does not drift to an edge of the register.
    /// </summary>
    private void Voice(ReadOnlySpan<int> pitchClasses, double centre, Span<int> destination)
    {
        int n = pitchClasses.Length;
        Span<int> candidate = stackalloc int[MaxVoices];
        Span<int> options = stackalloc int[MaxVoices];
        int combinations = 1;
        for (int k = 0; k < n; k++)
        {
            options[k] = ((HighestNote - LowestNote - pitchClasses[k]) / 12) + 1;
            combinations *= options[k];
        }

        ReadOnlySpan<int> previous = _voicing.AsSpan(0, _voiceCount);
        double best = double.MaxValue;
        for (int index = 0; index < combinations; index++)
        {
            int rest = index;
            for (int k = 0; k < n; k++)
            {
                candidate[k] = LowestNote + pitchClasses[k] + (12 * (rest % options[k]));
                rest /= options[k];
            }

            Span<int> voices = candidate[..n];
            voices.Sort();
            if (!Playable(voices))
            {
                continue;
            }

            double mean = 0.0;
            foreach (int note in voices)
            {
                mean += note;
            }

            mean /= n;
            double cost = (previous.Length == 0 ? 1.0 : 0.3) * Math.Abs(mean - centre);
            cost += Movement(previous, voices);
            if (cost < best)
            {
                best = cost;
                voices.CopyTo(destination);
            }
        }
    }

    /// <summary>Distinct notes, within a tenth-and-a-bit, and no close interval in the mud below G3.</summary>
    private static bool Playable(ReadOnlySpan<int> voices)
    {
        for (int k = 1; k < voices.Length; k++)
        {
            if (voices[k] == voices[k - 1])
            {
                return false;
            }
        }

        if (voices[^1] - voices[0] > MaxSpan)
        {
            return false;
        }

        return voices.Length < 2 || voices[0] >= 55 || voices[1] - voices[0] >= 3;
    }

    /// <summary>
    /// Semitones the voices move: paired in order when the counts match, otherwise each note to
    /// its nearest partner in the other voicing, both ways, halved.
    /// </summary>
    private static double Movement(ReadOnlySpan<int> previous, ReadOnlySpan<int> next)
    {
        if (previous.Length == 0)
        {
            return 0.0;
        }

        double total = 0.0;
        if (previous.Length == next.Length)
        {
            for (int k = 0; k < next.Length; k++)
            {
                total += Math.Abs(next[k] - previous[k]);
            }

            return total;
        }

        foreach (int note in next)
        {
            total += NearestDistance(previous, note);
        }

        foreach (int note in previous)
        {
            total += NearestDistance(next, note);
        }

        return total * 0.5;
    }

    private static int NearestDistance(ReadOnlySpan<int> voices, int note)
    {
        int best = int.MaxValue;
        foreach (int voice in voices)
        {
            best = Math.Min(best, Math.Abs(voice - note));
        }

        return best;
    }
}
