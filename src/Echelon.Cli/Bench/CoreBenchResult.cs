using System.Text.Json.Serialization;

namespace Echelon.Cli.Bench;

/// <summary>The figures <c>echelon bench core</c> reports; serialised as the command's JSON.</summary>
internal sealed record CoreBenchResult(
    [property: JsonPropertyName("frames")] int Frames,
    [property: JsonPropertyName("dim")] int Dimension,
    [property: JsonPropertyName("bpm")] double Bpm,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("latency_us")] LatencyFigures Latency,
    [property: JsonPropertyName("alloc_bytes_per_frame")] double AllocatedBytesPerFrame,
    [property: JsonPropertyName("k_used")] IterationFigures Iterations,
    [property: JsonPropertyName("contraction")] ContractionFigures Contraction,
    [property: JsonPropertyName("phase")] PhaseFigures Phase,
    [property: JsonPropertyName("coupling")] CouplingFigures Coupling,
    [property: JsonPropertyName("rejected_frames")] long RejectedFrames,
    [property: JsonPropertyName("dropout_frames")] long DropoutFrames,
    [property: JsonPropertyName("slow_solves")] int SlowSolves);

/// <summary>Per-frame DELL latency in microseconds.</summary>
internal sealed record LatencyFigures(
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("max")] double Max);

/// <summary>Fast-solve iterations per frame.</summary>
internal sealed record IterationFigures(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("max")] int Max);

/// <summary>Per-frame contraction ratio median and the share of frames with ρ ≤ 1.</summary>
internal sealed record ContractionFigures(
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("health")] double Health);

/// <summary>Phase accuracy against the stream's ground truth after the first four beats.</summary>
internal sealed record PhaseFigures(
    [property: JsonPropertyName("crmse_rad")] double CrmseRadians,
    [property: JsonPropertyName("coherence")] double Coherence,
    [property: JsonPropertyName("relock_beats")] double? RelockBeats,
    [property: JsonPropertyName("dropout_start_beat")] int? DropoutStartBeat);

/// <summary>Coupling energy φ statistics over all frames.</summary>
internal sealed record CouplingFigures(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("p95")] double P95);
