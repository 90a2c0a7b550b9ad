using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Motion.Sources;

namespace Echelon.Sessions;

/// <summary>
/// A device in the manifest (<c>devices[]</c>): its id, what its frames carry, its nominal rate, a
/// description, and for skeleton devices the <see cref="SkeletonDefinition"/> its frames use, so replay
/// rebuilds <see cref="SkeletonFrame"/>s with the same joint names and hierarchy.
/// </summary>
/// <remarks>Immutable; checks itself at construction.</remarks>
public sealed class SessionDevice
{
    /// <summary>Creates a device entry.</summary>
    /// <param name="id">A valid device id (<see cref="DeviceIds"/>); the device's stream is <c>sensors.&lt;id&gt;</c>.</param>
    /// <param name="kind">What its frames carry.</param>
    /// <param name="rateHz">Nominal frames per second, finite and &gt; 0.</param>
    /// <param name="description">A short human description (may be empty).</param>
    /// <param name="skeleton">The skeleton of its frames: required when <paramref name="kind"/> is <see cref="SensorKind.Skeleton"/>, absent otherwise.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message says which and why.</exception>
    public SessionDevice(string id, SensorKind kind, double rateHz, string description, SkeletonDefinition? skeleton = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ThrowIfProblem(CheckId(id), nameof(id));
        ThrowIfProblem(CheckKind(kind), nameof(kind));
        ThrowIfProblem(CheckRate(rateHz), nameof(rateHz));
        ThrowIfProblem(CheckSkeleton(kind, skeleton is not null), nameof(skeleton));
        Id = id;
        Kind = kind;
        RateHz = rateHz;
        Description = description;
        Skeleton = skeleton;
    }

    /// <summary>The frames' <see cref="SensorFrame.DeviceId"/>.</summary>
    public string Id { get; }

    /// <summary>What its frames carry.</summary>
    public SensorKind Kind { get; }

    /// <summary>Nominal frames per second.</summary>
    public double RateHz { get; }

    /// <summary>A short human description.</summary>
    public string Description { get; }

    /// <summary>The skeleton of its frames (skeleton devices only).</summary>
    public SkeletonDefinition? Skeleton { get; }

    /// <summary>The name of the device's stream: <c>sensors.&lt;id&gt;</c>.</summary>
    public string StreamName => SessionLayout.SensorStreamPrefix + Id;

    /// <summary>An entry for a source's device; skeleton devices need their definition.</summary>
    public static SessionDevice From(SensorDevice device, SkeletonDefinition? skeleton = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new SessionDevice(device.Id, device.Kind, device.NominalRateHz, device.Description, skeleton);
    }

    /// <summary>The device as a source reports it.</summary>
    public SensorDevice ToSensorDevice() => new(Id, Kind, RateHz, Description, Skeleton);

    internal static string? CheckId(string? id) =>
        DeviceIds.IsValid(id)
            ? null
            : $"device id '{id}' is not allowed: use 1–{DeviceIds.MaxLength} ASCII letters, digits, '-', '_' or '.', not starting with '.'";

    internal static string? CheckKind(SensorKind kind) =>
        Enum.IsDefined(kind) ? null : $"sensor kind {(int)kind} is not one of imu, pose, skeleton";

    internal static string? CheckRate(double rateHz) =>
        double.IsFinite(rateHz) && rateHz > 0 ? null : $"rate {rateHz} Hz must be finite and > 0";

    internal static string? CheckSkeleton(SensorKind kind, bool hasSkeleton) => (kind, hasSkeleton) switch
    {
        (SensorKind.Skeleton, false) => "a skeleton device needs its skeleton definition (name, joints, parents)",
        (not SensorKind.Skeleton, true) => "only skeleton devices carry a skeleton definition",
        _ => null,
    };

    private static void ThrowIfProblem(string? problem, string parameter)
    {
        if (problem is not null)
        {
            throw new ArgumentException(problem, parameter);
        }
    }
}
