using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;
using Echelon.Studio.Configuration;

namespace Echelon.Cli.Tests.Commands;

public sealed class ConfigCommandTests : IDisposable
{
    private const string Broken = "tempo:\n  bpm: 300\n  bmp: 3\nmappings:\n  - source: slot:kinetic_enrgy\n    target: composer.intensity\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "echelon-cli-config-" + Guid.NewGuid().ToString("N"));

    public ConfigCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void InitThenValidate_TheDefaultConfiguration_IsValid()
    {
        string file = Path.Combine(_root, "nested", "studio.yaml");
        (int code, string stdout, string stderr) = EchelonProcess.Run("config", "init", "--out", file);
        Assert.True(code == 0, stderr);
        Assert.Equal($"wrote {file}\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(StudioConfiguration.Default, StudioConfiguration.Parse(File.ReadAllText(file)));

        (code, stdout, stderr) = EchelonProcess.Run("config", "validate", file);
        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(
            $"valid: {file}: equilibrium dell, tempo following from 120 BPM within 60–180, sources: synthetic, 5 mappings, audio 48000 Hz in blocks of 128, server 127.0.0.1:5001\n",
            stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Init_WithoutOut_PrintsTheCommentedDefault()
    {
        (int code, string stdout, _) = EchelonProcess.Run("config", "init");
        Assert.Equal(0, code);
        Assert.Equal(StudioConfiguration.Default.ToYaml(), stdout);
        Assert.StartsWith("# Echelon studio configuration", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_AnExistingFile_IsKeptUnlessForced()
    {
        string file = Path.Combine(_root, "studio.yaml");
        File.WriteAllText(file, "tempo: {bpm: 90}\n");
        (int code, _, string stderr) = EchelonProcess.Run("config", "init", "--out", file);
        Assert.Equal(2, code);
        Assert.Equal($"error: {file} exists; add --force to overwrite it.", stderr.TrimEnd());
        Assert.Equal("tempo: {bpm: 90}\n", File.ReadAllText(file));

        Assert.Equal(0, EchelonProcess.Run("config", "init", "--out", file, "--force").Code);
        Assert.Equal(StudioConfiguration.Default.ToYaml(), File.ReadAllText(file));
    }

    [Fact]
    public void Validate_ABrokenFile_PrintsEveryErrorOnStderrAndExitsTwo()
    {
        string file = Write("broken.yaml", Broken);
        (int code, string stdout, string stderr) = EchelonProcess.Run("config", "validate", file);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(
            [
                $"{file}:2:8: tempo.bpm: bad value '300'; allowed: 40–200",
                $"{file}:3:3: tempo.bmp: unknown key 'bmp'; allowed: mode, bpm, min_bpm, max_bpm, max_change_per_second; did you mean 'bpm'?",
                $"{file}:5:13: mappings[0].source: bad value 'slot:kinetic_enrgy' (no Dynamics128 slot is named 'kinetic_enrgy'; did you mean 'slot:kinetic_energy'?); allowed: x_star[i], y_star[i], psi, phi or slot:<Dynamics128 slot name>",
            ],
            stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Validate_Json_ABrokenFile_IsOneObjectWithEveryError()
    {
        string file = Write("broken.yaml", Broken);
        (int code, string stdout, string stderr) = EchelonProcess.Run("config", "validate", file, "--json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stderr);
        using JsonDocument report = JsonDocument.Parse(stdout);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        JsonElement[] errors = [.. report.RootElement.GetProperty("errors").EnumerateArray()];
        Assert.Equal(3, errors.Length);
        JsonElement first = errors[0];
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        Assert.Equal(8, first.GetProperty("column").GetInt32());
        Assert.Equal("tempo.bpm", first.GetProperty("field").GetString());
        Assert.Equal("300", first.GetProperty("value").GetString());
        Assert.Equal("40–200", first.GetProperty("allowed").GetString());
        Assert.Equal("bad value '300'; allowed: 40–200", first.GetProperty("message").GetString());
        Assert.Equal(["tempo.bpm", "tempo.bmp", "mappings[0].source"], errors.Select(e => e.GetProperty("field").GetString()));
        Assert.Contains("'bmp'", stdout, StringComparison.Ordinal); // readable, not \u0027-escaped
    }

    [Fact]
    public void Validate_Json_AValidFile_SaysSo()
    {
        string file = Write("ok.yaml", "tempo:\n  mode: fixed\n  bpm: 90\n");
        (int code, string stdout, _) = EchelonProcess.Run("config", "validate", file, "--json");
        Assert.Equal(0, code);
        Assert.Equal("{\"valid\":true,\"errors\":[]}", stdout.TrimEnd());
    }

    [Fact]
    public void Validate_AMissingFile_ExitsTwoAndSaysWhichFile()
    {
        string file = Path.Combine(_root, "absent.yaml");
        (int code, _, string stderr) = EchelonProcess.Run("config", "validate", file);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(file, stderr, StringComparison.Ordinal);

        (code, string stdout, _) = EchelonProcess.Run("config", "validate", file, "--json");
        Assert.Equal(2, code);
        using JsonDocument report = JsonDocument.Parse(stdout);
        JsonElement error = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("line").ValueKind);
        Assert.Contains(file, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TheDocsExample_IsValid()
    {
        string example = Path.Combine(RepositoryRoot(), "docs", "examples", "studio.yaml");
        (int code, string stdout, string stderr) = EchelonProcess.Run("config", "validate", example);
        Assert.True(code == 0, stderr);
        Assert.StartsWith($"valid: {example}: equilibrium dell, tempo following from 104 BPM within 84–132, sources: phone, osc, synthetic, 9 mappings", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_PrintsTheEffectiveConfiguration()
    {
        (int code, string stdout, _) = EchelonProcess.Run("config", "show");
        Assert.Equal(0, code);
        Assert.Equal(StudioConfiguration.Default.ToYaml(), stdout);

        Directory.CreateDirectory(Path.Combine(_root, "takes"));
        string file = Write("rig.yaml", "session:\n  recordings: takes\ntempo:\n  mode: fixed\n");
        (code, stdout, string stderr) = EchelonProcess.Run("config", "show", "--config", file);
        Assert.True(code == 0, stderr);
        StudioConfiguration shown = StudioConfiguration.Parse(stdout);
        Assert.Equal(Path.Combine(_root, "takes"), shown.Session.RecordingsFolder);
        Assert.Equal(TempoMode.Fixed, shown.Tempo.Mode);
        Assert.Equal(StudioConfiguration.Default.Mappings, shown.Mappings);
    }

    [Fact]
    public void Show_ABrokenFile_PrintsTheErrorsInstead()
    {
        string file = Write("broken.yaml", Broken);
        (int code, string stdout, string stderr) = EchelonProcess.Run("config", "show", "--config", file);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(3, stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith($"{file}:2:8: tempo.bpm: ", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Echelon.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException($"No Echelon.slnx above {AppContext.BaseDirectory}.");
    }
}
