using System.Buffers;
using System.Numerics;
using Echelon.Motion.Skeleton;

namespace Echelon.Motion.Bvh;

/// <summary>
/// A parsed BVH (Biovision Hierarchy) file: the joint hierarchy with offsets and channels, the motion
/// table (frames × channels), and forward kinematics that turn a frame into world joint positions in
/// metres.
/// </summary>
/// <remarks>
/// <para>
/// <b>Points.</b> The skeleton's points are the <see cref="JointCount"/> joints (ROOT and JOINT
/// entries) in file order, followed by the <see cref="EndSiteCount"/> End Sites, each named
/// <c>&lt;Parent&gt;_End</c> (<c>_End2</c>, … when a joint has several). End Sites are kept because
/// they are the real extremities — the top of the head, fingertips, toe tips — and the rest-pose
/// height is measured with them; they carry no channels. Putting them after the joints keeps every
/// parent before its child, so a caller that wants the joints only takes the first
/// <see cref="JointCount"/> entries.
/// </para>
/// <para>
/// <b>Kinematics.</b> A point's transform relative to its parent is the translation by its OFFSET
/// followed by its channels in the order the file lists them, each composed on the right: a rotation
/// channel multiplies by the rotation about that axis (degrees, right-handed, column vectors), so
/// <c>Zrotation Xrotation Yrotation</c> gives Rz·Rx·Ry; a position channel translates along the
/// current axes, so position channels listed first (as every common file does) add to the offset.
/// This is the composition bvh11 (yuki-koyama/bvh11, <c>GetTransformationRelativeToParent</c>) and
/// Blender's importer use; three.js replaces the offset with the root's position instead, which is
/// the same thing whenever the root's OFFSET is zero, as it is in the CMU and salsa files.
/// </para>
/// <para>
/// <b>Units.</b> <see cref="UnitScale"/> (metres per file unit) is detected from
/// <see cref="RestHeight"/>, the rest pose's extent in y (all channels zero, End Sites included): a
/// height of 1.2–2.3 is taken as metres; a height that reads as 1.2–2.3 m in centimetres,
/// millimetres or inches picks that unit (the four ranges do not overlap), which keeps the
/// performer's real size when a file is in a common export unit; anything else is scaled to a
/// 1.75 m rest pose. <see cref="BvhReadOptions.UnitScale"/> overrides the detection.
/// </para>
/// <para>
/// <b>Values.</b> The motion table holds what the file says, NaN and infinities included; a consumer
/// that needs finite input (<see cref="BvhSource"/>) checks each frame with <see cref="IsFrameFinite"/>.
/// </para>
/// <para>Immutable after parsing and safe to share between threads; <see cref="ComputePositions(int, Span{Vector3})"/>
/// allocates nothing (its scratch lives on the stack up to 128 points, in a pooled array above).</para>
/// </remarks>
public sealed class BvhFile
{
    /// <summary>Rest-pose height, metres, a skeleton is scaled to when no known unit fits.</summary>
    public const double NormalisedHeightMetres = 1.75;

    /// <summary>Lowest rest-pose height, metres, taken as a plausible adult.</summary>
    public const double MinPlausibleHeightMetres = 1.2;

    /// <summary>Highest rest-pose height, metres, taken as a plausible adult.</summary>
    public const double MaxPlausibleHeightMetres = 2.3;

    /// <summary>
    /// Metres per CMU "original unit", (1/0.45) × 2.54 cm (mocap.cs.cmu.edu FAQ), for
    /// <see cref="BvhReadOptions.UnitScale"/>. Not detected automatically: the converted CMU skeletons
    /// have a foreshortened torso (131_03's rest pose is 24.27 units, 1.37 m at this scale, while its
    /// legs are adult length), so the detection normalises them to 1.75 m instead.
    /// </summary>
    public const double CmuUnitMetres = 1.0 / 0.45 * 2.54 / 100.0;

    // Per point: world rotation as three column vectors (9 doubles) and world position (3).
    private const int ScratchStride = 12;
    private const int MaxStackPoints = 128;

