using Echelon.Motion.Bvh;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Bvh;

/// <summary>Each bad input gives a <see cref="MotionFormatException"/> naming the line and field (see <see cref="BvhText.Valid"/> for line numbers).</summary>
public sealed class BvhFormatErrorTests
{
    private static MotionFormatException Fails(string text, BvhReadOptions? options = null)
    {
        var e = Assert.Throws<MotionFormatException>(() => BvhText.Parse(text, options));
        Assert.Equal("inline.bvh", e.File);
        Assert.Contains("inline.bvh", e.Message, StringComparison.Ordinal);
        return e;
    }

    private static void AssertAt(MotionFormatException e, int line, string field)
    {
        Assert.True(line == e.Line && field == e.Field, $"expected line {line} field '{field}'; got line {e.Line} field '{e.Field}': {e.Message}");
    }

    [Fact]
    public void TheValidFile_Parses()
    {
        BvhFile file = BvhText.Parse(BvhText.Join(BvhText.Valid));

        Assert.Equal(2, file.JointCount);
        Assert.Equal(1, file.EndSiteCount);
        Assert.Equal(["Hips", "Spine", "Spine_End"], file.Names);
        Assert.Equal([-1, 0, 1], file.Parents);
        Assert.Equal(9, file.ChannelCount);
        Assert.Equal(2, file.FrameCount);
        Assert.Equal(0.01, file.FrameTimeSeconds);
        Assert.Equal(10.0, file.GetFrame(1)[3]);
    }

    [Fact]
    public void CrlfTabsAndExtraSpaces_ParseTheSame()
    {
        string text = string.Join("\r\n", BvhText.Valid.Select(l => "\t " + l.Replace(" ", " \t ", StringComparison.Ordinal) + " \t")) + "\r\n\r\n";

        BvhFile file = BvhText.Parse(text);

        Assert.Equal(["Hips", "Spine", "Spine_End"], file.Names);
        Assert.Equal(2, file.FrameCount);
        Assert.Equal(BvhText.Parse(BvhText.Join(BvhText.Valid)).Motion.ToArray(), file.Motion.ToArray());
    }

    [Fact]
    public void OpeningBraceOnTheJointsLine_AndLowerCaseKeywords_Parse()
    {
        string text = BvhText.With(2, "root Hips {").Replace("root Hips {\n{\n", "root Hips {\n", StringComparison.Ordinal);

        BvhFile file = BvhText.Parse(text);

        Assert.Equal("Hips", file.Names[0]);
    }

    [Fact]
    public void EmptyFile_MissingHierarchy()
    {
        AssertAt(Fails(string.Empty), 0, "HIERARCHY");
    }

    [Fact]
    public void NoHierarchyKeyword_IsReportedOnTheFirstLine()
    {
        AssertAt(Fails(BvhText.With(1, null)), 1, "HIERARCHY");
    }

