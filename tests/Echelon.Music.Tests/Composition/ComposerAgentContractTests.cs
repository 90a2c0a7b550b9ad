using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Testing;

namespace Echelon.Music.Tests.Composition;

/// <summary>What every composer agent promises (STYLE habit 16: one contract suite, inherited by each implementation).</summary>
public abstract class ComposerAgentContractTests
{
    private static readonly double[] s_sweep = [0.0, 0.25, 0.5, 0.75, 1.0];

    protected abstract AgentKind Kind { get; }

    /// <summary>Whether the mean velocity of a 16-bar sweep must rise with intensity too (not only the note count).</summary>
    protected virtual bool VelocityRisesWithIntensity => true;

    protected abstract IComposerAgent Create(ulong seed);

    protected abstract bool InRegister(byte pitch);

    public static TheoryData<double, double, int> Tempos => new()
    {
        { 120.0, 0.0, 4 },
        { 90.0, 0.5, 4 },
        { 150.0, 1.0, 4 },
        { 133.0, 0.75, 4 },   // 21654.135… samples per beat: the grid is not integral
        { 40.0, 0.3, 4 },
        { 200.0, 0.9, 4 },
        { 100.0, 1.0, 3 },
        { 110.0, 0.6, 5 },
        { 95.0, 0.2, 7 },
    };

    [Fact]
    public void Kind_MatchesTheStem()
    {
        Assert.Equal(Kind, Create(1).Kind);
    }

