using System.Text;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;

namespace Echelon.Sessions.Tests;

public sealed class SessionManifestTests
{
    private static readonly string s_sha = new('a', 64);

    [Fact]
    public void ToJson_FromJson_RoundTripsEveryField()
    {
        SessionManifest manifest = Closed();
        string json = manifest.ToJson();
        SessionManifest back = SessionManifest.FromJson(json);

        Assert.Equal(manifest.Id, back.Id);
        Assert.Equal(manifest.Created, back.Created);
        Assert.Equal(TimeSpan.Zero, back.Created.Offset);
        Assert.Equal(manifest.SoftwareVersion, back.SoftwareVersion);
        Assert.Equal(manifest.ConfigHash, back.ConfigHash);
        Assert.Equal(SessionStatus.Closed, back.Status);
        Assert.Equal(1, back.SchemaVersion);
        Assert.Equal(manifest.Devices.Select(d => (d.Id, d.Kind, d.RateHz, d.Description)), back.Devices.Select(d => (d.Id, d.Kind, d.RateHz, d.Description)));
        Assert.Equal(
            manifest.Streams.Select(s => (s.Name, s.File, s.Producer, s.RateHz, s.Records, s.Bytes, s.Sha256, s.Dropped, s.Rejected)),
            back.Streams.Select(s => (s.Name, s.File, s.Producer, s.RateHz, s.Records, s.Bytes, s.Sha256, s.Dropped, s.Rejected)));

        // The canonical skeleton comes back as the shared instance, other skeletons as equal copies.
        Assert.Same(CanonicalSkeleton.Definition, back.FindDevice("dancer")!.Skeleton);
        Assert.Same(CanonicalSkeleton.Definition, back.Skeletons["canonical"]);
        Assert.Equal(["root", "arm"], back.FindDevice("bvh")!.Skeleton!.JointNames);
        Assert.Equal(json, back.ToJson());
    }

