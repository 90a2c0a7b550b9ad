using Echelon.Music.Composition;
using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Composition;

public sealed class ArrangementTests
{
    [Fact]
    public void Compose_IsDeterministicSortedAndInsideThePiece()
    {
        var options = new ArrangementOptions { Bpm = 120, Seconds = 16, Seed = 5, Scale = new Scale(2, Mode.Dorian) };
        List<NoteEvent> a = Arrangement.Compose(options);
        List<NoteEvent> b = Arrangement.Compose(options);
        Assert.Equal(a, b);
        Assert.NotEmpty(a);
        for (int i = 1; i < a.Count; i++)
        {
            Assert.True(a[i - 1].StartSample <= a[i].StartSample);
        }

        Assert.All(a, n => Assert.InRange(n.StartSample, 0, (16 * 48_000) - 1));
        Assert.Equal(5, a.Select(n => n.Agent).Distinct().Count());
        Assert.NotEqual(a, Arrangement.Compose(options with { Seed = 6 }));
    }

    [Fact]
    public void Compose_MelodyStaysInTheKey()
    {
        foreach (Mode mode in Enum.GetValues<Mode>())
        {
            var scale = new Scale(7, mode);
            List<NoteEvent> notes = Arrangement.Compose(new ArrangementOptions { Seconds = 20, Scale = scale, Seed = 3 });
            Assert.All(notes.Where(n => n.Agent == AgentKind.Melody), n => Assert.True(scale.Contains(n.Pitch), $"{mode}: {n.Pitch}"));
        }
    }

    [Fact]
    public void Compose_HigherIntensity_GivesMoreAndLouderNotes()
    {
        double previousCount = -1;
        double previousVelocity = -1;
        foreach (float intensity in new[] { 0f, 0.25f, 0.5f, 0.75f, 1f })
        {
            var state = new ControlState(intensity, intensity, 0.5f, 0.5f, 0);
            List<NoteEvent> notes = Arrangement.Compose(new ArrangementOptions { Seconds = 32, Seed = 2, Control = ControlScript.Constant(state) });
            double velocity = notes.Sum(n => n.Velocity);
            Assert.True(notes.Count >= previousCount, $"intensity {intensity}: {notes.Count} notes after {previousCount}");
            Assert.True(velocity >= previousVelocity, $"intensity {intensity}: summed velocity {velocity:F1} after {previousVelocity:F1}");
            previousCount = notes.Count;
            previousVelocity = velocity;
        }
    }

    [Fact]
    public void Compose_ControlScript_ChangesTheMusicWhereItSays()
    {
        ControlScript script = ControlScript.Parse(["{\"t\": 0, \"intensity\": 0.05, \"density\": 0.05}", "{\"t\": 16, \"intensity\": 1, \"density\": 1}"], "test");
        List<NoteEvent> notes = Arrangement.Compose(new ArrangementOptions { Seconds = 32, Seed = 4, Control = script });
        int quiet = notes.Count(n => n.StartSample < 16 * 48_000);
        int loud = notes.Count(n => n.StartSample >= 16 * 48_000);
        Assert.True(loud > 2 * quiet, $"{quiet} notes in the quiet half, {loud} in the loud one");
    }

    [Theory]
    [InlineData(300.0, 4, 10.0, "bpm")]
    [InlineData(120.0, 0, 10.0, "beats per bar")]
    [InlineData(120.0, 4, 0.0, "seconds")]
    public void Options_OutOfRange_NameTheField(double bpm, int beats, double seconds, string field)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Arrangement.Compose(new ArrangementOptions { Bpm = bpm, BeatsPerBar = beats, Seconds = seconds }));
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }
}

