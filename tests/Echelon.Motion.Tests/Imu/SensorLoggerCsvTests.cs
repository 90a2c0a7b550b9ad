using System.Globalization;
using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Imu;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Imu;

/// <summary>
/// Sensor Logger exports, written here in the app's real shape: a header, <c>time</c> in Unix-epoch
/// nanoseconds, <c>seconds_elapsed</c>, then the axes in the order z, y, x.
/// </summary>
public sealed class SensorLoggerCsvTests : IDisposable
{
    private const long T0 = 1_718_030_736_872_695_300;
    private const long Period = 10_000_000;
    private const string AxisHeader = "time,seconds_elapsed,z,y,x";
    private const string OrientationHeader = "time,seconds_elapsed,qz,qy,qx,qw,roll,pitch,yaw";
    private const string MetadataHeader =
        "version,device name,recording epoch time,recording time,recording timezone,platform,appVersion,device id,sensors,sampleRateMs,standardisation,platform version";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>One z,y,x row at sample <paramref name="i"/> (time T0 + i·10 ms + offset).</summary>
    private static string AxisRow(int i, double x, double y, double z, long offsetNs = 0)
    {
        long t = T0 + (i * Period) + offsetNs;
        return string.Create(CultureInfo.InvariantCulture, $"{t},{(t - T0) / 1e9},{z},{y},{x}");
    }

    private static string[] AxisFile(int rows, Func<int, (double X, double Y, double Z)> value, long offsetNs = 0, Func<int, bool>? keep = null)
    {
        var lines = new List<string> { AxisHeader };
        for (int i = 0; i < rows; i++)
        {
            if (keep is null || keep(i))
            {
                (double x, double y, double z) = value(i);
                lines.Add(AxisRow(i, x, y, z, offsetNs));
            }
        }

        return [.. lines];
    }

    private string Metadata(string platform, string standardisation) => _dir.Write("Metadata.csv",
        MetadataHeader,
        $"3,\"Kelvin's iPhone, 15\",1718030736000,2024-06-10_14-45-36,Europe/London,{platform},1.40.1,abc-123,Accelerometer|Gravity,10|10,{standardisation},17.5");

    [Fact]
    public void SingleFile_ReadsColumnsByNameNotPosition()
    {
        string file = _dir.Write("Accelerometer.csv", AxisHeader, AxisRow(0, 1, 2, 3), AxisRow(1, 4, 5, 6));

        ImuCsvRecording recording = ImuCsvReader.Read(file);

        Assert.Equal(ImuCsvLayout.SensorLogger, recording.Layout);
        Assert.Equal(new Vector3(1, 2, 3), recording.Frames[0].Acceleration);
        Assert.Equal(new Vector3(4, 5, 6), recording.Frames[1].Acceleration);
    }

    [Fact]
    public void SingleFile_AnyColumnOrderAndExtraColumnsWork()
    {
        string file = _dir.Write("Accelerometer.csv",
            "x, z ,extra,time,y",
            $"1,3,99,{T0},2",
            $"4,6,99,{T0 + Period},5");

        ImuCsvRecording recording = ImuCsvReader.Read(file, new ImuCsvOptions { Layout = ImuCsvLayout.SensorLogger });

        Assert.Equal(new Vector3(1, 2, 3), recording.Frames[0].Acceleration);
        Assert.Equal(new Vector3(4, 5, 6), recording.Frames[1].Acceleration);
    }

    [Fact]
    public void SingleFile_TimesAreEpochNanosecondsAndSessionRelative()
    {
        string file = _dir.Write("Accelerometer.csv", AxisFile(50, i => (0.1 * i, 0, 0)));

        ImuCsvRecording recording = ImuCsvReader.Read(file);

        Assert.Equal(50, recording.Frames.Count);
        Assert.Equal(T0, recording.FirstTimestampNs);
        Assert.Equal(T0 + (7 * Period), recording.Frames[7].DeviceTimeNs);
        Assert.Equal(7 * Period, recording.Frames[7].HostTimeNs);
        Assert.Equal(100.0, recording.NominalRateHz, 6);
        Assert.Empty(recording.GroundTruthStepTimesNs);
    }