    [Fact]
    public void NoMotionSection()
    {
        MotionFormatException e = Fails(BvhText.Join(BvhText.Valid.Take(15)));

        AssertAt(e, 0, "MOTION");
        Assert.Contains("15", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownChannelName()
    {
        MotionFormatException e = Fails(BvhText.With(9, "    CHANNELS 3 Zrotation Wrotation Yrotation"));

        AssertAt(e, 9, "CHANNELS");
        Assert.Contains("Wrotation", e.Problem, StringComparison.Ordinal);
        Assert.Contains("Spine", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    CHANNELS 4 Zrotation Xrotation Yrotation")]
    [InlineData("    CHANNELS 2 Zrotation Xrotation Yrotation")]
    [InlineData("    CHANNELS three Zrotation Xrotation Yrotation")]
    [InlineData("    CHANNELS")]
    public void ChannelCountNotMatchingTheNames(string line)
    {
        AssertAt(Fails(BvhText.With(9, line)), 9, "CHANNELS");
    }

    [Fact]
    public void MotionLineWithTooFewValues_SaysExpectedAndActual()
    {
        MotionFormatException e = Fails(BvhText.With(20, "0 1 0 10 0 0 0 0"));

        AssertAt(e, 20, "values");
        Assert.Contains("8 values", e.Problem, StringComparison.Ordinal);
        Assert.Contains("expected 9", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MotionLineWithTooManyValues()
    {
        MotionFormatException e = Fails(BvhText.With(19, "0 1 0 0 0 0 0 0 0 0"));

        AssertAt(e, 19, "values");
        Assert.Contains("10 values", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 1 0 10 abc 0 0 0 0", "Hips.Xrotation", "column 5")]
    [InlineData("x 1 0 10 0 0 0 0 0", "Hips.Xposition", "column 1")]
    [InlineData("0 1 0 10 0 0 0 0 1,5", "Spine.Yrotation", "column 9")]
    public void NonNumericValue_NamesTheChannelAndColumn(string line, string field, string column)
    {
        MotionFormatException e = Fails(BvhText.With(20, line));

        AssertAt(e, 20, field);
        Assert.Contains(column, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerFrameLinesThanDeclared_IsAnErrorByDefault()
    {
        MotionFormatException e = Fails(BvhText.With(17, "Frames: 3"));

        AssertAt(e, 17, "Frames");
        Assert.Contains("3", e.Problem, StringComparison.Ordinal);
        Assert.Contains("2", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerFrameLinesThanDeclared_WithAllowTruncatedMotion_KeepsThePresentFrames()
    {
        BvhFile file = BvhText.Parse(BvhText.With(17, "Frames: 5"), new BvhReadOptions { AllowTruncatedMotion = true, UnitScale = 1 });

        Assert.Equal(2, file.FrameCount);
        Assert.Equal(5, file.DeclaredFrameCount);
        Assert.Equal(3, file.MissingFrameCount);
    }

    [Fact]
    public void ALastLineCutMidway_IsAValuesErrorByDefault_AndDroppedWithAllowTruncatedMotion()
    {
        string cut = BvhText.With(20, "0 1 0 10");

        AssertAt(Fails(cut), 20, "values");

        BvhFile file = BvhText.Parse(cut, new BvhReadOptions { AllowTruncatedMotion = true, UnitScale = 1 });
        Assert.Equal(1, file.FrameCount);
        Assert.Equal(1, file.MissingFrameCount);
    }

    [Fact]
    public void AShortLineFollowedByMore_IsAnErrorEvenWithAllowTruncatedMotion()
    {
        string text = BvhText.Join([.. BvhText.Valid.Take(16), "Frames: 3", "Frame Time: 0.01", "0 1 0 0 0 0 0 0 0", "0 1 0", "0 1 0 0 0 0 0 0 0"]);

        AssertAt(Fails(text, new BvhReadOptions { AllowTruncatedMotion = true }), 20, "values");
    }

    [Fact]
    public void MoreFrameLinesThanDeclared()
    {
        MotionFormatException e = Fails(BvhText.With(17, "Frames: 1"));

        AssertAt(e, 20, "Frames");
        Assert.Contains("17", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedJoint_IsReportedAtMotion()
    {
        MotionFormatException e = Fails(BvhText.With(14, null));

        AssertAt(e, 15, "}");
        Assert.Contains("Hips", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExtraClosingBrace()
    {
        string text = BvhText.Join([.. BvhText.Valid.Take(15), "}", .. BvhText.Valid.Skip(15)]);

        AssertAt(Fails(text), 16, "}");
    }

    [Fact]
    public void AJointWithoutItsOpeningBrace()
    {
        AssertAt(Fails(BvhText.With(7, null)), 7, "{");
    }

    [Theory]
    [InlineData("Frame Time: 0")]
    [InlineData("Frame Time: -0.01")]
    [InlineData("Frame Time: abc")]
    [InlineData("Frame Time: NaN")]
    [InlineData("Frame Time:")]
    public void FrameTimeNotPositiveOrNotANumber(string line)
    {
        AssertAt(Fails(BvhText.With(18, line)), 18, "Frame Time");
    }

    [Theory]
    [InlineData("Frames: -1")]
    [InlineData("Frames: two")]
    [InlineData("Frame count: 2")]
    public void BadFramesLine(string line)
    {
        AssertAt(Fails(BvhText.With(17, line)), 17, "Frames");
    }

    [Fact]
    public void MissingFramesLine()
    {
        AssertAt(Fails(BvhText.With(17, null)), 17, "Frames");
    }

    [Theory]
    [InlineData("    OFFSET 0 1")]
    [InlineData("    OFFSET 0 one 0")]
    [InlineData("    OFFSET 0 NaN 0")]
    public void BadOffset(string line)
    {
        AssertAt(Fails(BvhText.With(8, line)), 8, "OFFSET");
    }

    [Fact]
    public void AJointWithoutOffset()
    {
        AssertAt(Fails(BvhText.With(8, null)), 13, "OFFSET");
    }

    [Fact]
    public void ARepeatedJointName()
    {
        AssertAt(Fails(BvhText.With(6, "  JOINT hips")), 6, "JOINT");
    }

    [Fact]
    public void AnUnknownKeyword()
    {
        AssertAt(Fails(BvhText.With(9, "    CHANNEL 3 Zrotation Xrotation Yrotation")), 9, "CHANNEL");
    }

    [Fact]
    public void ChannelsOnAnEndSite()
    {
        AssertAt(Fails(BvhText.With(12, "      CHANNELS 1 Zrotation")), 12, "CHANNELS");
    }

    [Fact]
    public void ASecondRoot()
    {
        string text = BvhText.Join([.. BvhText.Valid.Take(15), "ROOT Other", "{", "OFFSET 0 0 0", "}", .. BvhText.Valid.Skip(15)]);

        AssertAt(Fails(text), 16, "ROOT");
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("nan", double.NaN)]
    [InlineData("-nan", double.NaN)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("1.#INF", double.PositiveInfinity)]
    [InlineData("-1.#IND", double.NaN)]
    [InlineData("1e3", 1000.0)]
    [InlineData(".5", 0.5)]
    public void NonFiniteLiterals_InMotionLines_AreReadNotRejected(string literal, double expected)
    {
        BvhFile file = BvhText.Parse(BvhText.With(20, $"0 1 0 {literal} 0 0 0 0 0"));

        Assert.Equal(expected, file.GetFrame(1)[3]);
        Assert.Equal(double.IsFinite(expected), file.IsFrameFinite(1));
        Assert.True(file.IsFrameFinite(0));
    }

    [Fact]
    public void AnInvalidUnitScaleOverride_IsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BvhText.Parse(BvhText.Join(BvhText.Valid), new BvhReadOptions { UnitScale = 0 }));
    }
}
