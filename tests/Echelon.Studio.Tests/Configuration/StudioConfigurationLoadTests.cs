using Echelon.Core.Equilibrium;
using Echelon.Core.Serialization;
using Echelon.Studio.Configuration;

namespace Echelon.Studio.Tests.Configuration;

/// <summary>Loading from a file: paths resolved against the file's folder, and the files they name checked.</summary>
public sealed class StudioConfigurationLoadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "echelon-config-" + Guid.NewGuid().ToString("N"));

    public StudioConfigurationLoadTests() => Directory.CreateDirectory(Path.Combine(_root, "rig"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_RelativePaths_ResolveAgainstTheFilesFolder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "rig", "takes", "one"));
        ParameterFile.Save(LimRpsParameters.CreateDefault(5, 128, 3), Path.Combine(_root, "rig", "fast.json"));
        string file = Write("""
            session:
              recordings: out/sessions
            devices:
              sources:
                - kind: replay
                  path: takes/one
            equilibrium:
              preset: lim-rps
              parameters: fast.json
            mappings:
              - source: x_star[4]
                target: composer.intensity
            """);

        StudioConfiguration c = StudioConfiguration.Load(file);
        Assert.Equal(Path.Combine(_root, "rig", "out", "sessions"), c.Session.RecordingsFolder);
        Assert.Equal(Path.Combine(_root, "rig", "takes", "one"), Assert.IsType<ReplaySourceSettings>(Assert.Single(c.Devices.Sources)).Path);
        Assert.Equal(Path.Combine(_root, "rig", "fast.json"), c.Equilibrium.ParametersFile);

        // What Load resolved, ToYaml writes out absolute, and it loads back the same from anywhere.
        string copy = Path.Combine(_root, "elsewhere.yaml");
        File.WriteAllText(copy, c.ToYaml());
        Assert.Equal(c, StudioConfiguration.Load(copy));
    }

    [Fact]
    public void Load_WithoutARecordingsKey_KeepsTheDefaultRelativeToTheWorkingDirectory()
    {
        Assert.Equal("sessions", StudioConfiguration.Load(Write("tempo: {bpm: 100}\n")).Session.RecordingsFolder);
    }

    [Fact]
    public void Load_TheParametersFilesLatentSize_BoundsTheLatentSources()
    {
        ParameterFile.Save(LimRpsParameters.CreateDefault(5, 128, 3), Path.Combine(_root, "rig", "fast.json"));
        string file = Write("equilibrium:\n  preset: lim-rps\n  parameters: fast.json\nmappings:\n  - source: x_star[5]\n    target: composer.intensity\n");
        ConfigurationError error = Assert.Single(Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(file)).Errors);
        Assert.Equal((5, 13, "mappings[0].source"), (error.Line, error.Column, error.Field));
        Assert.Equal("x_star[0]–x_star[4]", error.Allowed);
        Assert.Equal("bad value 'x_star[5]' (the fast latent has 5 coordinates); allowed: x_star[0]–x_star[4]", error.Message);
    }

    [Fact]
    public void Load_AParametersFileOfTheOtherKind_IsReportedAtTheParametersKey()
    {
        ParameterFile.Save(LimRpsParameters.CreateDefault(5, 128, 3), Path.Combine(_root, "rig", "fast.json"));
        string file = Write("equilibrium:\n  parameters: fast.json\n");
        ConfigurationError error = Assert.Single(Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(file)).Errors);
        Assert.Equal((2, 15, "equilibrium.parameters", "fast.json"), (error.Line, error.Column, error.Field, error.Value));
        Assert.Equal("an echelon.equilibrium file of kind dell (the preset)", error.Allowed);
        Assert.Contains("LoadLimRps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AParametersFileThatDoesNotReadDynamics128_IsRefused()
    {
        ParameterFile.Save(LimRpsParameters.CreateDefault(5, 12, 3), Path.Combine(_root, "rig", "small.json"));
        string file = Write("equilibrium:\n  preset: lim-rps\n  parameters: small.json\n");
        ConfigurationError error = Assert.Single(Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(file)).Errors);
        Assert.Equal("bad value 'small.json' (its fast layer reads 12 inputs); allowed: an echelon.equilibrium file of kind lim-rps (the preset) that reads 128 inputs (Dynamics128)", error.Message);
    }

    [Fact]
    public void Load_MissingFilesAndFolders_AreReportedTogether()
    {
        string file = Write("devices:\n  sources:\n    - kind: replay\n      path: nowhere\nequilibrium:\n  parameters: missing.json\n");
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(file));
        Assert.Equal(2, e.Errors.Count);
        Assert.Equal((4, 13, "devices.sources[0].path"), (e.Errors[0].Line, e.Errors[0].Column, e.Errors[0].Field));
        Assert.Equal($"bad value 'nowhere' (no such folder: {Path.Combine(_root, "rig", "nowhere")}); allowed: an existing session folder", e.Errors[0].Message);
        Assert.Equal((6, 15, "equilibrium.parameters"), (e.Errors[1].Line, e.Errors[1].Column, e.Errors[1].Field));
        Assert.StartsWith("bad value 'missing.json' (no such file: ", e.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(file, e.SourceName);
    }

    [Fact]
    public void Parse_DoesNotTouchTheFileSystem()
    {
        StudioConfiguration c = StudioConfiguration.Parse("devices:\n  sources:\n    - kind: replay\n      path: nowhere\nequilibrium:\n  parameters: missing.json\n");
        Assert.Equal("nowhere", ((ReplaySourceSettings)c.Devices.Sources[0]).Path);
        Assert.Equal("missing.json", c.Equilibrium.ParametersFile);
    }

    [Fact]
    public void Load_AMissingFile_IsAnIOExceptionNotAConfigurationError()
    {
        Assert.Throws<FileNotFoundException>(() => StudioConfiguration.Load(Path.Combine(_root, "absent.yaml")));
    }

    private string Write(string text)
    {
        string path = Path.Combine(_root, "rig", "studio.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