    [Fact]
    public void SingleAccelerometerFile_IsUserAccelerationOnly()
    {
        string file = _dir.Write("Accelerometer.csv", AxisFile(5, i => (0, 0, 0.1)));

        ImuCsvRecording recording = ImuCsvReader.Read(file);

        Assert.False(recording.AccelerationIncludesGravity);
        Assert.Null(recording.Frames[0].Gravity);
    }

    [Fact]
    public void SingleTotalAccelerationFile_IncludesGravity()
    {
        string file = _dir.Write("TotalAcceleration.csv", AxisFile(5, i => (0, 0, 9.81)));

        Assert.True(ImuCsvReader.Read(file).AccelerationIncludesGravity);
    }

    [Fact]
    public void Folder_MergesGravityGyroscopeAndOrientationByNearestTime()
    {
        _dir.Write("Accelerometer.csv", AxisFile(20, i => (0.1 * i, 0, 0)));
        _dir.Write("Gravity.csv", AxisFile(20, i => (0, 0, 9.81)));

        // 3 ms late: still within half a period (5 ms) of each accelerometer row.
        _dir.Write("Gyroscope.csv", AxisFile(20, i => (0.5, 0, -0.25), offsetNs: 3_000_000));

        // Orientation at 50 Hz: every other accelerometer row is 10 ms from two samples, which is
        // within half of the slower period (20 ms / 2); the earlier one wins the tie.
        var orientation = new List<string> { OrientationHeader };
        for (int i = 0; i < 20; i += 2)
        {
            orientation.Add(string.Create(CultureInfo.InvariantCulture, $"{T0 + (i * Period)},{i / 100.0},0.3,0.2,{i / 100.0},0.9,0,0,0"));
        }

        _dir.Write("Orientation.csv", [.. orientation]);

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.Equal(ImuCsvLayout.SensorLogger, recording.Layout);
        Assert.True(recording.AccelerationIncludesGravity);
        Assert.Equal(20, recording.Frames.Count);
        Assert.Equal(0, recording.RejectedFrames);
        for (int i = 0; i < 20; i++)
        {
            ImuFrame frame = recording.Frames[i];
            Assert.Equal(0.1f * i, frame.Acceleration.X, 5);
            Assert.Equal(0f, frame.Acceleration.Y);
            Assert.Equal(9.81f, frame.Acceleration.Z, 5);
            Assert.Equal(new Vector3(0, 0, 9.81f), frame.Gravity);
            Assert.Equal(new Vector3(0.5f, 0, -0.25f), frame.RotationRate);
            int o = i - (i % 2);
            Assert.Equal(new Quaternion(o / 100f, 0.2f, 0.3f, 0.9f), frame.Orientation);
        }
    }

