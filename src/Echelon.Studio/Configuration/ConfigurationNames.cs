using Echelon.Core.Equilibrium;
using Echelon.Motion.Synthetic;
using Echelon.Studio.Web;

namespace Echelon.Studio.Configuration;

/// <summary>The YAML names of every enum the configuration uses, in one place for the reader and the writer.</summary>
internal static class ConfigurationNames
{
    public static NameTable<AudioOutput> AudioOutputs { get; } = new(("portaudio", AudioOutput.PortAudio), ("none", AudioOutput.None));

    public static NameTable<EquilibriumPreset> Presets { get; } = new(("lim-rps", EquilibriumPreset.LimRps), ("dell", EquilibriumPreset.Dell));

    public static NameTable<WarmStart> WarmStarts { get; } = new(("cold", WarmStart.Cold), ("previous", WarmStart.Previous), ("extrapolate", WarmStart.Extrapolate));

    public static NameTable<TempoMode> TempoModes { get; } = new(("follow", TempoMode.Follow), ("fixed", TempoMode.Fixed));

    public static NameTable<DanceStyle> DanceStyles { get; } = new(("bounce", DanceStyle.Bounce), ("groove", DanceStyle.Groove), ("sway", DanceStyle.Sway), ("hype", DanceStyle.Hype));

    public static NameTable<MappingCurve> Curves { get; } = new(("linear", MappingCurve.Linear), ("exp", MappingCurve.Exp), ("log", MappingCurve.Log), ("s-curve", MappingCurve.SCurve));

    public static NameTable<MappingRate> Rates { get; } = new(("frame", MappingRate.Frame), ("beat", MappingRate.Beat));

    public static NameTable<HttpsMode> HttpsModes { get; } = new(("auto", HttpsMode.Auto), ("on", HttpsMode.On), ("off", HttpsMode.Off));

    public static NameTable<SensorSourceKind> SourceKinds { get; } = new(("synthetic", SensorSourceKind.Synthetic), ("replay", SensorSourceKind.Replay), ("osc", SensorSourceKind.Osc), ("phone", SensorSourceKind.Phone));
}