    private static readonly (BvhLengthUnit Unit, double Scale)[] s_knownUnits =
    [
        (BvhLengthUnit.Metres, 1.0),
        (BvhLengthUnit.Inches, 0.0254),
        (BvhLengthUnit.Centimetres, 0.01),
        (BvhLengthUnit.Millimetres, 0.001),
    ];

    private readonly string[] _names;
    private readonly int[] _parents;
    private readonly double[] _offsets;
    private readonly BvhChannel[] _channels;
    private readonly int[] _channelStart;
    private readonly double[] _motion;

    internal BvhFile(
        string fileName,
        string[] names,
        int[] parents,
        int jointCount,
        double[] offsets,
        BvhChannel[] channels,
        int[] channelStart,
        double[] motion,
        int frameCount,
        int declaredFrameCount,
        double frameTimeSeconds,
        double? unitScale)
    {
        FileName = fileName;
        _names = names;
        _parents = parents;
        JointCount = jointCount;
        _offsets = offsets;
        _channels = channels;
        _channelStart = channelStart;
        _motion = motion;
        FrameCount = frameCount;
        DeclaredFrameCount = declaredFrameCount;
        FrameTimeSeconds = frameTimeSeconds;

        var rest = new Vector3[names.Length];
        Pose(new double[channels.Length], rest, 1.0);
        float minY = float.PositiveInfinity;
        float maxY = float.NegativeInfinity;
        foreach (Vector3 p in rest)
        {
            minY = MathF.Min(minY, p.Y);
            maxY = MathF.Max(maxY, p.Y);
        }

        RestHeight = maxY - minY;
        if (unitScale is { } explicitScale)
        {
            UnitScale = explicitScale;
            Unit = BvhLengthUnit.Explicit;
        }
        else
        {
            (Unit, UnitScale) = DetectUnit(RestHeight);
        }
    }

    /// <summary>The file name given to <see cref="Parse"/> (the path for <see cref="Load"/>).</summary>
    public string FileName { get; }

    /// <summary>Number of joints (ROOT and JOINT entries); they are points 0 … JointCount − 1.</summary>
    public int JointCount { get; }

    /// <summary>Number of End Sites; they are points JointCount … PointCount − 1.</summary>
    public int EndSiteCount => _names.Length - JointCount;

    /// <summary>Joints plus End Sites.</summary>
    public int PointCount => _names.Length;

    /// <summary>Point names: joints in file order, then End Sites as <c>&lt;Parent&gt;_End</c>.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Parent index per point, −1 for the root; every parent precedes its child.</summary>
    public IReadOnlyList<int> Parents => _parents;

    /// <summary>Total channels per frame (the width of a motion line).</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>Frames read from the MOTION section.</summary>
    public int FrameCount { get; }

    /// <summary>The frame count the <c>Frames:</c> line declared.</summary>
    public int DeclaredFrameCount { get; }

    /// <summary>Declared frames that were not in the file (non-zero only with <see cref="BvhReadOptions.AllowTruncatedMotion"/>).</summary>
    public int MissingFrameCount => DeclaredFrameCount - FrameCount;

    /// <summary>Seconds between frames (<c>Frame Time:</c>).</summary>
    public double FrameTimeSeconds { get; }

    /// <summary>Frames per second, 1 / <see cref="FrameTimeSeconds"/>.</summary>
    public double FrameRateHz => 1.0 / FrameTimeSeconds;

    /// <summary>The rest pose's extent in y (all channels zero, End Sites included), file units.</summary>
    public double RestHeight { get; }

    /// <summary>The rest pose's extent in y, metres.</summary>
    public double RestHeightMetres => RestHeight * UnitScale;

    /// <summary>Metres per file unit, detected or from <see cref="BvhReadOptions.UnitScale"/>.</summary>
    public double UnitScale { get; }

    /// <summary>How <see cref="UnitScale"/> was chosen.</summary>
    public BvhLengthUnit Unit { get; }

    /// <summary>The whole motion table, row-major: frame f's channel c is at f × ChannelCount + c.</summary>
    public ReadOnlySpan<double> Motion => _motion.AsSpan(0, FrameCount * ChannelCount);

    /// <summary>Reads a BVH file.</summary>
    /// <exception cref="Sources.MotionFormatException">The file is not valid BVH (file, line and field named).</exception>
    public static BvhFile Load(string path, BvhReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return Parse(reader, path, options);
    }

