using Echelon.Motion.Imu;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Imu;

/// <summary>Every way an IMU CSV can be wrong gives a <see cref="MotionFormatException"/> with the file, line and field.</summary>
public sealed class ImuCsvErrorTests : IDisposable
{
    private const string Header = "time,seconds_elapsed,z,y,x";
    private const string OxfordRow1 = "1012461540465,0.0,0.0,0.0,0,0,0";
    private const string OxfordRow2 = "1012471532132,0.48243165,2.4528596,4.9643774,0,0,0";
    private const string OxfordRow3 = "1012481523070,0.80445176,3.9839516,7.908048,0,1,0";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static MotionFormatException Fails(string path, ImuCsvOptions? options = null) =>
        Assert.Throws<MotionFormatException>(() => ImuCsvReader.Read(path, options));

    [Fact]
    public void Oxford_RowWithTooFewFields_NamesLineAndColumns()
    {
        string file = _dir.Write("o.csv", OxfordRow1, OxfordRow2, "1012481523070,0.8,3.9,7.9,0,1");

        MotionFormatException ex = Fails(file);

        Assert.Equal(file, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Equal("columns", ex.Field);
        Assert.Contains("expected 7", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("found 6", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Oxford_RowWithTooManyFields_NamesLine()
    {
        string file = _dir.Write("o.csv", OxfordRow1, OxfordRow2 + ",9");

        MotionFormatException ex = Fails(file);

        Assert.Equal(2, ex.Line);
        Assert.Equal("columns", ex.Field);
        Assert.Contains("found 8", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Oxford_NonNumericValue_NamesTheColumn()
    {
        string file = _dir.Write("o.csv", OxfordRow1, "1012471532132,0.48,abc,4.96,0,0,0");

        MotionFormatException ex = Fails(file);

        Assert.Equal(2, ex.Line);
        Assert.Equal("acc_y", ex.Field);
        Assert.Contains("'abc'", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x1012471532132,0.48,2.4,4.96,0,0,0", "timestamp_ns")]
    [InlineData("1012471532132,0.48,2.4,4.96,,0,0", "steps_algorithm")]
    [InlineData("1012471532132,0.48,2.4,4.96,0,zero,0", "steps_ground_truth")]
    [InlineData("1012471532132,0.48,2.4,4.96,0,0,-", "steps_hw")]
    public void Oxford_NonNumericInAnyColumn_NamesIt(string row, string column)
    {
        string file = _dir.Write("o.csv", OxfordRow1, row);

        MotionFormatException ex = Fails(file, new ImuCsvOptions { Layout = ImuCsvLayout.OxfordStepCounter });

        Assert.Equal(2, ex.Line);
        Assert.Equal(column, ex.Field);
    }

    [Fact]
    public void Oxford_BlankLinesAreSkippedButCounted()
    {
        string file = _dir.Write("o.csv", string.Empty, OxfordRow1, string.Empty, "1012471532132,0.48,2.4,oops,0,0,0");

        MotionFormatException ex = Fails(file);

        Assert.Equal(4, ex.Line);
        Assert.Equal("acc_z", ex.Field);
    }

    [Fact]
    public void Oxford_TimestampGoingBackwards_ThrowsWithTheLine()
    {
        string file = _dir.Write("o.csv", OxfordRow1, OxfordRow3, OxfordRow2);

        MotionFormatException ex = Fails(file);

        Assert.Equal(3, ex.Line);
        Assert.Equal("timestamp_ns", ex.Field);
        Assert.Contains("earlier", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Oxford_TimestampGoingBackwards_CanBeDroppedAndCounted()
    {
        string file = _dir.Write("o.csv", OxfordRow1, OxfordRow3, OxfordRow2);

        ImuCsvRecording recording = ImuCsvReader.Read(file, new ImuCsvOptions { BackwardTimestamps = BackwardTimestampPolicy.DropAndCount });

        Assert.Equal(2, recording.Frames.Count);
        Assert.Equal(1, recording.RejectedFrames);
        Assert.Equal(1, recording.BackwardTimestampRows);
        Assert.Single(recording.GroundTruthStepTimesNs);
    }

    [Fact]
    public void Oxford_NonFiniteRows_AreRejectedAndCounted()
    {
        string file = _dir.Write("o.csv",
            OxfordRow1,
            "1012471532132,NaN,2.4,4.9,0,0,0",
            "1012481523070,0.8,Infinity,7.9,0,1,0",
            "1012491533278,0.8,4.6,1e999,0,1,0",
            "1012501992965,0.45,4.8,8.8,0,2,0");

        ImuCsvRecording recording = ImuCsvReader.Read(file);

        Assert.Equal(2, recording.Frames.Count);
        Assert.Equal(3, recording.RejectedFrames);
        Assert.Equal(3, recording.NonFiniteRows);

        // The step counter still counts on rows whose accelerometer values were unusable.
        Assert.Equal([1012481523070 - 1012461540465, 1012501992965 - 1012461540465], recording.GroundTruthStepTimesNs);
    }

    [Fact]
    public void Oxford_StepCounterJump_IsRejected()
    {
        string file = _dir.Write("o.csv", OxfordRow1, "1012471532132,0.48,2.45,4.96,0,5000,0");

        MotionFormatException ex = Fails(file);

        Assert.Equal(2, ex.Line);
        Assert.Equal("steps_ground_truth", ex.Field);
    }

    [Fact]
    public void SensorLogger_MissingColumn_NamesItAndListsTheColumnsFound()
    {
        string file = _dir.Write("Accelerometer.csv", "time,seconds_elapsed,z,y", "1,0,1,2");

        MotionFormatException ex = Fails(file);

        Assert.Equal(1, ex.Line);
        Assert.Equal("x", ex.Field);
        Assert.Contains("time, seconds_elapsed, z, y", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SensorLogger_MissingTimeColumn_NamesIt()
    {
        string file = _dir.Write("Accelerometer.csv", string.Empty, "seconds_elapsed,z,y,x", "0,1,2,3");

        MotionFormatException ex = Fails(file);

        Assert.Equal(2, ex.Line);
        Assert.Equal("time", ex.Field);
    }

    [Fact]
    public void SensorLogger_RowWithWrongFieldCount_NamesLine()
    {
        string file = _dir.Write("Accelerometer.csv", Header, "1,0,1,2,3", "2,0.1,1,2");

        MotionFormatException ex = Fails(file);

        Assert.Equal(3, ex.Line);
        Assert.Equal("columns", ex.Field);
        Assert.Contains("found 4", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,0,1,two,3", "y")]
    [InlineData("1,0,1,2,", "x")]
    [InlineData("yesterday,0,1,2,3", "time")]
    public void SensorLogger_NonNumericValue_NamesTheColumn(string row, string column)
    {
        string file = _dir.Write("Accelerometer.csv", Header, row);

        MotionFormatException ex = Fails(file);

        Assert.Equal(2, ex.Line);
        Assert.Equal(column, ex.Field);
    }

    [Fact]
    public void SensorLogger_TimestampGoingBackwards_ThrowsWithTheLine()
    {
        string file = _dir.Write("Accelerometer.csv", Header, "20,0,1,2,3", "30,0,1,2,3", "25,0,1,2,3");

        MotionFormatException ex = Fails(file);

        Assert.Equal(4, ex.Line);
        Assert.Equal("time", ex.Field);
    }

    [Theory]
    [InlineData(ImuCsvLayout.Auto)]
    [InlineData(ImuCsvLayout.OxfordStepCounter)]
    [InlineData(ImuCsvLayout.SensorLogger)]
    public void EmptyFile_IsAFileError(ImuCsvLayout layout)
    {
        string file = _dir.Write("empty.csv");

        MotionFormatException ex = Fails(file, new ImuCsvOptions { Layout = layout });

        Assert.Equal(0, ex.Line);
        Assert.Equal("file", ex.Field);
        Assert.Contains("empty", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankOnlyFile_IsEmpty()
    {
        string file = _dir.Write("blank.csv", string.Empty, "   ", string.Empty);

        MotionFormatException ex = Fails(file);

        Assert.Equal(0, ex.Line);
        Assert.Equal("file", ex.Field);
    }

    [Fact]
    public void HeaderOnlyFile_IsAFileError()
    {
        string file = _dir.Write("Accelerometer.csv", Header);

        MotionFormatException ex = Fails(file);

        Assert.Equal(0, ex.Line);
        Assert.Equal("file", ex.Field);
        Assert.Contains("no data rows", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutAcceleration_NamesTheMissingFileAndListsWhatIsThere()
    {
        _dir.Write("Gyroscope.csv", Header, "1,0,1,2,3");
        _dir.Write("Metadata.csv", "version", "3");

        MotionFormatException ex = Fails(_dir.Path);

        Assert.Equal(_dir.Path, ex.File);
        Assert.Equal(0, ex.Line);
        Assert.Equal("Accelerometer.csv", ex.Field);
        Assert.Contains("Gyroscope.csv, Metadata.csv", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorInASecondaryFile_NamesThatFile()
    {
        _dir.Write("Accelerometer.csv", Header, "1,0,1,2,3");
        string gyroscope = _dir.Write("Gyroscope.csv", "time,seconds_elapsed,z,x", "1,0,1,2");

        MotionFormatException ex = Fails(_dir.Path);

        Assert.Equal(gyroscope, ex.File);
        Assert.Equal(1, ex.Line);
        Assert.Equal("y", ex.Field);
    }

    [Fact]
    public void MissingPath_IsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ImuCsvReader.Read(Path.Combine(_dir.Path, "nope.csv")));
    }

    [Fact]
    public void BadDeviceId_IsAnArgumentError()
    {
        string file = _dir.Write("o.csv", OxfordRow1, OxfordRow2);

        Assert.Throws<ArgumentException>(() => ImuCsvReader.Read(file, new ImuCsvOptions { DeviceId = "my phone" }));
    }

    [Fact]
    public void Message_CarriesFileLineAndField()
    {
        string file = _dir.Write("o.csv", OxfordRow1, "1012471532132,0.48,abc,4.96,0,0,0");

        MotionFormatException ex = Fails(file);

        Assert.StartsWith($"{file}:2: acc_y: ", ex.Message, StringComparison.Ordinal);
    }
}
