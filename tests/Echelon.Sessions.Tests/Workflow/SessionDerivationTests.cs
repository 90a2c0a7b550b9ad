using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Bvh;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Sessions.Replay;
using Echelon.Sessions.Tests.Infrastructure;
using Echelon.Sessions.Validation;
using Echelon.Sessions.Workflow;

namespace Echelon.Sessions.Tests.Workflow;

public sealed class SessionDerivationTests
{
    [Fact]
    public async Task Record_TheSyntheticDancer_WritesAValidSessionWithEveryStream()
    {
        using var temp = new TempDirectory();
        string dir = Path.Combine(temp.Path, "take");
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 4, Seed = 2 });

        RecordingSummary summary = await SessionDerivation.RecordAsync(dancer, dir);

        Assert.Equal(240 + 400, summary.SensorFrames);
        Assert.Equal(400, summary.Vectors);
        Assert.Equal(0, summary.Dropped);
        ValidationReport report = SessionValidator.Validate(dir);
        Assert.True(report.Ok, string.Join("; ", report.Errors));
        Assert.Equal(["dynamics128", "sensors.dancer", "sensors.phone"], report.Streams.Select(s => s.Name).Order(StringComparer.Ordinal).ToArray());
        SessionManifest manifest = SessionReader.Open(dir).Manifest;
        Assert.StartsWith("echelon.dynamics128/1.1/", manifest.FindStream("dynamics128")!.Producer, StringComparison.Ordinal);
        Assert.Same(Echelon.Motion.Skeleton.CanonicalSkeleton.Definition, manifest.FindDevice("dancer")!.Skeleton);
    }

    [Fact]
    public async Task Replay_ThroughTheSameConfiguration_IsByteIdentical()
    {
        using var temp = new TempDirectory();
        string first = Path.Combine(temp.Path, "first");
        string second = Path.Combine(temp.Path, "second");
        string third = Path.Combine(temp.Path, "third");
        using (var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 5, Seed = 3, Dropouts = [new DancerDropout("phone", 1, 0.5)] }))
        {
            await SessionDerivation.RecordAsync(dancer, first);
        }

        await SessionDerivation.ReplayAsync(first, second);
        await SessionDerivation.ReplayAsync(second, third);

        foreach (string stream in new[] { "dynamics128", "sensors.dancer", "sensors.phone" })
        {
            byte[] original = File.ReadAllBytes(SessionFiles.StreamPath(first, stream));
            Assert.Equal(original, File.ReadAllBytes(SessionFiles.StreamPath(second, stream)));
            Assert.Equal(original, File.ReadAllBytes(SessionFiles.StreamPath(third, stream)));
        }
    }

    [Fact]
    public async Task Record_ARealBvhTake_ReplaysToTheSameSkeletonFrames()
    {
        using var temp = new TempDirectory();
        string dir = Path.Combine(temp.Path, "mocap");
        string bvh = Path.Combine(Echelon.Motion.Tests.Infrastructure.SharedTestData.Root, "motion", "cmu-131-bvh11", "131_03.bvh");
        using (var source = new BvhSource(bvh))
        {
            RecordingSummary summary = await SessionDerivation.RecordAsync(source, dir);
            Assert.Equal(1102, summary.SensorFrames);
        }

        using var original = new BvhSource(bvh);
        using var replay = new SessionReplaySource(dir);
        int n = 0;
        while (original.TryRead(out SensorFrame? expected))
        {
            Assert.True(replay.TryRead(out SensorFrame? actual));
            FrameAssert.Equal(expected, actual);
            n++;
        }

        Assert.False(replay.TryRead(out _));
        Assert.Equal(1102, n);
    }

    [Fact]
    public async Task Record_SourceFailingMidway_KeepsEverythingRecordedBeforeAndClosesTheSession()
    {
        using var temp = new TempDirectory();
        string dir = Path.Combine(temp.Path, "failing");
        using var source = new FailingSource(new SyntheticDancer(new SyntheticDancerOptions { Seconds = 10 }), failAfter: 300);

        await Assert.ThrowsAsync<InvalidDataException>(() => SessionDerivation.RecordAsync(source, dir));

        ValidationReport report = SessionValidator.Validate(dir);
        Assert.True(report.Ok, string.Join("; ", report.Errors));
        Assert.Equal(300, report.Streams.Where(s => s.Name.StartsWith("sensors.", StringComparison.Ordinal)).Sum(s => s.Records));
        Assert.True(report.Streams.Single(s => s.Name == "dynamics128").Records > 100);
    }

    [Fact]
    public async Task Record_StopsAtTheRequestedSeconds()
    {
        using var temp = new TempDirectory();
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 30 });
        RecordingSummary summary = await SessionDerivation.RecordAsync(dancer, Path.Combine(temp.Path, "short"), seconds: 2.0);
        Assert.Equal(201, summary.Vectors);
        Assert.Equal(2.0, summary.Seconds, 9);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("bvh:")]
    [InlineData("midi:x")]
    public void SourceSpec_Unknown_ThrowsNamingTheForms(string spec)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => SourceSpec.Open(spec));
        Assert.Contains("synthetic, bvh:<file>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceSpec_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => SourceSpec.Open("bvh:/no/such/file.bvh"));
        Assert.Throws<FileNotFoundException>(() => SourceSpec.Open("replay:/no/such/session"));
    }

    [Fact]
    public void SourceSpec_Synthetic_UsesSeedSecondsAndTempo()
    {
        using ISensorSource source = SourceSpec.Open("synthetic", seed: 7, seconds: 2, bpm: 90);
        var dancer = Assert.IsType<SyntheticDancer>(source);
        Assert.Equal(7UL, dancer.Options.Seed);
        Assert.Equal(90.0, dancer.Options.Bpm);
        Assert.Equal(2.0, dancer.Options.Seconds);
    }

    /// <summary>Passes frames through until <c>failAfter</c>, then fails the way a corrupt input would.</summary>
    private sealed class FailingSource(ISensorSource inner, int failAfter) : ISensorSource
    {
        private int _count;

        public string Name => "failing";

        public IReadOnlyList<SensorDevice> Devices => inner.Devices;

        public long RejectedFrames => 0;

        public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
        {
            if (_count++ == failAfter)
            {
                throw new InvalidDataException("input broke");
            }

            return inner.TryRead(out frame);
        }

        public void Dispose() => inner.Dispose();
    }
}
