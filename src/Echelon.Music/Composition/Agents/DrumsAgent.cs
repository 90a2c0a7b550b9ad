using Echelon.Core.Numerics;

namespace Echelon.Music.Composition.Agents;

/// <summary>
/// The drum kit: kick, snare and hats on a 16th grid, chosen by intensity. At 0 a kick on beat 1
/// (and maybe the middle beat) with a few off-beat hats; around 0.5 four-on-the-floor with a
/// backbeat and straight 8th hats; at 1 16th hats, ghost snares, syncopated kicks and a snare fill
/// on the last beat of every 4th bar. A crash marks each section change. The pattern holds
/// through an 8-bar cycle like a drummer's groove, varied on the last bar of each 4-bar phrase.
/// </summary>
/// <remarks>
/// Every onset lands exactly on <see cref="BarContext.SampleAt"/> of a 16th (no humanised timing;
/// swing, off by default, delays only the odd 16ths), and from intensity 0.5 up the kick plays every
/// beat, so the tempo is unambiguous to a beat tracker. Velocities carry the accents (downbeat
/// loudest) and scale with intensity. Not thread-safe: one control thread composes. After
/// construction <see cref="ComposeBar"/> allocates nothing.
/// </remarks>
public sealed class DrumsAgent : IComposerAgent
{
    // Per 16th: kick, snare and hat draws (the groove, kept by the memory) and a velocity draw;
    // per bar: the open-hat draw (also part of the groove).
    private const int GrooveDrawsPerSlot = 3;
    private const int MaxDraws = (ComposerKit.MaxSlots * (GrooveDrawsPerSlot + 1)) + 1;

    private readonly ulong _seed;
    private readonly double _swing;
    private readonly GrooveMemory _groove = new((ComposerKit.MaxSlots * GrooveDrawsPerSlot) + 1);
    private DeterministicRandom _random;
    private SectionTracker _section;

    /// <summary>Creates the agent.</summary>
    /// <param name="seed">Fixes every random choice.</param>
    /// <param name="swing">0 (straight, the default) to 1 (triplet feel): how far the odd 16ths are delayed.</param>
    public DrumsAgent(ulong seed, double swing = 0.0)
    {
        if (!(swing is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(swing), swing, "swing must be 0 (straight) to 1 (triplet feel).");
        }

        _seed = seed;
        _swing = swing;
        _random = new DeterministicRandom(seed);
    }

    /// <inheritdoc/>
    public AgentKind Kind => AgentKind.Drums;

    /// <summary>0 (straight) to 1 (triplet feel).</summary>
    public double Swing => _swing;

