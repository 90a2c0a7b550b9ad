using Echelon.Core;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Sources;
using Echelon.Studio.Configuration;

namespace Echelon.Studio.Engine;

/// <summary>How a <see cref="StudioEngine"/> is built: rates, sources, tempo policy, mappings, recordings folder.</summary>
public sealed record EngineOptions
{
    /// <summary>Audio sample rate, Hz.</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Largest audio block the output will ask for, samples.</summary>
    public int MaxBlock { get; init; } = 4096;

    /// <summary>Control frames per second (DESIGN §2: 100).</summary>
    public int ControlRateHz { get; init; } = 100;

    /// <summary>Seed of the composer and the equilibrium parameters.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The sensor sources, read in real time from engine start (the synthetic dancer when empty).</summary>
    public IReadOnlyList<Func<ISensorSource>> Sources { get; init; } = [];

    /// <summary>Follow the dancer or hold the controls' tempo.</summary>
    public TempoMode Tempo { get; init; } = TempoMode.Follow;

    /// <summary>Slowest tempo the transport follows to, BPM.</summary>
    public double MinBpm { get; init; } = 60;

    /// <summary>Fastest tempo the transport follows to, BPM.</summary>
    public double MaxBpm { get; init; } = 180;

    /// <summary>Largest tempo change per second while following, BPM/s.</summary>
    public double MaxBpmChangePerSecond { get; init; } = 4;

    /// <summary>Tempo confidence (the Dynamics128 slot, 0–1) below which the transport stops steering.</summary>
    public double MinTempoConfidence { get; init; } = 0.3;

    /// <summary>The mappings (<see cref="StudioConfiguration.DefaultMappings"/> when null).</summary>
    public IReadOnlyList<ControlMapping>? Mappings { get; init; }

    /// <summary>The starting controls.</summary>
    public StudioControls Controls { get; init; } = StudioControls.Default;

    /// <summary>Fast (x*) latent size.</summary>
    public int FastSize { get; init; } = 64;

    /// <summary>How far ahead of the audio a bar is composed, seconds.</summary>
    public double ComposeAheadSeconds { get; init; } = 0.25;

    /// <summary>Share of a control period a frame may take before it counts as an overrun (0.1–1).</summary>
    public double FrameBudgetShare { get; init; } = 0.5;

    /// <summary>Folder new takes are recorded into (a subfolder per take).</summary>
    public string RecordingsDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "sessions");

    /// <summary>Capacity of the sensor queue (I/O threads → control thread), a power of two.</summary>
    public int SensorQueueCapacity { get; init; } = 4096;

    /// <summary>Capacity of the note queue (control thread → audio thread), a power of two.</summary>
    public int NoteQueueCapacity { get; init; } = 4096;

    /// <summary>The Dynamics128 builder's options (which devices are the body and the IMUs); null = its defaults at the control rate.</summary>
    public Dynamics128BuilderOptions? BuilderOptions { get; init; }

    /// <summary>
    /// Answer sensor frames between control frames: the frame-rate mappings from a Dynamics128 slot to a synth macro
    /// (cutoff, resonance, reverb, delay, gain) are played the moment a frame arrives, so a move is heard in the next
    /// audio block rather than after the next control frame (up to 1/<see cref="ControlRateHz"/> later). Everything
    /// else (DELL, the composer, beat-rate and latent mappings, MIDI and OSC) stays on the control frame. Default on.
    /// </summary>
    public bool ExpressMappings { get; init; } = true;

    /// <summary>Sinks for every finished audio block (the browser stream).</summary>
    public IReadOnlyList<IAudioBlockSink> AudioSinks { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting and what is allowed.</summary>
    public EngineOptions Validate()
    {
        ParameterGuard.Require(SampleRate is >= 8_000 and <= 192_000, nameof(SampleRate), SampleRate, "8000–192000 Hz");
        ParameterGuard.Require(MaxBlock is >= 16 and <= 16_384, nameof(MaxBlock), MaxBlock, "16–16384");
        ParameterGuard.Require(ControlRateHz is >= 10 and <= 1000 && SampleRate % ControlRateHz == 0, nameof(ControlRateHz), ControlRateHz, "10–1000 Hz, dividing the sample rate");
        ParameterGuard.Require(MinBpm is >= 40 and <= 200, nameof(MinBpm), MinBpm, "40–200");
        ParameterGuard.Require(MaxBpm >= MinBpm && MaxBpm <= 200, nameof(MaxBpm), MaxBpm, "MinBpm–200");
        ParameterGuard.Require(MaxBpmChangePerSecond is > 0 and <= 100, nameof(MaxBpmChangePerSecond), MaxBpmChangePerSecond, "(0, 100] BPM/s");
        ParameterGuard.Require(MinTempoConfidence is >= 0 and <= 1, nameof(MinTempoConfidence), MinTempoConfidence, "0–1");
        ParameterGuard.Require(FastSize is >= 4 and <= 256, nameof(FastSize), FastSize, "4–256");
        ParameterGuard.Require(ComposeAheadSeconds is >= 0.05 and <= 4, nameof(ComposeAheadSeconds), ComposeAheadSeconds, "0.05–4 s");
        ParameterGuard.Require(FrameBudgetShare is >= 0.1 and <= 1, nameof(FrameBudgetShare), FrameBudgetShare, "0.1–1");
        ParameterGuard.Require(SensorQueueCapacity >= 16 && (SensorQueueCapacity & (SensorQueueCapacity - 1)) == 0, nameof(SensorQueueCapacity), SensorQueueCapacity, "a power of two, 16 or more");
        ParameterGuard.Require(NoteQueueCapacity >= 256 && (NoteQueueCapacity & (NoteQueueCapacity - 1)) == 0, nameof(NoteQueueCapacity), NoteQueueCapacity, "a power of two, 256 or more");
        return this;
    }
}
