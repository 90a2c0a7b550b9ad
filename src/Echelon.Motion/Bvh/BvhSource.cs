using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Bvh;

/// <summary>
/// A BVH file as a sensor source (<c>bvh:FILE</c>): one <see cref="SkeletonFrame"/> per BVH frame,
/// world positions in metres (<see cref="BvhFile.UnitScale"/>), from one device of kind
/// <see cref="SensorKind.Skeleton"/> at the file's frame rate.
/// </summary>
/// <remarks>
/// Frame <c>i</c> of the file is stamped DeviceTimeNs = HostTimeNs = round(i × Frame Time × 10⁹), so
/// a rejected frame leaves a gap rather than shifting the frames after it. A frame with a non-finite
/// channel value (or whose positions overflow) is rejected and counted in <see cref="RejectedFrames"/>.
/// The whole file is parsed by the constructor; <see cref="TryRead"/> computes one frame's kinematics
/// and allocates only the frame it returns. Single consumer; not thread-safe (the
/// <see cref="ISensorSource"/> contract).
/// </remarks>
public sealed class BvhSource : ISensorSource
{
    /// <summary>The device id frames carry unless the constructor is given another.</summary>
    public const string DefaultDeviceId = "mocap";

    private readonly SensorDevice[] _devices;
    private readonly string _deviceId;
    private readonly int _pointCount;
    private int _next;
    private long _rejected;
    private bool _disposed;

    /// <summary>Reads the file at <paramref name="path"/> (see <see cref="BvhFile.Load"/>).</summary>
    /// <param name="path">The BVH file.</param>
    /// <param name="deviceId">The frames' device id.</param>
    /// <param name="options">Read policies; null for the defaults.</param>
    /// <param name="includeEndSites">True to report End Sites after the joints (see <see cref="BvhFile"/>), false for joints only.</param>
    /// <exception cref="MotionFormatException">The file is not valid BVH.</exception>
    public BvhSource(string path, string deviceId = DefaultDeviceId, BvhReadOptions? options = null, bool includeEndSites = true)
        : this(BvhFile.Load(path, options), deviceId, includeEndSites)
    {
    }

    /// <summary>Plays an already parsed file.</summary>
    /// <param name="file">The parsed file.</param>
    /// <param name="deviceId">The frames' device id.</param>
    /// <param name="includeEndSites">True to report End Sites after the joints (see <see cref="BvhFile"/>), false for joints only.</param>
    public BvhSource(BvhFile file, string deviceId = DefaultDeviceId, bool includeEndSites = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        DeviceIds.Validate(deviceId);
        File = file;
        _deviceId = deviceId;
        _pointCount = includeEndSites ? file.PointCount : file.JointCount;
        Definition = file.CreateDefinition(includeEndSites);
        Name = "bvh:" + file.FileName;
        string description = string.Create(
            CultureInfo.InvariantCulture,
            $"BVH {Definition.Name}: {file.JointCount} joints, {file.EndSiteCount} end sites, {file.FrameCount} frames at {file.FrameRateHz:0.###} Hz, {file.Unit} (x{file.UnitScale:G6} m per unit)");
        _devices = [new SensorDevice(deviceId, SensorKind.Skeleton, file.FrameRateHz, description, Definition)];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorDevice> Devices => _devices;

    /// <inheritdoc />
    public long RejectedFrames => _rejected;

    /// <summary>The parsed file.</summary>
    public BvhFile File { get; }

    /// <summary>The skeleton every frame refers to, named after the file.</summary>
    public SkeletonDefinition Definition { get; }

    /// <inheritdoc />
    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_next < File.FrameCount)
        {
            int index = _next++;
            if (!File.IsFrameFinite(index))
            {
                _rejected++;
                continue;
            }

            var positions = new Vector3[_pointCount];
            File.ComputePositions(index, positions);
            if (!Finite.Of(positions))
            {
                _rejected++;
                continue;
            }

            long timeNs = (long)Math.Round(index * File.FrameTimeSeconds * 1e9);
            frame = new SkeletonFrame(_deviceId, timeNs, timeNs, Definition, positions);
            return true;
        }

        frame = null;
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
