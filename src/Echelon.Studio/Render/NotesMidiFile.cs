using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Files;

namespace Echelon.Studio.Render;

/// <summary>
/// The composer's notes as a Standard MIDI File for a DAW or a General MIDI synth: format 1 at the
/// piece's tempo (480 ticks per quarter note), a tempo track, then one named track per agent in
/// <see cref="Arrangement.Agents"/> order.
/// </summary>
/// <remarks>
/// Channels and General MIDI programs: drums and the ambient kit on channel 10 (index 9, GM drum keys);
/// bass on channel 2 (Synth Bass 1), harmony on 3 (Pad 2 "warm"), melody on 4 (Lead 1 "square"), the
/// ambient swells on 5 (Pad 5 "bowed"). Velocity 0–1 becomes 1–127.
/// </remarks>
public static class NotesMidiFile
{
    /// <summary>Builds the file; write it with <see cref="MidiFileBuilder.Write(string)"/>.</summary>
    public static MidiFileBuilder Build(IReadOnlyList<NoteEvent> notes, int sampleRate, double bpm)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        var builder = new MidiFileBuilder(bpm) { Title = "echelon" };
        var tracks = new Dictionary<AgentKind, MidiTrackBuilder>();
        foreach (AgentKind agent in Arrangement.Agents)
        {
            MidiTrackBuilder track = builder.AddTrack(Arrangement.StemName(agent));
            tracks[agent] = track;
            foreach ((MidiChannel channel, int program) in Programs(agent))
            {
                track.ProgramChange(0, channel, new SevenBit(program));
            }
        }

        foreach (NoteEvent note in notes)
        {
            var velocity = new SevenBit(Math.Clamp((int)Math.Round(note.Velocity * 127), 1, 127));
            tracks[note.Agent].AddNote(
                note.StartSample / (double)sampleRate,
                note.DurationSamples / (double)sampleRate,
                new SevenBit(note.Pitch),
                velocity,
                Channel(note));
        }

        return builder;
    }

    /// <summary>The channel a note plays on.</summary>
    public static MidiChannel Channel(NoteEvent note) => note.Agent switch
    {
        AgentKind.Drums => MidiChannel.Percussion,
        AgentKind.Percussion => note.Pitch >= PercussionAgent.LowestSwellNote ? new MidiChannel(4) : MidiChannel.Percussion,
        AgentKind.Bass => new MidiChannel(1),
        AgentKind.Harmony => new MidiChannel(2),
        AgentKind.Melody => new MidiChannel(3),
        _ => throw new ArgumentOutOfRangeException(nameof(note), note.Agent, "no channel for this agent."),
    };

    private static (MidiChannel Channel, int Program)[] Programs(AgentKind agent) => agent switch
    {
        AgentKind.Bass => [(new MidiChannel(1), 38)],
        AgentKind.Harmony => [(new MidiChannel(2), 89)],
        AgentKind.Melody => [(new MidiChannel(3), 80)],
        AgentKind.Percussion => [(new MidiChannel(4), 92)],
        _ => [],
    };
}