    [Theory]
    [MemberData(nameof(Tempos))]
    public void Notes_StartInsideTheirBar_WithPositiveDurationsAndVelocitiesInRange(double bpm, double intensity, int beatsPerBar)
    {
        IComposerAgent agent = Create(7);
        BarContext[] bars = ComposerTestKit.Bars(
            24, new Scale(9, Mode.Aeolian), bar => ComposerTestKit.Control(intensity, section: bar / 8), bpm, beatsPerBar, firstSample: 12_345);

        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(agent, bars);

        int total = 0;
        for (int b = 0; b < bars.Length; b++)
        {
            long start = bars[b].StartSample;
            long end = start + ComposerTestKit.BarLength(bars[b]);
            foreach (NoteEvent note in byBar[b])
            {
                Assert.InRange(note.StartSample, start, end - 1);
                Assert.True(note.DurationSamples > 0, $"bar {b}: duration {note.DurationSamples}");
                Assert.True(note.Velocity is > 0f and <= 1f, $"bar {b}: velocity {note.Velocity}");
                Assert.True(float.IsFinite(note.Velocity));
                Assert.Equal(Kind, note.Agent);
                total++;
            }
        }

        Assert.True(total >= bars.Length / 2, $"only {total} notes in {bars.Length} bars");
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, 1.0)]
    public void Pitches_StayInTheAgentsRegister(double intensity, double brightness)
    {
        for (int tonic = 0; tonic < 12; tonic++)
        {
            foreach (Mode mode in Enum.GetValues<Mode>())
            {
                IComposerAgent agent = Create((ulong)(tonic + 1));
                BarContext[] bars = ComposerTestKit.Bars(
                    12, new Scale(tonic, mode), bar => ComposerTestKit.Control(intensity, bar / 4, 0.5, brightness, intensity), degrees: [0, 4, 5, 3, 1, 6, 2]);

                foreach (NoteEvent note in ComposerTestKit.Compose(agent, bars))
                {
                    Assert.True(InRegister(note.Pitch), $"{Kind}: pitch {note.Pitch} outside the register ({tonic} {mode})");
                }
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void SameSeedAndContexts_GiveIdenticalNotes(double intensity)
    {
        BarContext[] bars = ComposerTestKit.Bars(
            32, new Scale(2, Mode.Dorian), bar => ComposerTestKit.Control(intensity, bar / 8, 0.4 + (0.02 * (bar % 8)), 0.6, 0.7));

        List<NoteEvent> first = ComposerTestKit.Compose(Create(42), bars);
        List<NoteEvent> second = ComposerTestKit.Compose(Create(42), bars);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Reset_ReplaysTheSeed()
    {
        BarContext[] bars = ComposerTestKit.Bars(16, new Scale(7, Mode.Mixolydian), bar => ComposerTestKit.Control(0.8, bar / 4));
        IComposerAgent agent = Create(99);

        List<NoteEvent> first = ComposerTestKit.Compose(agent, bars);
        agent.Reset();
        List<NoteEvent> second = ComposerTestKit.Compose(agent, bars);

        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeeds_PlayDifferentBars()
    {
        BarContext[] bars = ComposerTestKit.Bars(16, 0.8);

        Assert.NotEqual(ComposerTestKit.Compose(Create(1), bars), ComposerTestKit.Compose(Create(2), bars));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(42UL)]
    [InlineData(1234UL)]
    [InlineData(0xDEADBEEFUL)]
    public void IntensitySweep_RaisesNoteCountAndMeanVelocity(ulong seed)
    {
        int previousCount = -1;
        double previousVelocity = -1.0;
        foreach (double intensity in s_sweep)
        {
            List<NoteEvent> notes = ComposerTestKit.Compose(Create(seed), ComposerTestKit.Bars(16, intensity));
            double meanVelocity = notes.Average(n => (double)n.Velocity);

            Assert.True(notes.Count >= previousCount, $"intensity {intensity}: {notes.Count} notes after {previousCount}");
            if (VelocityRisesWithIntensity)
            {
                Assert.True(meanVelocity >= previousVelocity, $"intensity {intensity}: mean velocity {meanVelocity:F3} after {previousVelocity:F3}");
            }

            previousCount = notes.Count;
            previousVelocity = meanVelocity;
        }
    }

    [Fact]
    public void IntensitySweep_GoesFromSparseToDense()
    {
        int quiet = ComposerTestKit.Compose(Create(5), ComposerTestKit.Bars(16, 0.0)).Count;
        int loud = ComposerTestKit.Compose(Create(5), ComposerTestKit.Bars(16, 1.0)).Count;

        Assert.True(loud >= 2 * quiet, $"{quiet} notes at 0, {loud} at 1");
    }

    [Fact]
    public void ComposeBar_AfterWarmUp_AllocatesNothing()
    {
        IComposerAgent agent = Create(11);
        BarContext[] bars = ComposerTestKit.Bars(
            64, new Scale(4, Mode.Phrygian), bar => ComposerTestKit.Control((bar % 9) / 8.0, bar / 8, (bar % 5) / 4.0, (bar % 3) / 2.0, (bar % 7) / 6.0), bpm: 137.0);
        var output = new List<NoteEvent>(1024);
        for (int i = 0; i < bars.Length; i++)
        {
            output.Clear();
            agent.ComposeBar(bars[i], output);
        }

        agent.Reset();
        int notes = 0;
        int composed = 0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                output.Clear();
                agent.ComposeBar(bars[composed % bars.Length], output);
                notes += output.Count;
                composed++;
            },
            warmUp: 0,
            iterations: bars.Length);

        Assert.Equal(0L, bytes);
        Assert.True(composed >= bars.Length);
        Assert.True(notes > composed);
    }

    [Fact]
    public void ComposeBar_RejectsAMeterOutside1To16()
    {
        BarContext bar = ComposerTestKit.Bars(1, 0.5)[0] with { BeatsPerBar = 17 };

        Assert.Throws<ArgumentOutOfRangeException>(() => Create(1).ComposeBar(bar, new List<NoteEvent>()));
    }

    [Fact]
    public void ComposeBar_RejectsANonPositiveBeatLength()
    {
        BarContext bar = ComposerTestKit.Bars(1, 0.5)[0] with { SamplesPerBeat = double.NaN };

        Assert.Throws<ArgumentOutOfRangeException>(() => Create(1).ComposeBar(bar, new List<NoteEvent>()));
    }

    [Fact]
    public void ComposeBar_ClampsControlsOutsideTheUnitInterval()
    {
        BarContext[] bars = ComposerTestKit.Bars(8, new Scale(0, Mode.Lydian), _ => new ControlState(float.NaN, 3f, -2f, float.PositiveInfinity, 0));

        foreach (NoteEvent note in ComposerTestKit.Compose(Create(3), bars))
        {
            Assert.True(note.Velocity is > 0f and <= 1f);
            Assert.True(InRegister(note.Pitch));
        }
    }
}
