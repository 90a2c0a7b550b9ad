using System.Text.Json;
using System.Text.RegularExpressions;
using Echelon.Cli.Tests.Infrastructure;

namespace Echelon.Cli.Tests.Commands;

public sealed class StudioCommandTests
{
    [Fact]
    public void Studio_WithoutADevice_RunsTheInstrumentOnAClock()
    {
        (int code, string stdout, string stderr) = EchelonProcess.Run("studio", "--audio", "none", "--port", "0", "--seconds", "2", "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.StartsWith("null", root.GetProperty("audio").GetString(), StringComparison.Ordinal);
        Assert.InRange(root.GetProperty("seconds").GetDouble(), 1.5, 3);
        Assert.InRange(root.GetProperty("control_frames").GetInt64(), 150, 300);
        Assert.True(root.GetProperty("sensor_frames").GetInt64() > 200);
        Assert.Equal(0, root.GetProperty("late_notes").GetInt64());

        // The default mappings open the low-pass with the body's energy: the dancer's frames are answered between
        // control frames too.
        Assert.True(root.GetProperty("express_updates").GetInt64() > 0);
    }

    [Theory]
    [InlineData("--audio", "alsa", "audio: 'alsa'", "portaudio, none")]
    [InlineData("--source", "kinect", "source: 'kinect'", "synthetic, replay:DIR, osc:PORT")]
    [InlineData("--port", "70000", "port: 70000", "0–65535")]
    [InlineData("--seconds", "-1", "seconds: -1", "0–86400")]
    public void Studio_BadArguments_NameTheOptionAndWhatIsAllowed(string option, string value, string named, string allowed)
    {
        var arguments = new List<string> { "studio", option, value };
        if (option != "--audio")
        {
            arguments.AddRange(["--audio", "none"]);
        }

        if (option != "--seconds")
        {
            arguments.AddRange(["--seconds", "1"]);
        }

        (int code, string stdout, string stderr) = EchelonProcess.Run([.. arguments]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Contains(allowed, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Studio_BadConfiguration_ListsTheLineAndField()
    {
        string file = Path.Combine(Path.GetTempPath(), $"echelon-studio-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "tempo:\n  bpm: 400\n");
        try
        {
            (int code, _, string stderr) = EchelonProcess.Run("studio", "--config", file, "--audio", "none", "--seconds", "1");
            Assert.Equal(2, code);
            Assert.Contains(":2:", stderr, StringComparison.Ordinal);
            Assert.Contains("bpm", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Studio_Https_PrintsTheHttpsAddresses_AndTheCertificatesFingerprint()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"echelon-studio-https-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "studio.yaml");
        File.WriteAllText(file, "server:\n  self_signed_certificate: keys/studio.pfx\n");
        try
        {
            (int code, string stdout, string stderr) = EchelonProcess.Run("studio", "--config", file, "--https", "--audio", "none", "--port", "0", "--seconds", "2", "--json");
            Assert.True(code == 0, stderr);
            Assert.Matches(@"dashboard: https://127\.0\.0\.1:\d+/", stderr);
            Assert.Matches(@"pair:      https://127\.0\.0\.1:\d+/pair\s", stderr);
            string fingerprint = Regex.Match(stderr, "https:     certificate SHA-256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})").Groups[1].Value;
            Assert.NotEqual(string.Empty, fingerprint);
            Assert.Contains($"kept in {Path.Combine(folder, "keys", "studio.pfx")}", stderr, StringComparison.Ordinal);
            Assert.Contains("check that it shows this fingerprint", stderr, StringComparison.Ordinal);
            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.Equal(fingerprint, doc.RootElement.GetProperty("certificate_sha256").GetString());
            Assert.StartsWith("https://", doc.RootElement.GetProperty("dashboard").GetString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "keys", "studio.pfx")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Studio_ABadCertificate_NamesTheFieldAndTheLine()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"echelon-studio-https-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "studio.yaml");
        File.WriteAllText(file, "server:\n  https: on\n  certificate: missing.pfx\n");
        try
        {
            (int code, string stdout, string stderr) = EchelonProcess.Run("studio", "--config", file, "--audio", "none", "--port", "0", "--seconds", "1");
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains($"studio.yaml:3:16: server.certificate: bad value 'missing.pfx' (no such file: {Path.Combine(folder, "missing.pfx")})", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Studio_Help_DescribesHttps()
    {
        (int code, string stdout, _) = EchelonProcess.Run("studio", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--https", stdout, StringComparison.Ordinal);
        Assert.Contains("self-signed", stdout, StringComparison.Ordinal);
    }
}