    /// <summary>Parses BVH text; <paramref name="fileName"/> names the input in errors.</summary>
    /// <exception cref="Sources.MotionFormatException">The text is not valid BVH (file, line and field named).</exception>
    public static BvhFile Parse(TextReader reader, string fileName, BvhReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        options ??= BvhReadOptions.Default;
        if (options.UnitScale is { } scale && (!double.IsFinite(scale) || scale <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), scale, "BvhReadOptions.UnitScale must be finite and positive.");
        }

        return BvhParser.Parse(reader, fileName, options);
    }

    /// <summary>True when the point is an End Site (index ≥ <see cref="JointCount"/>).</summary>
    public bool IsEndSite(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, PointCount);
        return point >= JointCount;
    }

    /// <summary>The point's OFFSET from its parent, file units.</summary>
    public Vector3 GetOffset(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, PointCount);
        return new Vector3((float)_offsets[3 * point], (float)_offsets[(3 * point) + 1], (float)_offsets[(3 * point) + 2]);
    }

    /// <summary>The point's channels in file order (empty for End Sites).</summary>
    public ReadOnlySpan<BvhChannel> GetChannels(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, PointCount);
        return _channels.AsSpan(_channelStart[point], _channelStart[point + 1] - _channelStart[point]);
    }

    /// <summary>The column of the point's first channel in a motion line.</summary>
    public int GetChannelStart(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, PointCount);
        return _channelStart[point];
    }

    /// <summary>One frame's channel values, file order.</summary>
    public ReadOnlySpan<double> GetFrame(int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, FrameCount);
        return _motion.AsSpan(frame * ChannelCount, ChannelCount);
    }

    /// <summary>True when every channel value of the frame is finite.</summary>
    public bool IsFrameFinite(int frame)
    {
        foreach (double v in GetFrame(frame))
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A skeleton definition named after the file (<see cref="Path.GetFileName(string?)"/>).</summary>
    /// <param name="includeEndSites">True for all <see cref="PointCount"/> points, false for the joints only.</param>
    public SkeletonDefinition CreateDefinition(bool includeEndSites = true)
    {
        int count = includeEndSites ? PointCount : JointCount;
        string name = Path.GetFileName(FileName);
        return new SkeletonDefinition(string.IsNullOrEmpty(name) ? FileName : name, _names[..count], _parents[..count]);
    }

    /// <summary>
    /// World positions, metres, of the frame's points. <paramref name="positions"/> holds either
    /// <see cref="JointCount"/> entries (joints only) or at least <see cref="PointCount"/> (joints
    /// then End Sites). Allocates nothing.
    /// </summary>
    public void ComputePositions(int frame, Span<Vector3> positions) => ComputePositions(GetFrame(frame), positions);

    /// <summary>
    /// World positions, metres, for any channel values (one per channel, file order), e.g. a pose
    /// edited or blended by the caller; all zeros gives the rest pose. Allocates nothing.
    /// </summary>
    public void ComputePositions(ReadOnlySpan<double> channelValues, Span<Vector3> positions)
    {
        if (channelValues.Length != ChannelCount)
        {
            throw new ArgumentException($"Expected {ChannelCount} channel values; got {channelValues.Length}.", nameof(channelValues));
        }

        if (positions.Length != JointCount && positions.Length < PointCount)
        {
            throw new ArgumentException($"positions must hold {JointCount} (joints) or {PointCount} (joints and End Sites) entries; it holds {positions.Length}.", nameof(positions));
        }

        Pose(channelValues, positions[..Math.Min(positions.Length, PointCount)], UnitScale);
    }

    internal static (BvhLengthUnit Unit, double Scale) DetectUnit(double restHeight)
    {
        if (!double.IsFinite(restHeight) || restHeight <= 0)
        {
            // A single joint or a flat skeleton has no height to go by.
            return (BvhLengthUnit.Metres, 1.0);
        }

        foreach ((BvhLengthUnit unit, double scale) in s_knownUnits)
        {
            double metres = restHeight * scale;
            if (metres is >= MinPlausibleHeightMetres and <= MaxPlausibleHeightMetres)
            {
                return (unit, scale);
            }
        }

        return (BvhLengthUnit.NormalisedHeight, NormalisedHeightMetres / restHeight);
    }

    /// <summary>Forward kinematics for the first positions.Length points (joints precede End Sites).</summary>
    private void Pose(ReadOnlySpan<double> values, Span<Vector3> positions, double scale)
    {
        int n = positions.Length;
        double[]? rented = null;
        Span<double> world = n <= MaxStackPoints
            ? stackalloc double[n * ScratchStride]
            : (rented = ArrayPool<double>.Shared.Rent(n * ScratchStride)).AsSpan(0, n * ScratchStride);
        try
        {
            for (int i = 0; i < n; i++)
            {
                // Columns a, b, c of the world rotation and the world position p, starting from the parent's.
                double ax = 1, ay = 0, az = 0, bx = 0, by = 1, bz = 0, cx = 0, cy = 0, cz = 1, px = 0, py = 0, pz = 0;
                int parent = _parents[i];
                if (parent >= 0)
                {
                    ReadOnlySpan<double> w = world.Slice(parent * ScratchStride, ScratchStride);
                    ax = w[0]; ay = w[1]; az = w[2];
                    bx = w[3]; by = w[4]; bz = w[5];
                    cx = w[6]; cy = w[7]; cz = w[8];
                    px = w[9]; py = w[10]; pz = w[11];
                }

                double ox = _offsets[3 * i], oy = _offsets[(3 * i) + 1], oz = _offsets[(3 * i) + 2];
                px += (ax * ox) + (bx * oy) + (cx * oz);
                py += (ay * ox) + (by * oy) + (cy * oz);
                pz += (az * ox) + (bz * oy) + (cz * oz);

                for (int k = _channelStart[i]; k < _channelStart[i + 1]; k++)
                {
                    double v = values[k];
                    switch (_channels[k])
                    {
                        case BvhChannel.XPosition:
                            px += ax * v; py += ay * v; pz += az * v;
                            break;
                        case BvhChannel.YPosition:
                            px += bx * v; py += by * v; pz += bz * v;
                            break;
                        case BvhChannel.ZPosition:
                            px += cx * v; py += cy * v; pz += cz * v;
                            break;
                        case BvhChannel.XRotation:
                        {
                            // R·Rx: b' = b cos + c sin, c' = c cos − b sin.
                            (double s, double co) = Math.SinCos(v * (Math.PI / 180.0));
                            double nbx = (bx * co) + (cx * s), nby = (by * co) + (cy * s), nbz = (bz * co) + (cz * s);
                            cx = (cx * co) - (bx * s); cy = (cy * co) - (by * s); cz = (cz * co) - (bz * s);
                            bx = nbx; by = nby; bz = nbz;
                            break;
                        }

                        case BvhChannel.YRotation:
                        {
                            // R·Ry: a' = a cos − c sin, c' = a sin + c cos.
                            (double s, double co) = Math.SinCos(v * (Math.PI / 180.0));
                            double nax = (ax * co) - (cx * s), nay = (ay * co) - (cy * s), naz = (az * co) - (cz * s);
                            cx = (ax * s) + (cx * co); cy = (ay * s) + (cy * co); cz = (az * s) + (cz * co);
                            ax = nax; ay = nay; az = naz;
                            break;
                        }

                        default:
                        {
                            // ZRotation. R·Rz: a' = a cos + b sin, b' = b cos − a sin.
                            (double s, double co) = Math.SinCos(v * (Math.PI / 180.0));
                            double nax = (ax * co) + (bx * s), nay = (ay * co) + (by * s), naz = (az * co) + (bz * s);
                            bx = (bx * co) - (ax * s); by = (by * co) - (ay * s); bz = (bz * co) - (az * s);
                            ax = nax; ay = nay; az = naz;
                            break;
                        }
                    }
                }

                Span<double> o = world.Slice(i * ScratchStride, ScratchStride);
                o[0] = ax; o[1] = ay; o[2] = az;
                o[3] = bx; o[4] = by; o[5] = bz;
                o[6] = cx; o[7] = cy; o[8] = cz;
                o[9] = px; o[10] = py; o[11] = pz;
                positions[i] = new Vector3((float)(px * scale), (float)(py * scale), (float)(pz * scale));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
