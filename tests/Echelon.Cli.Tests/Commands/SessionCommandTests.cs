using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;

namespace Echelon.Cli.Tests.Commands;

public sealed class SessionCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "echelon-cli-session-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void RecordValidateInfoReplay_TheSyntheticDancer_RoundTripsByteForByte()
    {
        string take = Path.Combine(_root, "take");
        string again = Path.Combine(_root, "again");

        (int code, string stdout, string stderr) = EchelonProcess.Run("session", "record", "--source", "synthetic", "--seconds", "3", "--seed", "4", "--out", take, "--json");
        Assert.True(code == 0, stderr);
        using (JsonDocument recorded = JsonDocument.Parse(stdout))
        {
            Assert.Equal(300, recorded.RootElement.GetProperty("vectors").GetInt64());
            Assert.Equal(180 + 300, recorded.RootElement.GetProperty("sensor_frames").GetInt64());
            Assert.Equal(0, recorded.RootElement.GetProperty("dropped").GetInt64());
        }

        (code, stdout, stderr) = EchelonProcess.Run("session", "validate", take, "--json");
        Assert.True(code == 0, stderr + stdout);
        using (JsonDocument report = JsonDocument.Parse(stdout))
        {
            Assert.True(report.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal(0, report.RootElement.GetProperty("errors").GetArrayLength());
            JsonElement[] streams = [.. report.RootElement.GetProperty("streams").EnumerateArray()];
            Assert.Equal(3, streams.Length);
            Assert.All(streams, s => Assert.Equal(0, s.GetProperty("torn_bytes").GetInt64()));
            Assert.Equal(300, streams.Single(s => s.GetProperty("name").GetString() == "dynamics128").GetProperty("records").GetInt64());
        }

        (code, stdout, stderr) = EchelonProcess.Run("session", "info", take, "--json");
        Assert.True(code == 0, stderr);
        using (JsonDocument info = JsonDocument.Parse(stdout))
        {
            Assert.Equal("closed", info.RootElement.GetProperty("status").GetString());
        }

        (code, _, stderr) = EchelonProcess.Run("session", "replay", take, "--out", again, "--json");
        Assert.True(code == 0, stderr);
        foreach (string stream in new[] { "dynamics128.jsonl", "sensors.dancer.jsonl", "sensors.phone.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(take, "streams", stream)), File.ReadAllBytes(Path.Combine(again, "streams", stream)));
        }
    }

    [Fact]
    public void Validate_TornTail_ReportsItAndRepairFixesIt()
    {
        string take = Path.Combine(_root, "torn");
        Assert.Equal(0, EchelonProcess.Run("session", "record", "--seconds", "2", "--out", take, "--json").Code);

        // What a kill -9 leaves: the manifest still says "recording" and a stream ends mid-line.
        string manifestPath = Path.Combine(take, "manifest.json");
        string manifest = File.ReadAllText(manifestPath).Replace("\"closed\"", "\"recording\"", StringComparison.Ordinal);
        File.WriteAllText(manifestPath, manifest);
        string stream = Path.Combine(take, "streams", "sensors.phone.jsonl");
        File.AppendAllText(stream, "{\"t\":2000000000,\"device\":\"ph");

        (int code, string stdout, _) = EchelonProcess.Run("session", "validate", take, "--json");
        Assert.Equal(1, code);
        using (JsonDocument report = JsonDocument.Parse(stdout))
        {
            Assert.False(report.RootElement.GetProperty("ok").GetBoolean());
            JsonElement phone = report.RootElement.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "sensors.phone");
            Assert.Equal(28, phone.GetProperty("torn_bytes").GetInt64()); // the appended half line
            Assert.Equal(200, phone.GetProperty("records").GetInt64());
        }

        Assert.Equal(0, EchelonProcess.Run("session", "validate", take, "--repair", "--json").Code);
        (code, stdout, _) = EchelonProcess.Run("session", "validate", take, "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"status\": \"repaired\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_BvhWithoutMotion_ExitsTwoNamingFileLineAndFieldAndWritesNothing()
    {
        string bvh = Path.Combine(_root, "bad.bvh");
        Directory.CreateDirectory(_root);
        File.WriteAllText(bvh, "HIERARCHY\nROOT Hips\n{\n OFFSET 0 0 0\n CHANNELS 3 Xposition Yposition Zposition\n}\n");
        string take = Path.Combine(_root, "never");

        (int code, string stdout, string stderr) = EchelonProcess.Run("session", "record", "--source", "bvh:" + bvh, "--out", take);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains("bad.bvh", stderr, StringComparison.Ordinal);
        Assert.Contains("MOTION", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(take));
    }

    [Theory]
    [InlineData("--source", "midi:x", "not a known source")]
    [InlineData("--seconds", "0", "--seconds must be between 0.1 and 86400")]
    [InlineData("--bpm", "300", "--bpm must be between 40 and 200")]
    public void Record_BadArgument_ExitsTwoWithTheAllowedValues(string option, string value, string message)
    {
        (int code, _, string stderr) = EchelonProcess.Run("session", "record", option, value, "--out", Path.Combine(_root, "x"));
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFolder_IsNotOkAndSaysSo()
    {
        (int code, string stdout, _) = EchelonProcess.Run("session", "validate", Path.Combine(_root, "nothing-here"), "--json");
        Assert.Equal(1, code);
        using JsonDocument report = JsonDocument.Parse(stdout);
        Assert.False(report.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains("does not exist", report.RootElement.GetProperty("errors")[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaDynamics128_PrintsTheCommittedLayout()
    {
        (int code, string stdout, _) = EchelonProcess.Run("schema", "dynamics128");
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal(128, doc.RootElement.GetProperty("slots").GetArrayLength());
    }
}
