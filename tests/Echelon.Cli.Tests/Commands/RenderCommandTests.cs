using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;

namespace Echelon.Cli.Tests.Commands;

public sealed class RenderCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "echelon-cli-render-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("--bpm", "300", "bpm", "40–200")]
    [InlineData("--intensity", "-1", "intensity", "0–1")]
    [InlineData("--key", "H", "key", "C, C#")]
    [InlineData("--mode", "blues", "mode", "ionian, dorian, phrygian, lydian, mixolydian, aeolian, locrian")]
    [InlineData("--format", "mp3", "format", "pcm24, float")]
    public void Render_BadValue_NamesTheFieldAndAllowedValuesAndWritesNothing(string option, string value, string field, string allowed)
    {
        string output = Path.Combine(_root, "out");
        (int code, string stdout, string stderr) = EchelonProcess.Run("render", "--seconds", "1", option, value, "--out", output, "--json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains($"{field}:", stderr, StringComparison.Ordinal);
        Assert.Contains(allowed, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "nothing is written for bad input");
    }

    [Fact]
    public void Render_Json_HasTheDocumentedKeysAndWritesTheFiles()
    {
        string output = Path.Combine(_root, "take");
        (int code, string stdout, string stderr) = EchelonProcess.Run("render", "--seconds", "3", "--bpm", "100", "--key", "D", "--mode", "dorian", "--out", output, "--stems", "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(3.0, root.GetProperty("seconds").GetDouble());
        Assert.True(root.GetProperty("realtime_factor").GetDouble() > 1);
        Assert.True(root.GetProperty("peak_dbfs").GetDouble() <= -0.1);
        Assert.True(root.GetProperty("rms_dbfs").GetDouble() < root.GetProperty("peak_dbfs").GetDouble());
        int notes = root.GetProperty("notes").GetInt32();
        Assert.Equal(notes, root.GetProperty("agents").EnumerateObject().Sum(a => a.Value.GetInt32()));
        Assert.True(File.Exists(Path.Combine(output, "mix.wav")));
        Assert.True(File.Exists(Path.Combine(output, "notes.mid")));
        Assert.Equal(notes, File.ReadAllLines(Path.Combine(output, "notes.jsonl")).Length);
        foreach (string stem in new[] { "drums", "bass", "harmony", "melody", "percussion" })
        {
            Assert.True(File.Exists(Path.Combine(output, "stems", stem + ".wav")), stem);
        }
    }

    [Fact]
    public void Render_ControlScriptWithABadLine_NamesTheLineAndWritesNothing()
    {
        Directory.CreateDirectory(_root);
        string script = Path.Combine(_root, "control.jsonl");
        File.WriteAllText(script, "{\"t\": 0, \"intensity\": 0.2}\n{\"t\": 4, \"intensity\": 2}\n");
        string output = Path.Combine(_root, "never");
        (int code, _, string stderr) = EchelonProcess.Run("render", "--seconds", "2", "--control", script, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("control.jsonl:2: intensity:", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
