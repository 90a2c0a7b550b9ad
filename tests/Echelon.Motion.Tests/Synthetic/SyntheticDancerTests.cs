using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Motion.Tests.Sources;

namespace Echelon.Motion.Tests.Synthetic;

public sealed class SyntheticDancerContractTests : SensorSourceContract
{
    protected override ISensorSource CreateSource() => new SyntheticDancer(new SyntheticDancerOptions
    {
        Seconds = 3,
        Seed = 5,
        Dropouts = [new DancerDropout("phone", 1.0, 0.5)],
        Gestures = [new DancerGesture(GestureKind.Spin, 2, 2)],
    });
}

public sealed class SyntheticDancerTests
{
    [Theory]
    [InlineData(90.0)]
    [InlineData(120.0)]
    [InlineData(150.0)]
    public void Pelvis_IsLowestOnTheBeat(double bpm)
    {
        var dancer = new SyntheticDancer(new SyntheticDancerOptions { Bpm = bpm, Seconds = 20, Seed = 3 });
        var joints = new Vector3[CanonicalSkeleton.JointCount];
        for (int beat = 2; beat < 30; beat++)
        {
            double onBeat = dancer.BeatTimes[beat];
            double half = (dancer.BeatTimes[beat + 1] - onBeat) / 2;
            dancer.JointsAt(onBeat, joints);
            float low = joints[(int)CanonicalJoint.Pelvis].Y;
            dancer.JointsAt(onBeat + half, joints);
            float high = joints[(int)CanonicalJoint.Pelvis].Y;
            Assert.True(high - low > 0.05f, $"beat {beat}: pelvis {low:F3} on the beat, {high:F3} half a beat later");
            Assert.Equal(0.0, dancer.BeatPhase(onBeat), 9);
        }
    }

    [Fact]
    public void BeatTimes_HaveTheTempoOnAverageAndTheJitterWithinBounds()
    {
        var dancer = new SyntheticDancer(new SyntheticDancerOptions { Bpm = 120, Seconds = 60, TimingJitter = 0.02, Seed = 8 });
        ReadOnlySpan<double> beats = dancer.BeatTimes;
        var intervals = new List<double>();
        for (int i = 1; i < 100; i++)
        {
            intervals.Add(beats[i] - beats[i - 1]);
        }

        Assert.All(intervals, d => Assert.InRange(d, 0.5 * 0.98, 0.5 * 1.02));
        Assert.InRange(intervals.Average(), 0.495, 0.505);
        Assert.True(intervals.Max() - intervals.Min() > 0.01, "the timing noise is there");
    }

    [Fact]
    public void Feet_StepOnAlternateBeats()
    {
        var dancer = new SyntheticDancer(new SyntheticDancerOptions { Bpm = 100, Seconds = 10, Seed = 2, TimingJitter = 0 });
        var joints = new Vector3[CanonicalSkeleton.JointCount];
        double quarterIntoBeat4 = dancer.BeatTimes[4] + 0.15;
        dancer.JointsAt(quarterIntoBeat4, joints);
        Assert.True(joints[(int)CanonicalJoint.LeftFoot].Y > joints[(int)CanonicalJoint.RightFoot].Y + 0.02f);
        double quarterIntoBeat5 = dancer.BeatTimes[5] + 0.15;
        dancer.JointsAt(quarterIntoBeat5, joints);
        Assert.True(joints[(int)CanonicalJoint.RightFoot].Y > joints[(int)CanonicalJoint.LeftFoot].Y + 0.02f);
    }

    [Fact]
    public void HandsUpGesture_RaisesBothHandsAboveTheHead()
    {
        var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 10, Gestures = [new DancerGesture(GestureKind.HandsUp, 4, 2)] });
        var joints = new Vector3[CanonicalSkeleton.JointCount];
        dancer.JointsAt(dancer.BeatTimes[5], joints);
        float head = joints[(int)CanonicalJoint.Head].Y;
        Assert.True(joints[(int)CanonicalJoint.LeftHand].Y > head);
        Assert.True(joints[(int)CanonicalJoint.RightHand].Y > head);
        dancer.JointsAt(dancer.BeatTimes[2], joints);
        Assert.True(joints[(int)CanonicalJoint.RightHand].Y < joints[(int)CanonicalJoint.Chest].Y);
    }

    [Fact]
    public void Dropout_RemovesOnlyThatDevicesFramesForItsDuration()
    {
        var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 4, Dropouts = [new DancerDropout("dancer", 1.0, 1.0)] });
        var skeletonTimes = new List<double>();
        var phoneTimes = new List<double>();
        while (dancer.TryRead(out SensorFrame? frame))
        {
            (frame.Kind == SensorKind.Skeleton ? skeletonTimes : phoneTimes).Add(frame.HostTimeNs * 1e-9);
        }

        Assert.DoesNotContain(skeletonTimes, t => t >= 1.0 && t < 2.0);
        Assert.Equal(180, skeletonTimes.Count); // 4 s at 60 Hz less one second
        Assert.Equal(400, phoneTimes.Count);
        Assert.Contains(phoneTimes, t => t >= 1.0 && t < 2.0);
    }

    [Fact]
    public void Phone_ReportsTheHandsAccelerationPlusGravityInItsOwnAxes()
    {
        var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 4, AccelerometerNoise = 0, GyroscopeNoise = 0, Seed = 4 });
        var joints = new Vector3[CanonicalSkeleton.JointCount];
        int checkedFrames = 0;
        while (dancer.TryRead(out SensorFrame? frame))
        {
            if (frame is not ImuFrame imu || frame.HostTimeNs < 500_000_000)
            {
                continue;
            }

            double t = imu.HostTimeNs * 1e-9;
            const double h = 5e-3; // an independent second difference, at the step that float positions allow
            dancer.JointsAt(t - h, joints);
            Vector3 before = joints[(int)CanonicalJoint.RightHand];
            dancer.JointsAt(t + h, joints);
            Vector3 after = joints[(int)CanonicalJoint.RightHand];
            dancer.JointsAt(t, joints);
            Vector3 now = joints[(int)CanonicalJoint.RightHand];
            Vector3 expectedWorld = ((after - (2 * now) + before) / (float)(h * h)) + new Vector3(0, 9.80665f, 0);

            Quaternion q = imu.Orientation!.Value;
            Vector3 world = Vector3.Transform(imu.Acceleration, q);
            Assert.True(Vector3.Distance(expectedWorld, world) < 0.05f + (0.02f * expectedWorld.Length()), $"t={t:F3}: {expectedWorld} vs {world}");
            Assert.Equal(9.80665f, imu.Gravity!.Value.Length(), 3);
            checkedFrames++;
        }

        Assert.True(checkedFrames > 300);
    }

    [Fact]
    public void Options_OutOfRange_NameTheField()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDancer(new SyntheticDancerOptions { Bpm = 300 }));
        Assert.Contains("Bpm", e.Message, StringComparison.Ordinal);
        Assert.Contains("40–200", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SyntheticDancer(new SyntheticDancerOptions { Dropouts = [new DancerDropout("watch", 1, 1)] }));
        Assert.Throws<ArgumentException>(() => new SyntheticDancer(new SyntheticDancerOptions { PhoneDevice = "bad id" }));
    }
}
