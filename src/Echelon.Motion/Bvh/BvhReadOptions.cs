namespace Echelon.Motion.Bvh;

/// <summary>Policies for reading a BVH file (STYLE habit 13: a policy per failure mode).</summary>
public sealed record BvhReadOptions
{
    /// <summary>The defaults: a truncated MOTION section is an error, the unit is detected.</summary>
    public static BvhReadOptions Default { get; } = new();

    /// <summary>
    /// When true, a MOTION section with fewer frame lines than <c>Frames:</c> declares (a file cut
    /// short, its last line possibly cut mid-way) keeps the complete frames present and records the
    /// shortfall in <see cref="BvhFile.MissingFrameCount"/>. When false (the default) it is a
    /// <see cref="Sources.MotionFormatException"/>.
    /// </summary>
    public bool AllowTruncatedMotion { get; init; }

    /// <summary>
    /// Metres per file unit, overriding the detection from the rest-pose height
    /// (<see cref="BvhFile.UnitScale"/>); null (the default) detects. Must be finite and positive.
    /// </summary>
    public double? UnitScale { get; init; }
}
