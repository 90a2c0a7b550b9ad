using Echelon.Studio.Configuration;

namespace Echelon.Studio.Tests.Configuration;

public sealed class ExampleConfigurationTests
{
    private static readonly string s_example = Path.Combine(RepositoryRoot(), "docs", "examples", "studio.yaml");

    /// <summary>docs/examples/studio.yaml in this checkout.</summary>
    internal static string ExamplePath => s_example;

    [Fact]
    public void DocsExample_LoadsAndDiffersFromTheDefaultInEverySection()
    {
        StudioConfiguration example = StudioConfiguration.Load(s_example);
        StudioConfiguration d = StudioConfiguration.Default;
        Assert.NotEqual(d.Session, example.Session);
        Assert.NotEqual(d.Devices, example.Devices);
        Assert.NotEqual(d.Audio, example.Audio);
        Assert.NotEqual(d.Equilibrium, example.Equilibrium);
        Assert.NotEqual(d.Tempo, example.Tempo);
        Assert.NotEqual(d.Music, example.Music);
        Assert.NotEqual(d.Mappings, example.Mappings);
        Assert.NotEqual(d.Server, example.Server);
        Assert.NotEqual(d.Osc, example.Osc);
        Assert.NotEqual(d.Midi, example.Midi);

        // It shows every kind of source and target, and the relative recordings folder resolves next to the repository.
        Assert.Equal([SensorSourceKind.Phone, SensorSourceKind.Osc, SensorSourceKind.Synthetic], example.Devices.Sources.Select(s => s.Kind));
        Assert.Equal(Enum.GetValues<MappingTargetKind>(), example.Mappings.Select(m => m.Target.Kind).Distinct().Order());
        Assert.Equal(Path.Combine(RepositoryRoot(), "sessions"), example.Session.RecordingsFolder);
    }

    [Fact]
    public void DocsExample_RoundTripsThroughToYaml()
    {
        StudioConfiguration example = StudioConfiguration.Load(s_example);
        Assert.Equal(example, StudioConfiguration.Parse(example.ToYaml()));
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
