using Echelon.Music.Composition.Agents;
using Echelon.Music.Theory;

namespace Echelon.Music.Composition;

/// <summary>
/// Composes a whole piece offline: a chord per bar from the <see cref="ProgressionGenerator"/>, then
/// each of the five agents one bar at a time with that bar's control state and key. Section, key and
/// mode changes in the control script take effect on bar lines; each starts the progression on the
/// (new) tonic. The first downbeat comes after the options' lead-in; control-script times count from it.
/// Notes come out sorted by start sample, then agent, then pitch;
/// notes that would start after the end are dropped. Deterministic from the options.
/// </summary>
public static class Arrangement
{
    /// <summary>The agents in stem order.</summary>
    public static IReadOnlyList<AgentKind> Agents { get; } = [AgentKind.Drums, AgentKind.Bass, AgentKind.Harmony, AgentKind.Melody, AgentKind.Percussion];

    /// <summary>Composes the piece.</summary>
    public static List<NoteEvent> Compose(ArrangementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        double samplesPerBeat = options.SampleRate * 60.0 / options.Bpm;
        long totalSamples = (long)Math.Round(options.Seconds * options.SampleRate);
        long leadIn = (long)Math.Round(options.LeadInSeconds * options.SampleRate);
        int bars = (int)Math.Ceiling((totalSamples - leadIn) / (samplesPerBeat * options.BeatsPerBar));

        // Chords first, so each bar also knows the next bar's chord.
        var progression = new ProgressionGenerator(options.Control.ScaleAt(0, options.Scale), options.Seed ^ 0x9A11);
        var chords = new Chord[bars + 1];
        var controls = new ControlState[bars + 1];
        var scales = new Scale[bars + 1];
        int section = int.MinValue;
        for (int bar = 0; bar <= bars; bar++)
        {
            double start = bar * options.BeatsPerBar * samplesPerBeat / options.SampleRate; // in the music's time, from the first downbeat
            controls[bar] = options.Control.At(start);
            scales[bar] = options.Control.ScaleAt(start, options.Scale);
            if (bar > 0 && scales[bar] != scales[bar - 1])
            {
                // A new key: a new progression in it, seeded by the bar so the same script gives the same piece.
                progression = new ProgressionGenerator(scales[bar], options.Seed ^ 0x9A11 ^ ((ulong)bar << 20));
                section = controls[bar].Section;
                progression.StartSection();
            }
            else if (controls[bar].Section != section)
            {
                section = controls[bar].Section;
                progression.StartSection();
            }

            progression.Tension = UnitInterval.Clamp(controls[bar].Tension);
            chords[bar] = progression.NextChord();
        }

        IComposerAgent[] agents =
        [
            new DrumsAgent(options.Seed ^ 0xD1),
            new BassAgent(options.Seed ^ 0xB2),
            new HarmonyAgent(options.Seed ^ 0xA3),
            new MelodyAgent(options.Seed ^ 0x4E),
            new PercussionAgent(options.Seed ^ 0x5C),
        ];
        var notes = new List<NoteEvent>(bars * 64);
        for (int bar = 0; bar < bars; bar++)
        {
            var context = new BarContext(
                bar,
                leadIn + (long)Math.Round(bar * options.BeatsPerBar * samplesPerBeat),
                samplesPerBeat,
                options.BeatsPerBar,
                scales[bar],
                chords[bar],
                chords[bar + 1],
                controls[bar],
                options.SampleRate);
            foreach (IComposerAgent agent in agents)
            {
                agent.ComposeBar(context, notes);
            }
        }

        notes.RemoveAll(n => n.StartSample >= totalSamples);
        notes.Sort(static (a, b) =>
        {
            int c = a.StartSample.CompareTo(b.StartSample);
            c = c != 0 ? c : a.Agent.CompareTo(b.Agent);
            c = c != 0 ? c : a.Pitch.CompareTo(b.Pitch);
            return c != 0 ? c : a.Velocity.CompareTo(b.Velocity);
        });
        return notes;
    }

    /// <summary>The stem name of an agent (<c>drums</c>, <c>bass</c>, <c>harmony</c>, <c>melody</c>, <c>percussion</c>).</summary>
    public static string StemName(AgentKind agent) => agent switch
    {
        AgentKind.Drums => "drums",
        AgentKind.Bass => "bass",
        AgentKind.Harmony => "harmony",
        AgentKind.Melody => "melody",
        AgentKind.Percussion => "percussion",
        _ => throw new ArgumentOutOfRangeException(nameof(agent), agent, "Unknown agent."),
    };
}
