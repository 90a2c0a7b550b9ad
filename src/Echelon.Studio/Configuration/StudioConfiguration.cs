namespace Echelon.Studio.Configuration;

/// <summary>
/// Everything <c>echelon studio</c> needs to run: the session, the sensor devices, audio, the equilibrium preset, the
/// tempo, the music, the mappings from movement to music, the web server and the OSC and MIDI outputs. Every field
/// has a default, so an empty file, or no file, is <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para>
/// Read from YAML with <see cref="Load"/> or <see cref="Parse"/>, which check every field and report every problem at
/// once in a <see cref="ConfigurationException"/>; written back with <see cref="ToYaml"/>, which
/// <see cref="Parse"/> reads to an equal configuration. The schema, the defaults and their reasons are in
/// docs/architecture/0015-studio-configuration.md.
/// </para>
/// <para>
/// Immutable and compared by value (lists included); thread-safe. Loading allocates and touches files: do it at
/// start-up or on an I/O thread, never on the audio or control thread.
/// </para>
/// </remarks>
public sealed record StudioConfiguration
{
    private static readonly IReadOnlyList<ControlMapping> s_defaultMappings = ValueList<ControlMapping>.Of(
    [
        // Whole-body kinetic energy drives intensity. On the synthetic dancer (seed 1, 30 s) the slot's median is
        // 0.07 (sway), 0.23 (bounce), 0.32 (groove) and 1.0 (hype); the log curve spreads that low-lying range, so the
        // styles land near 0.50, 0.70, 0.76 and 0.97 instead of bunching at the bottom.
        new ControlMapping
        {
            Source = MappingSource.Slot("kinetic_energy"),
            Target = MappingTarget.Composer("intensity"),
            Input = new MappingRange(0.0, 1.2),
            Output = new MappingRange(0.25, 1.0),
            Curve = MappingCurve.Log,
            SmoothingSeconds = 1.0,
        },

        // The right hand's height above the pelvis brightens the sound: hands at the sides (−0.07 m) sit near 0.25,
        // hype's raised arms (0.42 m at P95) reach 0.72, and a real dancer's hands overhead open it fully.
        new ControlMapping
        {
            Source = MappingSource.Slot("right_hand_height_rel_root"),
            Target = MappingTarget.Composer("brightness"),
            Input = new MappingRange(-0.1, 0.6),
            Output = new MappingRange(0.2, 0.9),
            SmoothingSeconds = 0.3,
        },

        // The left hand's speed sets how many notes play, updated on the beat so density changes land in time.
        // Medians 0.30 (sway) to 1.65 (hype) map to 0.25–0.84.
        new ControlMapping
        {
            Source = MappingSource.Slot("left_hand_speed"),
            Target = MappingTarget.Composer("density"),
            Input = new MappingRange(0.2, 2.0),
            Output = new MappingRange(0.2, 1.0),
            SmoothingSeconds = 0.5,
            Rate = MappingRate.Beat,
        },

        // The coupling energy phi rises when the body departs from the slow attractor (a new section, stress) and
        // decays as the slow state follows: its median 0.6–1.2 gives tension 0.14–0.33, its P95 of 2.4–3.5 gives
        // 0.81–0.9. Two seconds of smoothing let tension build and release rather than flicker.
        new ControlMapping
        {
            Source = MappingSource.Coupling,
            Target = MappingTarget.Composer("tension"),
            Input = new MappingRange(0.2, 3.0),
            Output = new MappingRange(0.1, 0.9),
            Curve = MappingCurve.SCurve,
            SmoothingSeconds = 2.0,
        },

        // Kinetic energy also opens the master low-pass every frame, so a move is heard within the next audio block
        // while composer changes wait for the next bar: stillness sits near 5 kHz (0.7), bounce near 12 kHz, hype open.
        new ControlMapping
        {
            Source = MappingSource.Slot("kinetic_energy"),
            Target = MappingTarget.Synth("cutoff"),
            Input = new MappingRange(0.0, 0.6),
            Output = new MappingRange(0.7, 1.0),
            SmoothingSeconds = 0.05,
        },
    ]);

    private readonly IReadOnlyList<ControlMapping> _mappings = s_defaultMappings;

    /// <summary>The default configuration: what <c>echelon studio</c> runs with no arguments.</summary>
    public static StudioConfiguration Default { get; } = new();

    /// <summary>
    /// The default mappings, which make movement audibly shape the music: body kinetic energy → intensity, right-hand
    /// height → brightness, left-hand speed → density (on the beat), coupling energy φ → tension, and kinetic energy →
    /// the master low-pass (every frame, heard within a block).
    /// </summary>
    public static IReadOnlyList<ControlMapping> DefaultMappings => s_defaultMappings;

    /// <summary><c>session</c>.</summary>
    public SessionSettings Session { get; init; } = new();

    /// <summary><c>devices</c>.</summary>
    public DeviceSettings Devices { get; init; } = new();

    /// <summary><c>audio</c>.</summary>
    public AudioSettings Audio { get; init; } = new();

    /// <summary><c>equilibrium</c>.</summary>
    public EquilibriumSettings Equilibrium { get; init; } = new();

    /// <summary><c>tempo</c>.</summary>
    public TempoSettings Tempo { get; init; } = new();

    /// <summary><c>music</c>.</summary>
    public MusicSettings Music { get; init; } = new();

    /// <summary><c>mappings</c>: <see cref="DefaultMappings"/> unless the file has the key; <c>mappings: []</c> is none.</summary>
    public IReadOnlyList<ControlMapping> Mappings
    {
        get => _mappings;
        init => _mappings = ValueList<ControlMapping>.Of(value);
    }

    /// <summary><c>server</c>.</summary>
    public ServerSettings Server { get; init; } = new();

    /// <summary><c>osc</c>.</summary>
    public OscOutputSettings Osc { get; init; } = new();

    /// <summary><c>midi</c>.</summary>
    public MidiOutputSettings Midi { get; init; } = new();

    /// <summary>
    /// Reads the configuration file at <paramref name="path"/>. Relative paths in it are resolved against its folder,
    /// and the files and folders it names (a parameters file, a replay session) must exist and fit.
    /// </summary>
    /// <exception cref="ConfigurationException">The file is not a valid configuration; every problem is listed, named by <paramref name="path"/> as given.</exception>
    /// <exception cref="IOException">The file could not be read (missing, no permission: <see cref="FileNotFoundException"/>, <see cref="UnauthorizedAccessException"/>).</exception>
    public static StudioConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = File.ReadAllText(path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return ConfigurationReader.Read(text, path, folder);
    }

    /// <summary>
    /// Reads configuration text. Paths stay as written and the file system is not consulted, so the result depends on
    /// the text alone.
    /// </summary>
    /// <param name="text">The YAML.</param>
    /// <param name="sourceName">What errors call the text, e.g. a file name.</param>
    /// <exception cref="ConfigurationException">The text is not a valid configuration; every problem is listed.</exception>
    public static StudioConfiguration Parse(string text, string sourceName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        return ConfigurationReader.Read(text, sourceName, baseDirectory: null);
    }

    /// <summary>
    /// The whole configuration as commented YAML: every field, each section and value explained. <see cref="Parse"/>
    /// reads it back to an equal configuration.
    /// </summary>
    public string ToYaml() => ConfigurationWriter.Write(this);
}
