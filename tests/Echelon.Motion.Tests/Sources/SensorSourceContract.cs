using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Sources;

/// <summary>
/// The contract every <see cref="ISensorSource"/> keeps (see its remarks). A test class for a source
/// inherits this and says how to build one; every test here then runs against it.
/// </summary>
public abstract class SensorSourceContract
{
    /// <summary>Builds a fresh source; two calls must describe the same input (same file, same seed).</summary>
    protected abstract ISensorSource CreateSource();

    /// <summary>Fewest frames the source built by <see cref="CreateSource"/> must deliver.</summary>
    protected virtual int MinimumFrames => 10;

    [Fact]
    public void Contract_DeliversFramesInNonDecreasingHostTime()
    {
        using ISensorSource source = CreateSource();
        long previous = long.MinValue;
        int count = 0;
        while (source.TryRead(out SensorFrame? frame))
        {
            Assert.True(frame.HostTimeNs >= previous, $"frame {count} at {frame.HostTimeNs} ns came after {previous} ns");
            previous = frame.HostTimeNs;
            count++;
        }

        Assert.True(count >= MinimumFrames, $"only {count} frames");
    }

    [Fact]
    public void Contract_EveryFrameIsFiniteAndFromAListedDevice()
    {
        using ISensorSource source = CreateSource();
        Assert.NotEmpty(source.Devices);
        var ids = source.Devices.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(source.Devices.Count, ids.Count);
        foreach (SensorDevice device in source.Devices)
        {
            Assert.True(DeviceIds.IsValid(device.Id), device.Id);
            Assert.True(device.NominalRateHz > 0, $"{device.Id} rate {device.NominalRateHz}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (source.TryRead(out SensorFrame? frame))
        {
            Assert.Contains(frame.DeviceId, ids);
            Assert.True(frame.IsFinite(), $"non-finite frame from {frame.DeviceId} at {frame.HostTimeNs}");
            Assert.Equal(source.Devices.First(d => d.Id == frame.DeviceId).Kind, frame.Kind);
            seen.Add(frame.DeviceId);
        }

        Assert.NotEmpty(seen);
    }

    [Fact]
    public void Contract_SkeletonDevices_DeclareTheDefinitionTheirFramesUse()
    {
        using ISensorSource source = CreateSource();
        foreach (SensorDevice device in source.Devices)
        {
            Assert.Equal(device.Kind == SensorKind.Skeleton, device.Skeleton is not null);
        }

        while (source.TryRead(out SensorFrame? frame))
        {
            if (frame is SkeletonFrame skeleton)
            {
                SensorDevice device = source.Devices.First(d => d.Id == frame.DeviceId);
                Assert.Equal(device.Skeleton!.JointNames, skeleton.Definition.JointNames);
                Assert.Equal(device.Skeleton.Parents, skeleton.Definition.Parents);
            }
        }
    }

    [Fact]
    public void Contract_TwoSourcesBuiltAlike_GiveTheSameFrames()
    {
        using ISensorSource a = CreateSource();
        using ISensorSource b = CreateSource();
        int n = 0;
        while (true)
        {
            bool moreA = a.TryRead(out SensorFrame? fa);
            bool moreB = b.TryRead(out SensorFrame? fb);
            Assert.Equal(moreA, moreB);
            if (!moreA)
            {
                break;
            }

            Assert.Equal(FrameText(fa!), FrameText(fb!));
            n++;
        }

        Assert.True(n >= MinimumFrames);
    }

    [Fact]
    public void Contract_AfterTheEnd_KeepsReturningFalse()
    {
        using ISensorSource source = CreateSource();
        while (source.TryRead(out _))
        {
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.False(source.TryRead(out SensorFrame? frame));
            Assert.Null(frame);
        }
    }

    [Fact]
    public void Contract_DisposeTwice_DoesNotThrow()
    {
        ISensorSource source = CreateSource();
        source.TryRead(out _);
        source.Dispose();
        source.Dispose();
    }

    [Fact]
    public void Contract_HasANameAndCountsRejections()
    {
        using ISensorSource source = CreateSource();
        Assert.False(string.IsNullOrWhiteSpace(source.Name));
        while (source.TryRead(out _))
        {
        }

        Assert.True(source.RejectedFrames >= 0);
    }

    /// <summary>A text rendering of every field, so two frames compare by value including arrays.</summary>
    protected static string FrameText(SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        string payload = frame switch
        {
            ImuFrame imu => $"{imu.Acceleration}|{imu.RotationRate}|{imu.Gravity}|{imu.Orientation}",
            PoseFrame pose => string.Join(';', pose.Landmarks) + "|" + (pose.WorldLandmarks is null ? "-" : string.Join(';', pose.WorldLandmarks)),
            SkeletonFrame skeleton => skeleton.Definition.Name + "|" + string.Join(';', skeleton.Positions),
            _ => frame.ToString(),
        };
        return $"{frame.Kind}|{frame.DeviceId}|{frame.DeviceTimeNs}|{frame.HostTimeNs}|{payload}";
    }
}
