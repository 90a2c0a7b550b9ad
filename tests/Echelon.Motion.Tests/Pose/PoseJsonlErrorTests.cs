using Echelon.Motion.Pose;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Pose;

/// <summary>Every way a pose JSONL line can be wrong gives a <see cref="MotionFormatException"/> with the file, line and field.</summary>
public sealed class PoseJsonlErrorTests : IDisposable
{
    private const string Good = "[0.5,0.5,0,1]";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string List(int count, string entry = Good) => "[" + string.Join(',', Enumerable.Repeat(entry, count)) + "]";

    /// <summary>33 good landmarks with entry <paramref name="index"/> replaced.</summary>
    private static string ListWith(int index, string entry)
    {
        var entries = Enumerable.Repeat(Good, 33).ToArray();
        entries[index] = entry;
        return "[" + string.Join(',', entries) + "]";
    }

    /// <summary>Writes a good first line and <paramref name="second"/> as line 2, reads, and returns the error.</summary>
    private MotionFormatException FailsOnLine2(string second)
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Line(0), second);
        MotionFormatException ex = Assert.Throws<MotionFormatException>(() => PoseJsonlReader.Read(file));
        Assert.Equal(file, ex.File);
        Assert.Equal(2, ex.Line);
        return ex;
    }

    private static string Record(string landmarks, string time = "\"t_ns\": 9000000000") => $"{{{time}, \"landmarks\": {landmarks}}}";

    [Fact]
    public void MalformedJson_GivesTheLineAndBytePosition()
    {
        MotionFormatException ex = FailsOnLine2("{\"t_ns\": 9000000000, \"landmarks\": [[0.5, 0.5, 0, 1],");

        Assert.Equal("json", ex.Field);
        Assert.Contains("malformed JSON at byte", ex.Problem, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
    }

    [Fact]
    public void TrailingGarbage_IsMalformed()
    {
        MotionFormatException ex = FailsOnLine2(Record(List(33)) + " x");

        Assert.Equal("json", ex.Field);
    }

    [Fact]
    public void NotAnObject_IsAnError()
    {
        MotionFormatException ex = FailsOnLine2(List(33));

        Assert.Equal("json", ex.Field);
        Assert.Contains("JSON object", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingLandmarks_IsAnError()
    {
        MotionFormatException ex = FailsOnLine2("{\"t_ns\": 9000000000}");

        Assert.Equal("landmarks", ex.Field);
        Assert.Contains("missing", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NullLandmarks_IsMissing()
    {
        MotionFormatException ex = FailsOnLine2("{\"t_ns\": 9000000000, \"landmarks\": null}");

        Assert.Equal("landmarks", ex.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(34)]
    public void WrongLandmarkCount_SaysExpectedAndActual(int count)
    {
        MotionFormatException ex = FailsOnLine2(Record(List(count)));

        Assert.Equal("landmarks", ex.Field);
        Assert.Equal($"expected 33 landmarks, found {count}", ex.Problem);
    }

    [Fact]
    public void WrongWorldLandmarkCount_NamesWorldLandmarks()
    {
        MotionFormatException ex = FailsOnLine2($"{{\"t_ns\": 9000000000, \"landmarks\": {List(33)}, \"world_landmarks\": {List(17, "[0,0,0]")}}}");

        Assert.Equal("world_landmarks", ex.Field);
        Assert.Equal("expected 33 landmarks, found 17", ex.Problem);
    }

    [Fact]
    public void WrappedList_WrongCount_NamesTheWrappedField()
    {
        MotionFormatException ex = FailsOnLine2($"{{\"t\": 9.0, \"pose_landmarks\": {{\"landmark\": {List(5, "{\"x\":0,\"y\":0,\"z\":0}")}}}}}");

        Assert.Equal("pose_landmarks.landmark", ex.Field);
    }

    [Theory]
    [InlineData("[0.5,\"0.5\",0,1]", "landmarks[5].y")]
    [InlineData("[0.5,null,0,1]", "landmarks[5].y")]
    [InlineData("[0.5,0.5,true,1]", "landmarks[5].z")]
    [InlineData("[\"NaN\",0.5,0,1]", "landmarks[5].x")]
    [InlineData("[0.5,0.5,0,\"Infinity\"]", "landmarks[5].visibility")]
    [InlineData("{\"x\":0.5,\"y\":\"high\",\"z\":0}", "landmarks[5].y")]
    [InlineData("{\"x\":0.5,\"y\":0.5,\"z\":[0]}", "landmarks[5].z")]
    public void NonNumericCoordinate_NamesTheLandmarkAndAxis(string entry, string field)
    {
        MotionFormatException ex = FailsOnLine2(Record(ListWith(5, entry)));

        Assert.Equal(field, ex.Field);
        Assert.Contains("expected a number", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectLandmarkWithoutZ_NamesTheMissingMember()
    {
        MotionFormatException ex = FailsOnLine2(Record(ListWith(3, "{\"x\":0.5,\"y\":0.5}")));

        Assert.Equal("landmarks[3].z", ex.Field);
        Assert.Equal("missing", ex.Problem);
    }

    [Theory]
    [InlineData("[0.5,0.5,0]")]
    [InlineData("[0.5,0.5,0,1,7]")]
    [InlineData("0.5")]
    public void LandmarkOfTheWrongShape_NamesTheLandmark(string entry)
    {
        MotionFormatException ex = FailsOnLine2(Record(ListWith(12, entry)));

        Assert.Equal("landmarks[12]", ex.Field);
    }

    [Theory]
    [InlineData("[0.5,0.5,0,1.5]")]
    [InlineData("[0.5,0.5,0,-0.01]")]
    [InlineData("{\"x\":0.5,\"y\":0.5,\"z\":0,\"visibility\":2}")]
    public void VisibilityOutsideZeroToOne_IsAnError(string entry)
    {
        MotionFormatException ex = FailsOnLine2(Record(ListWith(7, entry)));

        Assert.Equal("landmarks[7].visibility", ex.Field);
        Assert.Contains("outside [0, 1]", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTimestamp_IsAnError()
    {
        MotionFormatException ex = FailsOnLine2($"{{\"landmarks\": {List(33)}}}");

        Assert.Equal("t_ns", ex.Field);
        Assert.Contains("missing timestamp", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BothTimestamps_IsAnError()
    {
        MotionFormatException ex = FailsOnLine2(Record(List(33), "\"t_ns\": 9000000000, \"t\": 9.0"));

        Assert.Equal("t", ex.Field);
    }

    [Theory]
    [InlineData("\"t_ns\": 9.5e9", "t_ns")]
    [InlineData("\"t_ns\": \"9000000000\"", "t_ns")]
    [InlineData("\"t\": \"9.0\"", "t")]
    [InlineData("\"t\": 1e300", "t")]
    public void BadTimestamp_NamesIt(string time, string field)
    {
        MotionFormatException ex = FailsOnLine2(Record(List(33), time));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void TimestampGoingBackwards_ThrowsWithTheLine()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Line(0), SyntheticPoseJsonl.Line(2), SyntheticPoseJsonl.Line(1));

        MotionFormatException ex = Assert.Throws<MotionFormatException>(() => PoseJsonlReader.Read(file));

        Assert.Equal(3, ex.Line);
        Assert.Equal("t_ns", ex.Field);
    }

    [Theory]
    [InlineData("\"my camera\"")]
    [InlineData("\".hidden\"")]
    [InlineData("7")]
    public void BadDeviceId_IsAnError(string device)
    {
        MotionFormatException ex = FailsOnLine2($"{{\"t_ns\": 9000000000, \"device\": {device}, \"landmarks\": {List(33)}}}");

        Assert.Equal("device", ex.Field);
    }

    [Fact]
    public void BlankLinesCountInLineNumbers()
    {
        string file = _dir.Write("pose.jsonl", string.Empty, SyntheticPoseJsonl.Line(0), string.Empty, Record(List(3)));

        MotionFormatException ex = Assert.Throws<MotionFormatException>(() => PoseJsonlReader.Read(file));

        Assert.Equal(4, ex.Line);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void EmptyOrBlankFile_IsAFileError(int blankLines)
    {
        string file = _dir.Write("pose.jsonl", [.. Enumerable.Repeat("  ", blankLines)]);

        MotionFormatException ex = Assert.Throws<MotionFormatException>(() => PoseJsonlReader.Read(file));

        Assert.Equal(0, ex.Line);
        Assert.Equal("file", ex.Field);
    }
}
