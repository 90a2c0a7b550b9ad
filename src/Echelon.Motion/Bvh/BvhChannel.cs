namespace Echelon.Motion.Bvh;

/// <summary>
/// One BVH motion channel. The file spells them <c>Xposition</c> … <c>Zrotation</c>; positions are in
/// the file's length unit, rotations are Euler angles in degrees.
/// </summary>
public enum BvhChannel
{
    /// <summary>Translation along the joint's x axis (<c>Xposition</c>).</summary>
    XPosition = 0,

    /// <summary>Translation along the joint's y axis (<c>Yposition</c>).</summary>
    YPosition = 1,

    /// <summary>Translation along the joint's z axis (<c>Zposition</c>).</summary>
    ZPosition = 2,

    /// <summary>Rotation about the x axis, degrees (<c>Xrotation</c>).</summary>
    XRotation = 3,

    /// <summary>Rotation about the y axis, degrees (<c>Yrotation</c>).</summary>
    YRotation = 4,

    /// <summary>Rotation about the z axis, degrees (<c>Zrotation</c>).</summary>
    ZRotation = 5,
}
