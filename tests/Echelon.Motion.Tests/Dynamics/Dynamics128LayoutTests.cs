using System.Text.Json;
using Echelon.Motion.Dynamics;

namespace Echelon.Motion.Tests.Dynamics;

public sealed class Dynamics128LayoutTests
{
    [Fact]
    public void Slots_AreExactly128InOrderWithUniqueNamesAndTheDesignGroups()
    {
        IReadOnlyList<SlotDefinition> slots = Dynamics128Layout.Slots;
        Assert.Equal(128, slots.Count);
        Assert.Equal(128, slots.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        for (int i = 0; i < 128; i++)
        {
            Assert.Equal(i, slots[i].Index);
            SlotGroup expected = i < 16 ? SlotGroup.Body : i < 80 ? SlotGroup.EndEffector : i < 96 ? SlotGroup.Imu : i < 112 ? SlotGroup.Rhythm : SlotGroup.Audio;
            Assert.Equal(expected, slots[i].Group);
            Assert.True(slots[i].Scale > 0 && slots[i].Clip > 0, slots[i].Name);
        }

        Assert.Equal("onset_strength", slots[Dynamics128Layout.OnsetStrength].Name);
        Assert.Equal("tempo", slots[Dynamics128Layout.Tempo].Name);
        Assert.Equal("phase_sin", slots[Dynamics128Layout.PhaseSin].Name);
        Assert.Equal("phase_cos", slots[Dynamics128Layout.PhaseCos].Name);
        Assert.Equal("beat_energy", slots[Dynamics128Layout.BeatEnergy].Name);
        Assert.Equal("head_vel_x", slots[16].Name);
        Assert.Equal("chest_dist_rel_root", slots[79].Name);
        Assert.Equal("imu1_gyro_mag", slots[95].Name);
    }

    [Fact]
    public void DefaultRhythmSlotsOfDell_AreOnsetStrengthAndBeatEnergy()
    {
        // Echelon.Core's DELL reads slots 96 and 101 for its phase head; the layout must put them there.
        Assert.Equal([96, 101], Echelon.Core.Dell.DellParameters.DefaultRhythmSlots);
        Assert.Equal(Dynamics128Layout.OnsetStrength, Echelon.Core.Dell.DellParameters.DefaultRhythmSlots[0]);
        Assert.Equal(Dynamics128Layout.BeatEnergy, Echelon.Core.Dell.DellParameters.DefaultRhythmSlots[1]);
    }

    [Fact]
    public void Normalize_AppliesOffsetScaleAndClip()
    {
        SlotDefinition tempo = Dynamics128Layout.Slots[Dynamics128Layout.Tempo];
        Assert.Equal(0f, tempo.Normalize(120f));
        Assert.Equal(1f, tempo.Normalize(180f), 5);
        Assert.Equal(-2f, tempo.Normalize(-500f));
    }

    [Fact]
    public void SchemaJson_HasVersionAndEverySlot()
    {
        using JsonDocument doc = JsonDocument.Parse(Dynamics128Layout.ToSchemaJson());
        JsonElement root = doc.RootElement;
        Assert.Equal(Dynamics128Layout.Version, root.GetProperty("layout_version").GetString());
        Assert.Equal(128, root.GetProperty("size").GetInt32());
        JsonElement slots = root.GetProperty("slots");
        Assert.Equal(128, slots.GetArrayLength());
        JsonElement tempo = slots[Dynamics128Layout.Tempo];
        Assert.Equal("tempo", tempo.GetProperty("name").GetString());
        Assert.Equal("bpm", tempo.GetProperty("unit").GetString());
        Assert.Equal("rhythm", tempo.GetProperty("group").GetString());
        Assert.Equal(120.0, tempo.GetProperty("normalization").GetProperty("offset").GetDouble());
    }

    [Fact]
    public void CommittedSchemaFile_MatchesTheLayout()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "schemas", "dynamics128.schema.json");
        Assert.True(File.Exists(path), $"{path} is missing: regenerate it with `echelon schema dynamics128 --out {path}`");
        Assert.Equal(Dynamics128Layout.ToSchemaJson(), File.ReadAllText(path));
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