public sealed class ArrangementKeyChangeTests
{
    [Fact]
    public void LeadIn_DelaysEveryBar_AndThePieceStillEndsOnTime()
    {
        var straight = new ArrangementOptions { Seconds = 8, Seed = 4, LeadInSeconds = 0 };
        var delayed = straight with { LeadInSeconds = 0.02 };
        List<NoteEvent> a = Arrangement.Compose(straight);
        List<NoteEvent> b = Arrangement.Compose(delayed);
        Assert.Equal(0, a.Min(n => n.StartSample));
        Assert.Equal(960, b.Min(n => n.StartSample));
        Assert.All(b, n => Assert.True(n.StartSample < 8 * 48_000));
        Dictionary<long, int> shifted = a.Where(n => n.StartSample + 960 < 8 * 48_000).GroupBy(n => n.StartSample + 960).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(shifted, b.GroupBy(n => n.StartSample).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Arrangement.Compose(straight with { LeadInSeconds = -0.1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Arrangement.Compose(straight with { LeadInSeconds = 2 }));
    }

    [Fact]
    public void KeyChange_TakesEffectOnTheNextBarLine_AndEveryPitchedNoteFollowsIt()
    {
        // 120 BPM in 4: bars are 2 s. The change is asked for at 9 s, inside bar 4, so it lands on bar 5 (10 s
        // after the first downbeat, which comes after the lead-in).
        ControlScript script = ControlScript.Parse(["{\"t\": 0}", "{\"t\": 9, \"key\": \"Eb\", \"mode\": \"ionian\"}"], "k.jsonl");
        var options = new ArrangementOptions { Bpm = 120, Seconds = 20, Seed = 3, Scale = new Scale(9, Mode.Aeolian), Control = script };
        List<NoteEvent> notes = Arrangement.Compose(options);
        var before = new Scale(9, Mode.Aeolian);
        var after = new Scale(3, Mode.Ionian);
        long change = (10 * 48_000) + (long)Math.Round(options.LeadInSeconds * 48_000);
        NoteEvent[] pitched = [.. notes.Where(n => n.Agent is AgentKind.Bass or AgentKind.Harmony or AgentKind.Melody)];
        Assert.Contains(pitched, n => n.StartSample < change);
        Assert.Contains(pitched, n => n.StartSample >= change);
        foreach (NoteEvent n in pitched)
        {
            Scale expected = n.StartSample < change ? before : after;
            Assert.True(expected.Contains(n.Pitch), $"{n.Agent} note {n.Pitch} at {n.StartSample / 48_000.0:0.###} s is outside {expected}");
        }

        // The first harmony chord in the new key is its tonic (the progression restarts on a key change).
        NoteEvent[] firstChord = [.. pitched.Where(n => n.Agent == AgentKind.Harmony && n.StartSample == change)];
        Assert.NotEmpty(firstChord);
        Assert.Contains(firstChord, n => n.Pitch % 12 == 3);
        Assert.Equal(notes, Arrangement.Compose(options));
    }
}

public sealed class ControlScriptTests
{
    [Fact]
    public void At_ReturnsTheLastLineAtOrBeforeTheTimeAndCarriesFieldsForward()
    {
        ControlScript script = ControlScript.Parse(
            ["{\"t\": 0, \"intensity\": 0.2, \"tension\": 0.9}", "", "{\"t\": 4, \"intensity\": 0.8}", "{\"t\": 8, \"section\": 2}"],
            "s.jsonl");
        Assert.Equal(3, script.Count);
        Assert.Equal(0.2f, script.At(3.99).Intensity);
        Assert.Equal(0.8f, script.At(4).Intensity);
        Assert.Equal(0.9f, script.At(5).Tension);
        Assert.Equal(0.5f, script.At(5).Density);
        Assert.Equal(2, script.At(100).Section);
        Assert.Equal(0.8f, script.At(100).Intensity);
    }

    [Theory]
    [InlineData("{\"t\": 0, \"intensity\": 1.5}", 1, "intensity", "out of range")]
    [InlineData("{\"intensity\": 0.5}", 1, "t", "missing")]
    [InlineData("{\"t\": 0, \"loudness\": 0.5}", 1, "loudness", "unknown field")]
    [InlineData("not json", 1, "json", "not a JSON object")]
    [InlineData("{\"t\": \"soon\"}", 1, "t", "must be a number")]
    [InlineData("{\"t\": 0, \"key\": \"H\"}", 1, "key", "not a key; allowed: C")]
    [InlineData("{\"t\": 0, \"key\": 3}", 1, "key", "not a key")]
    [InlineData("{\"t\": 0, \"mode\": \"blues\"}", 1, "mode", "not a mode; allowed: ionian")]
    public void Parse_BadLine_NamesTheLineAndField(string line, int number, string field, string problem)
    {
        FormatException e = Assert.Throws<FormatException>(() => ControlScript.Parse([line], "c.jsonl"));
        Assert.Contains($"c.jsonl:{number}: {field}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleAt_CarriesKeyAndModeForward_FallingBackToThePiece()
    {
        ControlScript script = ControlScript.Parse(
            ["{\"t\": 0, \"intensity\": 0.5}", "{\"t\": 8, \"key\": \"F#\"}", "{\"t\": 16, \"mode\": \"lydian\"}", "{\"t\": 20, \"intensity\": 1}"],
            "k.jsonl");
        var piece = new Scale(9, Mode.Aeolian);
        Assert.Equal(piece, script.ScaleAt(7.99, piece));
        Assert.Equal(new Scale(6, Mode.Aeolian), script.ScaleAt(8, piece));
        Assert.Equal(new Scale(6, Mode.Lydian), script.ScaleAt(16, piece));
        Assert.Equal(new Scale(6, Mode.Lydian), script.ScaleAt(100, piece));
    }

    [Fact]
    public void Parse_TimeGoingBack_IsRejectedWithTheLine()
    {
        FormatException e = Assert.Throws<FormatException>(() => ControlScript.Parse(["{\"t\": 2}", "{\"t\": 1}"], "c.jsonl"));
        Assert.StartsWith("c.jsonl:2: t: ", e.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ControlScript.Parse(["", "  "], "c.jsonl"));
    }
}