    [Fact]
    public void Folder_OptionalStreamOutOfReach_LeavesTheFieldNull()
    {
        _dir.Write("Accelerometer.csv", AxisFile(20, i => (0, 0, 0)));
        _dir.Write("Gravity.csv", AxisFile(20, i => (0, 0, 9.81)));
        _dir.Write("Gyroscope.csv", AxisFile(20, i => (1, 2, 3), offsetNs: 3_000_000, keep: i => i is < 5 or > 9));

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.Equal(20, recording.Frames.Count);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(i is >= 5 and <= 9, recording.Frames[i].RotationRate is null);
        }
    }

    [Fact]
    public void Folder_RowWithoutGravityInReach_IsDroppedAndCounted()
    {
        _dir.Write("Accelerometer.csv", AxisFile(20, i => (0, 0, 0.5)));
        _dir.Write("Gravity.csv", AxisFile(20, i => (0, 0, 9.81), keep: i => i is < 5 or > 9));

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.Equal(15, recording.Frames.Count);
        Assert.Equal(5, recording.GravityUnmatchedRows);
        Assert.Equal(5, recording.RejectedFrames);
        Assert.All(recording.Frames, f => Assert.Equal(10.31f, f.Acceleration.Z, 5));
        Assert.DoesNotContain(recording.Frames, f => f.DeviceTimeNs == T0 + (7 * Period));
    }

    [Fact]
    public void Folder_PrefersTotalAccelerationAndDoesNotAddGravityTwice()
    {
        _dir.Write("TotalAcceleration.csv", AxisFile(10, i => (0, 0, 9.7)));
        _dir.Write("Accelerometer.csv", AxisFile(10, i => (1, 0, 0)));
        _dir.Write("Gravity.csv", AxisFile(10, i => (0, 0, 9.81)));

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.True(recording.AccelerationIncludesGravity);
        Assert.All(recording.Frames, f =>
        {
            Assert.Equal(new Vector3(0, 0, 9.7f), f.Acceleration);
            Assert.Equal(new Vector3(0, 0, 9.81f), f.Gravity);
        });
    }

    [Fact]
    public void Folder_AccelerometerWithoutGravity_IsUserAccelerationOnly()
    {
        _dir.Write("Accelerometer.csv", AxisFile(10, i => (1, 0, 0)));
        _dir.Write("Gyroscope.csv", AxisFile(10, i => (0, 0, 1)));

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.False(recording.AccelerationIncludesGravity);
        Assert.All(recording.Frames, f => Assert.Equal(new Vector3(1, 0, 0), f.Acceleration));
    }

    [Fact]
    public void Folder_HeaderOnlySecondaryFile_IsIgnored()
    {
        _dir.Write("Accelerometer.csv", AxisFile(10, i => (1, 0, 0)));
        _dir.Write("Gravity.csv", AxisHeader);

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.Equal(10, recording.Frames.Count);
        Assert.False(recording.AccelerationIncludesGravity);
    }

    [Fact]
    public void Folder_UnstandardisedIosMetadata_NegatesAccelerationAndGravity()
    {
        // iOS, standardisation off: flat on a table gravity reads −z; the reader turns it into the
        // Android convention ImuFrame uses (+9.81 up).
        _dir.Write("Accelerometer.csv", AxisFile(10, i => (0.5, 0, 0)));
        _dir.Write("Gravity.csv", AxisFile(10, i => (0, 0, -9.81)));
        _dir.Write("Gyroscope.csv", AxisFile(10, i => (0, 0, 1)));
        Metadata("iOS", "false");

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.Equal(SensorLoggerSignConvention.Ios, recording.SignConvention);
        Assert.All(recording.Frames, f =>
        {
            Assert.Equal(new Vector3(-0.5f, 0, 9.81f), f.Acceleration);
            Assert.Equal(new Vector3(0, 0, 9.81f), f.Gravity);
            Assert.Equal(new Vector3(0, 0, 1), f.RotationRate);
        });
    }

    [Theory]
    [InlineData("ios", "true")]
    [InlineData("android", "false")]
    public void Folder_StandardisedOrAndroidMetadata_KeepsSigns(string platform, string standardisation)
    {
        _dir.Write("Accelerometer.csv", AxisFile(10, i => (0.5, 0, 0)));
        _dir.Write("Gravity.csv", AxisFile(10, i => (0, 0, 9.81)));
        Metadata(platform, standardisation);

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.Equal(SensorLoggerSignConvention.Android, recording.SignConvention);
        Assert.All(recording.Frames, f => Assert.Equal(new Vector3(0.5f, 0, 9.81f), f.Acceleration));
    }

    [Fact]
    public void ExplicitSignConvention_OverridesMetadata()
    {
        _dir.Write("Accelerometer.csv", AxisFile(10, i => (0.5, 0, 0)));
        Metadata("ios", "false");

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path, new ImuCsvOptions { SignConvention = SensorLoggerSignConvention.Android });

        Assert.All(recording.Frames, f => Assert.Equal(new Vector3(0.5f, 0, 0), f.Acceleration));
    }

    [Fact]
    public void SingleFile_UsesTheMetadataNextToIt()
    {
        string file = _dir.Write("Accelerometer.csv", AxisFile(10, i => (0.5, 0, 0)));
        Metadata("ios", "false");

        Assert.All(ImuCsvReader.Read(file).Frames, f => Assert.Equal(new Vector3(-0.5f, 0, 0), f.Acceleration));
    }

    [Fact]
    public void NonFiniteRows_AreRejectedAndCounted_TheRestDelivered()
    {
        string file = _dir.Write("Accelerometer.csv",
            AxisHeader,
            AxisRow(0, 1, 2, 3),
            $"{T0 + Period},0.01,NaN,2,1",
            $"{T0 + (2 * Period)},0.02,3,Infinity,1",
            $"{T0 + (3 * Period)},0.03,3,2,-Infinity",
            $"{T0 + (4 * Period)},0.04,1e999,2,1",
            $"NaN,0.05,3,2,1",
            AxisRow(6, 1, 2, 3));

        using var source = new ImuCsvSource(file);
        var frames = new List<SensorFrame>();
        while (source.TryRead(out SensorFrame? frame))
        {
            frames.Add(frame);
        }

        Assert.Equal(2, frames.Count);
        Assert.Equal(5, source.RejectedFrames);
        Assert.Equal(5, source.Recording.NonFiniteRows);
        Assert.All(frames, f => Assert.True(f.IsFinite()));
        Assert.Equal(6 * Period, frames[1].HostTimeNs);
    }

    [Fact]
    public void NonFiniteSecondaryRows_AreSkippedNotFatal()
    {
        _dir.Write("Accelerometer.csv", AxisFile(10, i => (0, 0, 0)));
        _dir.Write("Gravity.csv", AxisFile(10, i => (0, 0, 9.81)));
        string[] gyroscope = AxisFile(10, i => (1, 1, 1));
        gyroscope[5] = $"{T0 + (4 * Period)},0.04,1,1,NaN";
        _dir.Write("Gyroscope.csv", gyroscope);

        ImuCsvRecording recording = ImuCsvReader.Read(_dir.Path);

        Assert.Equal(10, recording.Frames.Count);
        Assert.Equal(1, recording.NonFiniteRows);
        Assert.Null(recording.Frames[4].RotationRate);
        Assert.All(recording.Frames, f => Assert.True(f.IsFinite()));
    }

    [Fact]
    public void EqualTimestamps_AreKept()
    {
        string file = _dir.Write("Accelerometer.csv", AxisHeader, AxisRow(0, 1, 0, 0), AxisRow(0, 1, 0, 0), AxisRow(1, 2, 0, 0));

        Assert.Equal(3, ImuCsvReader.Read(file).Frames.Count);
    }

    [Fact]
    public void BackwardTimestamps_CanBeDroppedAndCounted()
    {
        string file = _dir.Write("Accelerometer.csv", AxisHeader, AxisRow(0, 1, 0, 0), AxisRow(2, 2, 0, 0), AxisRow(1, 3, 0, 0), AxisRow(3, 4, 0, 0));

        using var source = new ImuCsvSource(file, new ImuCsvOptions { BackwardTimestamps = BackwardTimestampPolicy.DropAndCount });
        var times = new List<long>();
        while (source.TryRead(out SensorFrame? frame))
        {
            times.Add(frame.HostTimeNs);
        }

        Assert.Equal([0, 2 * Period, 3 * Period], times);
        Assert.Equal(1, source.RejectedFrames);
        Assert.Equal(1, source.Recording.BackwardTimestampRows);
    }

    [Fact]
    public void Source_OnAFolder_NamesItAndReportsOnePhone()
    {
        _dir.Write("Accelerometer.csv", AxisFile(30, i => (0, 0, 0)));
        _dir.Write("Gravity.csv", AxisFile(30, i => (0, 0, 9.81)));

        using var source = new ImuCsvSource(_dir.Path);

        Assert.Equal("imu-csv:" + _dir.Path, source.Name);
        SensorDevice device = Assert.Single(source.Devices);
        Assert.Equal("phone", device.Id);
        Assert.Equal(SensorKind.Imu, device.Kind);
        Assert.Equal(100.0, device.NominalRateHz, 6);
    }
}
