using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Protocols.Osc;
using Echelon.Studio.Osc;

namespace Echelon.Studio.Tests.Osc;

public sealed class OscSensorDecoderTests
{
    private const float G = OscSensorDecoder.StandardGravity;

    [Theory]
    [InlineData("/comote/v3/42/accelerometer", OscSensorConvention.CoMote, "comote-42")]
    [InlineData("/riot/v3/a b/gyroscope", OscSensorConvention.CoMote, "riot-a_b")]
    [InlineData("/ZIGSIM/3F2A-11/accel", OscSensorConvention.ZigSim, "zigsim-3F2A-11")]
    [InlineData("/3F2A-11/quaternion", OscSensorConvention.ZigSim, "zigsim-3F2A-11")]
    [InlineData("/accxyz", OscSensorConvention.TouchOsc, "touchosc")]
    [InlineData("/wek/inputs", OscSensorConvention.Wekinator, "wekinator")]
    [InlineData("/echelon/imu/left-wrist", OscSensorConvention.EchelonImu, "left-wrist")]
    [InlineData("/echelon/pose/cam0", OscSensorConvention.EchelonPose, "cam0")]
    [InlineData("/1/fader1", OscSensorConvention.None, "")]
    [InlineData("/echelon/imu/.hidden", OscSensorConvention.None, "")]
    public void Classify_KnowsEachConvention(string address, OscSensorConvention convention, string device)
    {
        Assert.Equal(convention, OscSensorDecoder.Classify(address, out string id, out _));
        Assert.Equal(device, id);
        if (device.Length > 0)
        {
            Assert.True(DeviceIds.IsValid(id), id);
        }
    }

    [Fact]
    public void CoMote_AccelerometerCompletesAFrame_CarryingTheLatestGyroGravityAndOrientation()
    {
        var decoder = new OscSensorDecoder();
        Assert.False(decoder.TryDecode(new OscMessage("/comote/v3/7/gyroscope", 0.1f, 0.2f, 0.3f, 1000f, 100f), 1, out _));
        Assert.False(decoder.TryDecode(new OscMessage("/comote/v3/7/gravity", 0f, 0f, 9.8f, 1000f, 100f), 2, out _));
        Assert.False(decoder.TryDecode(new OscMessage("/comote/v3/7/absoluteorientation", 0f, 0f, 0f, 1f, 1000f, 100f), 3, out _));
        Assert.True(decoder.TryDecode(new OscMessage("/comote/v3/7/accelerometer", 1f, 2f, 9.8f, 1234.5f, 100f), 4, out SensorFrame? frame));
        ImuFrame imu = Assert.IsType<ImuFrame>(frame);
        Assert.Equal("comote-7", imu.DeviceId);
        Assert.Equal(new Vector3(1, 2, 9.8f), imu.Acceleration);
        Assert.Equal(new Vector3(0.1f, 0.2f, 0.3f), imu.RotationRate);
        Assert.Equal(new Vector3(0, 0, 9.8f), imu.Gravity);
        Assert.Equal(Quaternion.Identity, imu.Orientation);
        Assert.Equal(1_234_500_000, imu.DeviceTimeNs);
        Assert.Equal(4, imu.HostTimeNs);
    }

    [Fact]
    public void ZigSim_UserAccelerationInG_GetsGravityBack_InMetresPerSecondSquared()
    {
        var decoder = new OscSensorDecoder();
        Assert.False(decoder.TryDecode(new OscMessage("/ZIGSIM/dev1/gravity", 0f, -1f, 0f), 1, out _));
        Assert.True(decoder.TryDecode(new OscMessage("/ZIGSIM/dev1/accel", 0.5f, 0f, 0f), 2, out SensorFrame? frame));
        ImuFrame imu = Assert.IsType<ImuFrame>(frame);
        Assert.Equal(0.5f * G, imu.Acceleration.X, 4);
        Assert.Equal(-G, imu.Acceleration.Y, 4);
        Assert.Equal(new Vector3(0, -G, 0), imu.Gravity);

        // The newer address without the ZIGSIM prefix is the same device.
        Assert.True(decoder.TryDecode(new OscMessage("/dev1/accel", 0f, 0f, 0f), 3, out frame));
        Assert.Equal("zigsim-dev1", frame!.DeviceId);
    }

