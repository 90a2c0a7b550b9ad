namespace Echelon.Motion.Skeleton;

/// <summary>A skeleton's joint names and hierarchy (parent index per joint, −1 for the root).</summary>
/// <remarks>Immutable; share one instance across all frames of a source.</remarks>
public sealed class SkeletonDefinition
{
    private readonly string[] _names;
    private readonly int[] _parents;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a definition. Names must be unique (case-insensitive); each parent must precede its child.</summary>
    public SkeletonDefinition(string name, IReadOnlyList<string> jointNames, IReadOnlyList<int> parents)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(jointNames);
        ArgumentNullException.ThrowIfNull(parents);
        if (jointNames.Count == 0 || jointNames.Count != parents.Count)
        {
            throw new ArgumentException($"A skeleton needs one parent per joint and at least one joint; got {jointNames.Count} names and {parents.Count} parents.", nameof(parents));
        }

        Name = name;
        _names = [.. jointNames];
        _parents = [.. parents];
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < _names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(_names[i]) || !_index.TryAdd(_names[i], i))
            {
                throw new ArgumentException($"Joint {i} name '{_names[i]}' is empty or repeated.", nameof(jointNames));
            }

            if (_parents[i] >= i || _parents[i] < -1 || (i > 0 && _parents[i] < 0) || (i == 0 && _parents[i] != -1))
            {
                throw new ArgumentException($"Joint {i} ('{_names[i]}') has parent {_parents[i]}; the root is joint 0 with parent −1 and every other parent must precede its child.", nameof(parents));
            }
        }
    }

    /// <summary>A name for the skeleton (e.g. the BVH file or <c>canonical</c>).</summary>
    public string Name { get; }

    /// <summary>Number of joints.</summary>
    public int JointCount => _names.Length;

    /// <summary>Joint names in order.</summary>
    public IReadOnlyList<string> JointNames => _names;

    /// <summary>Parent index per joint (−1 for the root).</summary>
    public IReadOnlyList<int> Parents => _parents;

    /// <summary>Index of the joint with this name (case-insensitive), or −1.</summary>
    public int IndexOf(string jointName) => _index.TryGetValue(jointName, out int i) ? i : -1;
}
