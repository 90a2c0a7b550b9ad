using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Protocols.Osc;
using Echelon.Protocols.SuperCollider;

namespace Echelon.Studio.SuperCollider;

/// <summary>
/// Turns the composer's notes into scsynth commands for Echelon's own SynthDefs
/// (<see cref="EchelonSynthDefs"/>): the defs are sent with <c>/d_recv</c> and group 1 is created at
/// time 0; each note is a <c>/s_new</c> into group 1 at its start, and the gated pads get
/// <c>/n_set gate 0</c> at their end.
/// </summary>
/// <remarks>
/// Voices: drums and the ambient kit play the kick and hi-hat defs (the snare is the hi-hat def opened
/// down to 1.8 kHz with a longer decay); bass, pads and swells play the saw pad with different filters
/// and envelopes; the melody plays the sine. Node ids count up from <see cref="FirstNodeId"/> in note order.
/// </remarks>
public static class ScScore
{
    /// <summary>The group every note is added to.</summary>
    public const int Group = 1;

    /// <summary>The first node id given to a note.</summary>
    public const int FirstNodeId = 1000;

    /// <summary>Scale of every voice's amplitude, so overlapping notes stay below full scale (scsynth has no limiter here).</summary>
    public const float Level = 0.5f;

    /// <summary>The score for <paramref name="notes"/>, ending at <paramref name="seconds"/> (later note-offs are dropped).</summary>
    /// <param name="notes">The composer's notes, sorted by start.</param>
    /// <param name="sampleRate">Sample rate the note times count in.</param>
    /// <param name="seconds">Length of the render.</param>
    public static NrtScore Build(IReadOnlyList<NoteEvent> notes, int sampleRate, double seconds)
    {
        var score = new NrtScore();
        score.Add(0, new OscMessage("/d_recv", OscValue.Blob(SynthDefFile.Write(EchelonSynthDefs.All))));
        score.Add(0, new OscMessage("/g_new", Group, 0, 0));
        foreach ((double time, OscMessage message) in NoteCommands(notes, sampleRate, seconds, FirstNodeId))
        {
            score.Add(time, message);
        }

        // The render's length is the last bundle's time.
        score.Add(seconds, new OscMessage("/c_set", 0, 0f));
        return score;
    }

    /// <summary>
    /// The commands that play <paramref name="notes"/>, in time order: a <c>/s_new</c> into <see cref="Group"/>
    /// at each note's start (node ids from <paramref name="firstNode"/> in note order) and, for the gated pads,
    /// <c>/n_set gate 0</c> at its end; nothing at or after <paramref name="seconds"/>.
    /// </summary>
    public static List<(double Seconds, OscMessage Message)> NoteCommands(IReadOnlyList<NoteEvent> notes, int sampleRate, double seconds, int firstNode)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        var commands = new List<(double Seconds, OscMessage Message)>(notes.Count * 2);
        int node = firstNode;
        foreach (NoteEvent note in notes)
        {
            double start = note.StartSample / (double)sampleRate;
            if (start >= seconds)
            {
                continue;
            }

            double length = note.DurationSamples / (double)sampleRate;
            (string def, OscValue[] controls, bool gated) = Voice(note, length);
            var args = new List<OscValue>(4 + controls.Length) { def, node, 1, Group };
            args.AddRange(controls);
            commands.Add((start, new OscMessage("/s_new", args)));
            if (gated && start + length < seconds)
            {
                commands.Add((start + length, new OscMessage("/n_set", node, "gate", 0f)));
            }

            node++;
        }

        // Stable: a note-off and a note-on at one time keep the order they were made in.
        return [.. commands.OrderBy(c => c.Seconds)];
    }

    /// <summary>Frequency of a MIDI note in equal temperament, A4 = 440 Hz.</summary>
    public static float Frequency(int midiNote) => (float)(440 * Math.Pow(2, (midiNote - 69) / 12.0));

    private static (string Def, OscValue[] Controls, bool Gated) Voice(NoteEvent note, double length)
    {
        float v = note.Velocity * Level;
        float freq = Frequency(note.Pitch);
        return note.Agent switch
        {
            AgentKind.Drums => Drum(note.Pitch, v, 1f),
            AgentKind.Percussion when note.Pitch >= PercussionAgent.LowestSwellNote =>
                (EchelonSynthDefs.SawPadName, ["freq", freq, "amp", 0.05f * v, "cutoff", 600f, "attack", 1.2f, "decay", 0.5f, "sustain", 0.9f, "release", 1.5f], true),
            AgentKind.Percussion => Drum(note.Pitch, v, 0.35f),
            AgentKind.Bass =>
                (EchelonSynthDefs.SawPadName, ["freq", freq, "amp", 0.3f * v, "cutoff", 250f + (700f * v), "rq", 0.5f, "attack", 0.003f, "decay", 0.25f, "sustain", 0.6f, "release", 0.08f], true),
            AgentKind.Harmony =>
                (EchelonSynthDefs.SawPadName, ["freq", freq, "amp", 0.05f * v, "cutoff", 700f + (900f * v), "attack", 0.25f, "decay", 0.6f, "sustain", 0.8f, "release", 0.6f], true),
            AgentKind.Melody =>
                (EchelonSynthDefs.SineName, ["freq", freq, "amp", 0.2f * v, "attack", 0.008f, "release", (float)Math.Max(0.05, length)], false),
            _ => throw new ArgumentOutOfRangeException(nameof(note), note.Agent, "no voice for this agent."),
        };
    }

    private static (string, OscValue[], bool) Drum(int pitch, float velocity, float level) => pitch switch
    {
        DrumKey.Kick => (EchelonSynthDefs.KickName, ["amp", 0.8f * velocity * level], false),
        DrumKey.Snare or DrumKey.Clap => (EchelonSynthDefs.HiHatName, ["amp", 0.5f * velocity * level, "cutoff", 1800f, "decay", 0.16f], false),
        DrumKey.OpenHat => (EchelonSynthDefs.HiHatName, ["amp", 0.25f * velocity * level, "decay", 0.3f], false),
        _ => (EchelonSynthDefs.HiHatName, ["amp", 0.25f * velocity * level], false),
    };
}