    [Fact]
    public void TouchOsc_AndWekinator_AndOurOwnImu()
    {
        var decoder = new OscSensorDecoder();
        Assert.True(decoder.TryDecode(new OscMessage("/accxyz", 0f, 0f, -1f), 1, out SensorFrame? touch));
        Assert.Equal(new Vector3(0, 0, -G), ((ImuFrame)touch!).Acceleration);

        Assert.True(decoder.TryDecode(new OscMessage("/wek/inputs", 0.1f, 0.2f, 0.3f, 0.4f), 2, out SensorFrame? wek));
        Assert.Equal(new Vector3(0.1f, 0.2f, 0.3f), ((ImuFrame)wek!).Acceleration);

        Assert.True(decoder.TryDecode(new OscMessage("/echelon/imu/w", 1f, 2f, 3f, 4f, 5f, 6f, 0f, 0f, 0f, 1f), 3, out SensorFrame? own));
        var imu = (ImuFrame)own!;
        Assert.Equal(new Vector3(4, 5, 6), imu.RotationRate);
        Assert.Equal(Quaternion.Identity, imu.Orientation);

        // Integers and doubles are numbers too.
        Assert.True(decoder.TryDecode(new OscMessage("/echelon/imu/w", 1, 2.0, 3f), 4, out SensorFrame? mixed));
        Assert.Equal(new Vector3(1, 2, 3), ((ImuFrame)mixed!).Acceleration);
        Assert.Equal(OscSensorConvention.EchelonImu, decoder.Devices["w"]);
    }

    [Fact]
    public void EchelonPose_ImageLandmarks_AndOptionalWorldLandmarks()
    {
        var decoder = new OscSensorDecoder();
        float[] image = [.. Enumerable.Range(0, 132).Select(i => i / 132f)];
        Assert.True(decoder.TryDecode(new OscMessage("/echelon/pose/cam", image.Select(v => (OscValue)v)), 5, out SensorFrame? frame));
        PoseFrame pose = Assert.IsType<PoseFrame>(frame);
        Assert.Equal(new PoseLandmark(4 / 132f, 5 / 132f, 6 / 132f, 7 / 132f), pose.Landmarks[1]);
        Assert.Null(pose.WorldLandmarks);

        float[] both = [.. image, .. Enumerable.Range(0, 99).Select(i => (float)i)];
        Assert.True(decoder.TryDecode(new OscMessage("/echelon/pose/cam", both.Select(v => (OscValue)v)), 6, out frame));
        Assert.Equal(new Vector3(3, 4, 5), ((PoseFrame)frame!).WorldLandmarks![1]);
    }

    [Theory]
    [InlineData("/accxyz", "2 values; expected at least x y z")]
    [InlineData("/echelon/imu/w", "2 values; expected 3")]
    [InlineData("/echelon/pose/w", "2 values; expected 132")]
    [InlineData("/comote/v3/1/accelerometer", "2 values; expected at least 3")]
    public void WrongCounts_AreRejectedWithTheReason_NeverThrown(string address, string problem)
    {
        var decoder = new OscSensorDecoder();
        Assert.False(decoder.TryDecode(new OscMessage(address, 1f, 2f), 1, out SensorFrame? frame));
        Assert.Null(frame);
        Assert.Equal(1, decoder.Rejected);
        Assert.Contains(address, decoder.LastProblem, StringComparison.Ordinal);
        Assert.Contains(problem, decoder.LastProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteOrNonNumericValues_AreRejected_UnknownAddressesCounted()
    {
        var decoder = new OscSensorDecoder();
        Assert.False(decoder.TryDecode(new OscMessage("/accxyz", 0f, float.NaN, 1f), 1, out _));
        Assert.Contains("not finite", decoder.LastProblem, StringComparison.Ordinal);
        Assert.False(decoder.TryDecode(new OscMessage("/accxyz", 0f, "x", 1f), 2, out _));
        Assert.Contains("value 1 has type 's'", decoder.LastProblem, StringComparison.Ordinal);
        Assert.False(decoder.TryDecode(new OscMessage("/1/fader1", 0.5f), 3, out _));
        Assert.False(decoder.TryDecode(new OscMessage("/ping"), 4, out _));
        Assert.Equal(2, decoder.Rejected);
        Assert.Equal(2, decoder.Unknown);
    }
}
