namespace Echelon.Music.Composition;

/// <summary>
/// One note scheduled ahead of time: when (sample index from the render start, sample-accurate),
/// which agent, MIDI pitch (for drums the General MIDI drum key: 36 kick, 38 snare, 42 closed hat,
/// 46 open hat, 49 crash, 39 clap), velocity 0–1 and length in samples.
/// </summary>
public readonly record struct NoteEvent(long StartSample, AgentKind Agent, byte Pitch, float Velocity, long DurationSamples);
