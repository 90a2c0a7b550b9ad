using System.Numerics;
using Echelon.Motion.Skeleton;

namespace Echelon.Motion.Frames;

/// <summary>
/// World positions of a skeleton's joints, metres, y up (the convention of BVH and of the synthetic
/// dancer). <see cref="Definition"/> names the joints; positions are in its joint order.
/// </summary>
public sealed record SkeletonFrame : SensorFrame
{
    /// <summary>Creates a skeleton frame; positions must hold one entry per joint of the definition.</summary>
    public SkeletonFrame(string deviceId, long deviceTimeNs, long hostTimeNs, SkeletonDefinition definition, Vector3[] positions)
        : base(deviceId, deviceTimeNs, hostTimeNs)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Length != definition.JointCount)
        {
            throw new ArgumentException($"positions has {positions.Length} entries; the skeleton '{definition.Name}' has {definition.JointCount} joints.", nameof(positions));
        }

        Definition = definition;
        Positions = positions;
    }

    /// <inheritdoc />
    public override SensorKind Kind => SensorKind.Skeleton;

    /// <summary>The joint names and hierarchy.</summary>
    public SkeletonDefinition Definition { get; }

    /// <summary>World joint positions, metres, in the definition's order.</summary>
    public Vector3[] Positions { get; }

    /// <inheritdoc />
    public override bool IsFinite() => Finite.Of(Positions);
}
