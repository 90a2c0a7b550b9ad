using System.Numerics;

namespace Echelon.Motion.Frames;

/// <summary>Finiteness checks for the vector types frames carry.</summary>
public static class Finite
{
    /// <summary>True when x, y and z are finite.</summary>
    public static bool Of(Vector3 v) => float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z);

    /// <summary>True when every vector is finite.</summary>
    public static bool Of(ReadOnlySpan<Vector3> vs)
    {
        foreach (Vector3 v in vs)
        {
            if (!Of(v))
            {
                return false;
            }
        }

        return true;
    }
}
