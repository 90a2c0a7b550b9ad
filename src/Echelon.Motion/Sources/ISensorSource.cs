using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;

namespace Echelon.Motion.Sources;

/// <summary>
/// Where sensor frames come from: the synthetic dancer, files (BVH, IMU CSV, pose JSONL), a recorded
/// session, and later the network. Every implementation passes the contract suite in
/// <c>tests/Echelon.Motion.Tests/Sources/SensorSourceContract.cs</c>.
/// </summary>
/// <remarks>
/// Contract: frames come out in non-decreasing <see cref="SensorFrame.HostTimeNs"/>, from the devices
/// listed in <see cref="Devices"/>, with finite values (a source that meets a non-finite value in its
/// input rejects that frame and counts it in <see cref="RejectedFrames"/>). A finite source returns
/// false from <see cref="TryRead"/> at its end and on every call after. File and synthetic sources are
/// deterministic: two instances built alike give the same frames. Single consumer; not thread-safe.
/// </remarks>
public interface ISensorSource : IDisposable
{
    /// <summary>How the source is named on the command line (<c>synthetic</c>, <c>bvh:FILE</c>, …).</summary>
    string Name { get; }

    /// <summary>The devices the source reports.</summary>
    IReadOnlyList<SensorDevice> Devices { get; }

    /// <summary>Frames dropped because their input was unusable (non-finite values and the like).</summary>
    long RejectedFrames { get; }

    /// <summary>The next frame, or false at the end of the source.</summary>
    bool TryRead([NotNullWhen(true)] out SensorFrame? frame);
}
