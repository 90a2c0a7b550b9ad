using Echelon.Core.Numerics;
using Echelon.Music.Theory;

namespace Echelon.Music.Composition.Agents;

/// <summary>
/// Ambient percussion: a soft kick pulse (the downbeat, then the middle beat, then every beat),
/// a swell each bar on a chord tone that moves as little as possible from the last one (a second,
/// higher swell from the middle up), and a shaker/hi-hat texture that starts as a few off-beat
/// 8ths and fills the 16ths as intensity rises, with humanised velocities but on-grid timing. The
/// texture repeats through an 8-bar cycle, varied on the last bar of each 4-bar phrase.
/// </summary>
/// <remarks>
/// Pitches below <see cref="LowestSwellNote"/> are General MIDI drum keys (<see cref="DrumKey.Kick"/>,
/// <see cref="DrumKey.ClosedHat"/>, <see cref="DrumKey.OpenHat"/>); pitches from
/// <see cref="LowestSwellNote"/> to <see cref="HighestSwellNote"/> are swell tones, lasting the bar.
/// Not thread-safe: one control thread composes. After construction <see cref="ComposeBar"/>
/// allocates nothing.
/// </remarks>
public sealed class PercussionAgent : IComposerAgent
{
    /// <summary>Lowest swell tone; everything below is a drum key.</summary>
    public const int LowestSwellNote = 48;

    /// <summary>Highest swell tone.</summary>
    public const int HighestSwellNote = 72;

    // The texture (kept by the groove memory): a hat draw per 16th and the open-hat draw; then a
    // velocity draw per 16th and the swell draw.
    private const int MaxDraws = (ComposerKit.MaxSlots * 2) + 2;
    private const int FirstSwell = 60;

    private readonly ulong _seed;
    private readonly GrooveMemory _texture = new(ComposerKit.MaxSlots + 1);
    private DeterministicRandom _random;
    private SectionTracker _section;
    private int _lastSwell = FirstSwell;

    /// <summary>Creates the agent; <paramref name="seed"/> fixes every random choice.</summary>
    public PercussionAgent(ulong seed)
    {
        _seed = seed;
        _random = new DeterministicRandom(seed);
    }

    /// <inheritdoc/>
    public AgentKind Kind => AgentKind.Percussion;

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
        Span<double> texture = draws[..(slots + 1)];
        _texture.Apply(texture, _section.BarInSection);
        ReadOnlySpan<double> humanDraws = draws[(slots + 1)..];
        double openDraw = texture[slots];
        double swellDraw = humanDraws[slots];

        double intensity = ComposerKit.Unit(context.Control.Intensity);
        int middle = beats / 2;

        // Swells: one chord tone per bar, voice-led from the last; a second one above from 0.5.
        Chord chord = context.Chord;
        int swell = SwellTone(chord, _lastSwell, swellDraw);
        _lastSwell = swell;
        long bar = ComposerKit.Duration(context, beats);
        double swellGain = 0.25 + (0.3 * intensity);
        output.Add(new NoteEvent(context.StartSample, AgentKind.Percussion, (byte)swell, ComposerKit.Velocity(swellGain), bar));
        if (intensity >= 0.5)
        {
            int upper = UpperTone(chord, swell);
            output.Add(new NoteEvent(context.StartSample, AgentKind.Percussion, (byte)upper, ComposerKit.Velocity(swellGain * 0.85), bar));
        }

        double kickGain = 0.3 + (0.35 * intensity);
        double hatGain = 0.18 + (0.37 * intensity);
        for (int s = 0; s < slots; s++)
        {
            int beat = s >> 2;
            int position = s & 3;
            double hatDraw = texture[s];
            double human = 0.8 + (0.4 * humanDraws[s]);

            if (position == 0 && (s == 0 || (beat == middle && intensity >= 0.3) || intensity >= 0.6))
            {
                Emit(context, output, s, DrumKey.Kick, kickGain * (s == 0 ? 1.0 : 0.85), 0.6);
            }

            bool hat = position switch
            {
                0 => hatDraw < (1.4 * intensity) - 0.1,
                2 => hatDraw < 0.2 + (1.6 * intensity),
                _ => hatDraw < 1.6 * (intensity - 0.35),
            };
            if (!hat)
            {
                continue;
            }

            if (position == 2 && beat == beats - 1 && intensity >= 0.7 && openDraw < 0.4)
            {
                Emit(context, output, s, DrumKey.OpenHat, hatGain * 0.9 * human, 0.5);
                continue;
            }

            double accent = position switch
            {
                0 => 0.85,
                2 => 1.0,
                _ => 0.6,
            };
            Emit(context, output, s, DrumKey.ClosedHat, hatGain * accent * human, 0.1);
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _random = new DeterministicRandom(_seed);
        _section.Reset();
        _texture.Reset();
        _lastSwell = FirstSwell;
    }

    private static void Emit(in BarContext context, ICollection<NoteEvent> output, int slot, byte key, double velocity, double beats) =>
        output.Add(new NoteEvent(
            context.SampleAt(slot * 0.25),
            AgentKind.Percussion,
            key,
            ComposerKit.Velocity(velocity),
            ComposerKit.Duration(context, beats)));

    /// <summary>The chord tone nearest the last swell; now and then (one bar in three) the next tone up or down instead, so the swells drift.</summary>
    private static int SwellTone(Chord chord, int last, double draw)
    {
        ReadOnlySpan<int> intervals = chord.Intervals;
        int best = 0;
        int bestDistance = int.MaxValue;
        for (int k = 0; k < intervals.Length; k++)
        {
            int note = ComposerKit.Nearest((chord.Root + intervals[k]) % 12, last, LowestSwellNote, LowestSwellNote + 11 + 12);
            int distance = Math.Abs(note - last);
            if (distance < bestDistance)
            {
                best = note;
                bestDistance = distance;
            }
        }

        if (draw < 1.0 / 3.0)
        {
            int direction = draw < 1.0 / 6.0 ? 1 : -1;
            for (int step = 1; step <= 12; step++)
            {
                int note = best + (direction * step);
                if (note >= LowestSwellNote && note <= HighestSwellNote && chord.Contains(note))
                {
                    return note;
                }
            }
        }

        return best;
    }

    /// <summary>The next chord tone above <paramref name="swell"/> (below when that leaves the register).</summary>
    private static int UpperTone(Chord chord, int swell)
    {
        for (int step = 3; step <= 12; step++)
        {
            if (swell + step <= HighestSwellNote && chord.Contains(swell + step))
            {
                return swell + step;
            }
        }

        for (int step = 3; step <= 12; step++)
        {
            if (swell - step >= LowestSwellNote && chord.Contains(swell - step))
            {
                return swell - step;
            }
        }

        return swell >= LowestSwellNote + 12 ? swell - 12 : swell + 12;
    }
}
