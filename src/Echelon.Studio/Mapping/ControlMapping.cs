using System.Globalization;
using Echelon.Motion.Dynamics;

namespace Echelon.Studio.Mapping;

/// <summary>
/// One mapping from something the body does to something the music does: read the source, place it in
/// [<see cref="InMin"/>, <see cref="InMax"/>] as u in 0–1, drop the <see cref="DeadZone"/> at the bottom, invert,
/// bend by the <see cref="Curve"/>, scale to [<see cref="OutMin"/>, <see cref="OutMax"/>], then smooth with a
/// one-pole filter of time constant <see cref="SmoothingSeconds"/>.
/// </summary>
public sealed record ControlMapping
{
    /// <summary>What the mapping reads.</summary>
    public required MappingSourceKind Source { get; init; }

    /// <summary>The coordinate (x*, y*) or the Dynamics128 slot index; 0 for ψ and φ.</summary>
    public int SourceIndex { get; init; }

    /// <summary>What the mapping drives.</summary>
    public required MappingTargetKind Target { get; init; }

    /// <summary>MIDI channel 0–15 for <see cref="MappingTargetKind.MidiCc"/>.</summary>
    public int MidiChannel { get; init; }

    /// <summary>MIDI controller 0–127 for <see cref="MappingTargetKind.MidiCc"/>.</summary>
    public int MidiController { get; init; }

    /// <summary>OSC address for <see cref="MappingTargetKind.Osc"/>.</summary>
    public string? OscAddress { get; init; }

    /// <summary>Input value that maps to u = 0.</summary>
    public double InMin { get; init; }

    /// <summary>Input value that maps to u = 1.</summary>
    public double InMax { get; init; } = 1;

    /// <summary>Output at u = 0.</summary>
    public double OutMin { get; init; }

    /// <summary>Output at u = 1.</summary>
    public double OutMax { get; init; } = 1;

    /// <summary>The curve.</summary>
    public MappingCurve Curve { get; init; }

    /// <summary>True maps high input to <see cref="OutMin"/>.</summary>
    public bool Invert { get; init; }

    /// <summary>The bottom share of u (0–0.9) that reads as 0, so stillness gives a steady output.</summary>
    public double DeadZone { get; init; }

    /// <summary>Smoothing time constant, seconds (0 = none).</summary>
    public double SmoothingSeconds { get; init; }

    /// <summary>Frame or beat rate.</summary>
    public MappingRate Rate { get; init; }

    /// <summary>A readable name of the source (<c>slot:kinetic_energy</c>, <c>x_star[3]</c>, <c>psi</c>).</summary>
    public string SourceName => Source switch
    {
        MappingSourceKind.Fast => $"x_star[{SourceIndex.ToString(CultureInfo.InvariantCulture)}]",
        MappingSourceKind.Slow => $"y_star[{SourceIndex.ToString(CultureInfo.InvariantCulture)}]",
        MappingSourceKind.Psi => "psi",
        MappingSourceKind.Phi => "phi",
        _ => "slot:" + Dynamics128Layout.Slots[SourceIndex].Name,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field and what is allowed.</summary>
    public ControlMapping Validate(int fastSize = int.MaxValue, int slowSize = int.MaxValue)
    {
        int limit = Source switch
        {
            MappingSourceKind.Fast => fastSize,
            MappingSourceKind.Slow => slowSize,
            MappingSourceKind.Slot => Dynamics128Vector.Size,
            _ => 1,
        };
        Require(SourceIndex >= 0 && SourceIndex < limit, nameof(SourceIndex), SourceIndex, $"0–{limit - 1}");
        Require(double.IsFinite(InMin) && double.IsFinite(InMax) && InMax != InMin, nameof(InMax), InMax, "finite and different from InMin");
        Require(double.IsFinite(OutMin) && double.IsFinite(OutMax), nameof(OutMax), OutMax, "finite");
        Require(DeadZone is >= 0 and <= 0.9, nameof(DeadZone), DeadZone, "0–0.9");
        Require(SmoothingSeconds is >= 0 and <= 60, nameof(SmoothingSeconds), SmoothingSeconds, "0–60 s");
        if (Target == MappingTargetKind.MidiCc)
        {
            Require(MidiChannel is >= 0 and <= 15, nameof(MidiChannel), MidiChannel, "0–15");
            Require(MidiController is >= 0 and <= 127, nameof(MidiController), MidiController, "0–127");
        }

        if (Target == MappingTargetKind.Osc)
        {
            Require(OscAddress is { Length: > 1 } a && a[0] == '/', nameof(OscAddress), OscAddress ?? "(none)", "an OSC address starting with '/'");
        }

        return this;
    }

    private static void Require(bool ok, string field, object value, string allowed)
    {
        if (!ok)
        {
            throw new ArgumentException($"{field}: {Convert.ToString(value, CultureInfo.InvariantCulture)} is not allowed; allowed: {allowed}", field);
        }
    }
}
