using System.Collections.Immutable;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Music.Composition;
using Echelon.Music.Transport;
using Echelon.Sessions.Replay;
using Echelon.Studio.Configuration;
using Echelon.Studio.Osc;

namespace Echelon.Studio.Engine;

/// <summary>Turns a <see cref="StudioConfiguration"/> into what the engine is built from.</summary>
public static class StudioSetup
{
    /// <summary>How long a live synthetic dancer dances before it stops, seconds (a night).</summary>
    public const double LiveDancerSeconds = 12 * 3600;

    /// <summary>
    /// The engine options a configuration describes: rates, seed, sources (synthetic, replay, OSC; phones arrive
    /// through the web host), tempo policy, mappings, the starting controls and the recordings folder (relative to
    /// <paramref name="baseDirectory"/>). <paramref name="audioSinks"/> receive every block.
    /// </summary>
    public static EngineOptions ToEngineOptions(StudioConfiguration configuration, string baseDirectory, IReadOnlyList<IAudioBlockSink>? audioSinks = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ulong seed = configuration.Session.Seed;
        var sources = new List<Func<ISensorSource>>();
        foreach (SensorSourceSettings source in configuration.Devices.Sources)
        {
            switch (source)
            {
                case SyntheticSourceSettings synthetic:
                    sources.Add(() => new SyntheticDancer(synthetic.ToDancerOptions(seed, LiveDancerSeconds)));
                    break;
                case ReplaySourceSettings replay:
                    string path = Path.GetFullPath(replay.Path, baseDirectory);
                    sources.Add(() => new SessionReplaySource(path));
                    break;
                case OscSourceSettings osc:
                    sources.Add(() => new OscSensorSource(osc.Port));
                    break;
                default:
                    break; // phones: the web host's /ws/sensors
            }
        }

        return new EngineOptions
        {
            SampleRate = configuration.Audio.SampleRate,
            MaxBlock = Math.Max(configuration.Audio.BlockSize, 4096),
            ControlRateHz = (int)Math.Round(configuration.Equilibrium.FrameRateHz),
            Seed = seed,
            Sources = sources.Count > 0 ? sources : [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = LiveDancerSeconds, Seed = seed })],
            Tempo = configuration.Tempo.Mode,
            MinBpm = configuration.Tempo.MinBpm,
            MaxBpm = configuration.Tempo.MaxBpm,
            MaxBpmChangePerSecond = configuration.Tempo.MaxChangePerSecond,
            Mappings = configuration.Mappings,
            Controls = ToControls(configuration),
            RecordingsDirectory = Path.GetFullPath(configuration.Session.RecordingsFolder, baseDirectory),
            BuilderOptions = configuration.Devices.ToBuilderOptions(configuration.Equilibrium.FrameRateHz),
            AudioSinks = audioSinks ?? [],
        };
    }

    /// <summary>The controls the configuration's music and tempo sections start with.</summary>
    public static StudioControls ToControls(StudioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        MusicSettings music = configuration.Music;
        ImmutableSortedDictionary<string, AgentControl> agents = Arrangement.Agents.ToImmutableSortedDictionary(
            Arrangement.StemName,
            a => new AgentControl(music.Agent(a).Mute, music.Agent(a).Level),
            StringComparer.Ordinal);
        return new StudioControls(music.Tonic, music.Mode, new Bpm(configuration.Tempo.Bpm), music.Intensity, agents);
    }
}