    /// <inheritdoc/>
    public void ComposeBar(in BarContext context, ICollection<NoteEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ComposerKit.Validate(context);
        _section.Advance(context.Control.Section, context.Bar);

        int beats = context.BeatsPerBar;
        int slots = beats * 4;
        int grooveDraws = (slots * GrooveDrawsPerSlot) + 1;
        Span<double> draws = stackalloc double[MaxDraws];
        draws = draws[..(grooveDraws + slots)];
        ComposerKit.Draw(_random, draws);
        Span<double> groove = draws[..grooveDraws];
        _groove.Apply(groove, _section.BarInSection);
        ReadOnlySpan<double> humanDraws = draws[grooveDraws..];
        double openHatDraw = groove[slots * GrooveDrawsPerSlot];

        double intensity = ComposerKit.Unit(context.Control.Intensity);
        double tension = ComposerKit.Unit(context.Control.Tension);
        double gain = 0.45 + (0.55 * intensity);

        // The in-between notes (16th hats, ghost snares) are played harder as the groove drives.
        double inBetween = 0.3 + (0.2 * intensity);
        int middle = beats / 2;
        int barInSection = _section.BarInSection;

        // Fills close four-bar phrases at full drive, eight-bar ones from the middle up; tension
        // brings the four-bar fills in earlier.
        bool fourBarEnd = barInSection % 4 == 3;
        bool fill = beats >= 2
            && ((fourBarEnd && (intensity >= 0.85 || (intensity >= 0.5 && tension >= 0.75)))
                || (barInSection % 8 == 7 && intensity >= 0.6));
        bool sixteenthFill = intensity >= 0.85;

        if (_section.Changed)
        {
            Emit(context, output, 0, DrumKey.Crash, gain * 0.9, beats);
        }

        for (int s = 0; s < slots; s++)
        {
            int beat = s >> 2;
            int position = s & 3;
            bool onBeat = position == 0;
            double kickDraw = groove[s * GrooveDrawsPerSlot];
            double snareDraw = groove[(s * GrooveDrawsPerSlot) + 1];
            double hatDraw = groove[(s * GrooveDrawsPerSlot) + 2];
            double human = 1.0 + (0.1 * (humanDraws[s] - 0.5));
            bool inFill = fill && beat == beats - 1;

            // Kick: the downbeat always; the middle beat from 0.25 (half the bars below); every
            // beat from 0.5 (four-on-the-floor); syncopated 8th/16th kicks towards 1.
            if (s == 0)
            {
                Emit(context, output, s, DrumKey.Kick, gain, 0.5);
            }
            else if (onBeat)
            {
                bool kick = intensity >= 0.5 || (beat == middle && (intensity >= 0.25 || kickDraw < 0.5));
                if (kick)
                {
                    Emit(context, output, s, DrumKey.Kick, gain * 0.88, 0.5);
                }
            }
            else if (!inFill && intensity >= 0.7 && beats >= 3
                && ((beat == middle - 1 && position == 2) || (beat == middle && position == 3))
                && kickDraw < (intensity - 0.7) * 1.6)
            {
                Emit(context, output, s, DrumKey.Kick, gain * 0.72, 0.4);
            }

            // Snare: the backbeat (odd beats) from 0.25, the last beat alone from 0.125; a fill
            // replaces the last beat's hats; ghost notes on the e and a from 0.6.
            if (inFill)
            {
                if (sixteenthFill || (position & 1) == 0)
                {
                    Emit(context, output, s, DrumKey.Snare, gain * (0.6 + (0.12 * position)), 0.3);
                }
            }
            else if (onBeat && (beat & 1) == 1
                && (intensity >= 0.25 || (beat == beats - 1 && intensity >= 0.125)))
            {
                Emit(context, output, s, DrumKey.Snare, gain * 0.94, 0.4);
            }
            else if (!onBeat && (position & 1) == 1 && intensity >= 0.6 && snareDraw < (intensity - 0.6) * 0.9)
            {
                Emit(context, output, s, DrumKey.Snare, gain * inBetween * 0.8 * human, 0.2);
            }

            if (inFill)
            {
                continue;
            }

            // Hats: off-beat 8ths first (a few at 0, all by 0.25), on-beat 8ths from 0.4, then the
            // 16ths from 0.6 until all of them play at 1. The last off-beat opens now and then.
            bool hat = position switch
            {
                0 => intensity >= 0.4,
                2 => hatDraw < 0.35 + (2.6 * intensity),
                _ => hatDraw < (intensity - 0.6) * 2.5,
            };
            if (!hat)
            {
                continue;
            }

            bool open = position == 2 && beat == beats - 1 && intensity >= 0.5 && openHatDraw < 0.5;
            if (open)
            {
                Emit(context, output, s, DrumKey.OpenHat, gain * 0.62 * human, 0.45);
            }
            else
            {
                double accent = position switch
                {
                    0 => 0.64,
                    2 => 0.52,
                    _ => inBetween,
                };
                Emit(context, output, s, DrumKey.ClosedHat, gain * accent * human, 0.12);
            }
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _random = new DeterministicRandom(_seed);
        _section.Reset();
        _groove.Reset();
    }

    private void Emit(in BarContext context, ICollection<NoteEvent> output, int slot, byte key, double velocity, double beats)
    {
        double beat = slot * 0.25;
        if ((slot & 1) == 1)
        {
            // Triplet swing moves the second 16th of each 8th from 1/4 to 1/3 of a beat.
            beat += _swing / 12.0;
        }

        output.Add(new NoteEvent(
            context.SampleAt(beat),
            AgentKind.Drums,
            key,
            ComposerKit.Velocity(velocity),
            ComposerKit.Duration(context, beats)));
    }
}
