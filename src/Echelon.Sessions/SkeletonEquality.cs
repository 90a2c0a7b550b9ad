using Echelon.Motion.Skeleton;

namespace Echelon.Sessions;

/// <summary>Structural comparison of skeleton definitions (name, joint names, parents), without allocating.</summary>
internal static class SkeletonEquality
{
    public static bool Same(SkeletonDefinition a, SkeletonDefinition b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Name != b.Name || a.JointCount != b.JointCount)
        {
            return false;
        }

        for (int i = 0; i < a.JointCount; i++)
        {
            if (a.Parents[i] != b.Parents[i] || !string.Equals(a.JointNames[i], b.JointNames[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shared canonical instance when <paramref name="definition"/> equals it, so code that checks by reference still recognises it.</summary>
    public static SkeletonDefinition Canonicalize(SkeletonDefinition definition) =>
        Same(definition, CanonicalSkeleton.Definition) ? CanonicalSkeleton.Definition : definition;
}
