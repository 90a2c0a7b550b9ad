using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;
using Echelon.Protocols.SuperCollider;

namespace Echelon.Cli.Tests.Commands;

public sealed class ScCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "echelon-cli-sc-" + Guid.NewGuid().ToString("N"));

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
    [InlineData("--mode", "blues", "mode", "ionian, dorian")]
    public void ScRender_BadValue_NamesTheFieldAndWritesNothing(string option, string value, string field, string allowed)
    {
        string output = Path.Combine(_root, "out");
        (int code, string stdout, string stderr) = EchelonProcess.Run("sc", "render", "--seconds", "1", option, value, "--out", output, "--json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains($"{field}:", stderr, StringComparison.Ordinal);
        Assert.Contains(allowed, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ScDefs_WritesEveryShippedDef()
    {
        string file = Path.Combine(_root, "defs", "echelon.scsyndef");
        (int code, _, string stderr) = EchelonProcess.Run("sc", "defs", "--out", file);
        Assert.True(code == 0, stderr);
        Assert.Equal(EchelonSynthDefs.All.Select(d => d.Name), SynthDefFile.Read(File.ReadAllBytes(file)).Select(d => d.Name));
    }

    [PeerFact("scsynth")]
    [Trait("Peer", "scsynth")]
    public void ScRender_Json_HasTheDocumentedKeys_AndTheSameNotesAsRender()
    {
        string sc = Path.Combine(_root, "sc");
        string own = Path.Combine(_root, "own");
        (int code, string stdout, string stderr) = EchelonProcess.Run("sc", "render", "--seconds", "3", "--bpm", "100", "--seed", "4", "--out", sc, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        foreach (string key in new[] { "seconds", "notes", "messages", "score", "wav", "peak_dbfs", "rms_dbfs", "scsynth_seconds" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        Assert.True(File.Exists(Path.Combine(sc, "score.osc")));
        Assert.True(File.Exists(Path.Combine(sc, "sc.wav")));
        (code, stdout, stderr) = EchelonProcess.Run("render", "--seconds", "3", "--bpm", "100", "--seed", "4", "--out", own, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument ownDoc = JsonDocument.Parse(stdout);
        Assert.Equal(ownDoc.RootElement.GetProperty("notes").GetInt32(), root.GetProperty("notes").GetInt32());
    }
}