    [Fact]
    public void ToJson_IsIndentedWithLfAndTheDocumentedKeys()
    {
        string json = Closed().ToJson();
        Assert.DoesNotContain('\r', json);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        foreach (string key in new[] { "format", "schema_version", "id", "created", "software_version", "config_hash", "status", "devices", "rate_hz", "skeleton", "joints", "parents", "streams", "file", "producer", "records", "bytes", "sha256", "dropped", "rejected" })
        {
            Assert.Contains($"\"{key}\":", json, StringComparison.Ordinal);
        }

        Assert.Contains("\"file\": \"streams/sensors.phone.jsonl\"", json, StringComparison.Ordinal);
        Assert.Contains("\"created\": \"2025-03-04T05:06:07.0000000Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAndLoad_AtomicAndAcceptsABom()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "manifest.json");
        Closed().Save(path);
        Closed().Save(path);
        Assert.Single(Directory.GetFiles(dir.Path));
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. File.ReadAllBytes(path)]);
        Assert.Equal("s1", SessionManifest.Load(path).Id);
    }

    [Theory]
    [InlineData("\"schema_version\": 1", "\"schema_version\": 2", "$.schema_version", "2")]
    [InlineData("\"schema_version\": 1", "\"schema_version\": \"1\"", "$.schema_version", "must be a whole number")]
    [InlineData("\"format\": \"echelon.session\"", "\"format\": \"other\"", "$.format", "echelon.session")]
    [InlineData("\"status\": \"closed\"", "\"status\": \"done\"", "$.status", "recording")]
    [InlineData("\"created\": \"2025-03-04T05:06:07.0000000Z\"", "\"created\": \"2025-03-04T05:06:07+01:00\"", "$.created", "UTC")]
    [InlineData("\"kind\": \"imu\"", "\"kind\": \"radar\"", "$.devices[0].kind", "imu")]
    [InlineData("\"rate_hz\": 100,\n      \"description\"", "\"rate_hz\": 0,\n      \"description\"", "$.devices[0].rate_hz", "> 0")]
    [InlineData("\"id\": \"phone\"", "\"id\": \"ph one\"", "$.devices[0].id", "not allowed")]
    [InlineData("\"file\": \"streams/sensors.phone.jsonl\"", "\"file\": \"../etc/passwd\"", "$.streams[0].file", "streams/sensors.phone.jsonl")]
    [InlineData("\"records\": 10,", "\"records\": -1,", "$.streams[0].records", ">= 0")]
    [InlineData("\"records\": 10,", "\"records\": 10.5,", "$.streams[0].records", "whole number")]
    [InlineData("\"records\": 10,", "", "$.streams[0].records", "together")]
    [InlineData("\"config_hash\": \"cfg\",", "\"config_hash\": \"cfg\", \"extra\": 1,", "$.extra", "not a field")]
    [InlineData("\"config_hash\": \"cfg\",", "\"config_hash\": \"cfg\", \"config_hash\": \"cfg\",", "$.config_hash", "twice")]
    [InlineData("\"parents\": [\n          -1,\n          0\n        ]", "\"parents\": [\n          -1,\n          5\n        ]", "$.devices[2].skeleton", "parent")]
    [InlineData("\"name\": \"sensors.phone\"", "\"name\": \"sensors.watch\"", "$.streams[0].file", "sensors.watch")]
    public void FromJson_BadField_NamesTheJsonPath(string find, string replace, string path, string problem)
    {
        string json = Closed().ToJson();
        Assert.Contains(find, json, StringComparison.Ordinal);
        SessionFormatException ex = Assert.Throws<SessionFormatException>(() => SessionManifest.FromJson(json.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Equal(path, ex.Field);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_ClosedWithoutCounts_IsAnError()
    {
        SessionManifest recording = Closed().With(SessionStatus.Recording, [.. Closed().Streams.Select(s => s.WithoutCounts())]);
        string json = recording.ToJson().Replace("\"recording\"", "\"closed\"", StringComparison.Ordinal);
        SessionFormatException ex = Assert.Throws<SessionFormatException>(() => SessionManifest.FromJson(json));
        Assert.Equal("$.streams[0].records", ex.Field);
    }

    [Fact]
    public void FromJson_Truncated_IsAFormatErrorWithALine()
    {
        string json = Closed().ToJson();
        SessionFormatException ex = Assert.Throws<SessionFormatException>(() => SessionManifest.FromJson(json[..(json.Length / 2)]));
        Assert.Equal("$", ex.Field);
        Assert.True(ex.Line > 1);
    }

    [Fact]
    public void Constructor_Inconsistent_ThrowsArgumentExceptionWithThePath()
    {
        var phone = new SessionDevice("phone", SensorKind.Imu, 100, "");
        Assert.Contains("$.devices[1].id", Assert.Throws<ArgumentException>(() => Make([phone, phone], [])).Message, StringComparison.Ordinal);
        Assert.Contains("$.streams[0].name", Assert.Throws<ArgumentException>(() => Make([], [new SessionStreamInfo("sensors.phone", "p", 1)])).Message, StringComparison.Ordinal);
        var other = new SkeletonDefinition("canonical", ["a"], [-1]);
        Assert.Contains(
            "skeleton",
            Assert.Throws<ArgumentException>(() => Make(
                [new SessionDevice("a", SensorKind.Skeleton, 1, "", CanonicalSkeleton.Definition), new SessionDevice("b", SensorKind.Skeleton, 1, "", other)],
                [])).Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SessionDevice("dancer", SensorKind.Skeleton, 50, ""));
        Assert.Throws<ArgumentException>(() => new SessionDevice("phone", SensorKind.Imu, 50, "", CanonicalSkeleton.Definition));
        Assert.Throws<ArgumentException>(() => new SessionStreamInfo("../x", "p", 1));
        Assert.Throws<ArgumentException>(() => new SessionStreamInfo("x", "p", 1, 1, 1, "ABC"));
    }

    private static SessionManifest Make(IReadOnlyList<SessionDevice> devices, IReadOnlyList<SessionStreamInfo> streams) =>
        new("s", DateTimeOffset.UnixEpoch, "1", "", SessionStatus.Recording, devices, streams);

    private static SessionManifest Closed() => new(
        "s1",
        new DateTimeOffset(2025, 3, 4, 6, 6, 7, TimeSpan.FromHours(1)),
        "0.1.0+abc",
        "cfg",
        SessionStatus.Closed,
        [
            new SessionDevice("phone", SensorKind.Imu, 100, "phone, right hand"),
            new SessionDevice("dancer", SensorKind.Skeleton, 50, "synthetic", CanonicalSkeleton.Definition),
            new SessionDevice("bvh", SensorKind.Skeleton, 120, "file.bvh", new SkeletonDefinition("file.bvh", ["root", "arm"], [-1, 0])),
        ],
        [
            new SessionStreamInfo("sensors.phone", "synthetic", 100, 10, 1000, s_sha, 0, 0),
            new SessionStreamInfo("sensors.dancer", "synthetic", 50, 5, 500, s_sha, 1, 2),
            new SessionStreamInfo("sensors.bvh", "bvh:file.bvh", 120, 0, 0, s_sha),
            new SessionStreamInfo("dynamics128", "builder/v1/cfg", 100, 10, 15000, s_sha, 0, 0),
            new SessionStreamInfo("annotations", "performer", 1, 0, 0, s_sha),
        ]);
}
