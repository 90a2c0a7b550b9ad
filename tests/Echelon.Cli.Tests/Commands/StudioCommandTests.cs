using System.Text.Json;
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
}
