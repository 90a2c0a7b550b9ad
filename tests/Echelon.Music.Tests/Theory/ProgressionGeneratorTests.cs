using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Theory;

public sealed class ProgressionGeneratorTests
{
    private static readonly double[] s_tensions = [0.0, 0.3, 0.7, 1.0];

    public static TheoryData<Mode> Modes => new(Enum.GetValues<Mode>());

    [Theory]
    [MemberData(nameof(Modes))]
    public void TransitionRows_AreRowStochasticAtEveryTension(Mode mode)
    {
        Span<double> row = stackalloc double[ProgressionGenerator.Degrees];
        foreach (double t in s_tensions)
        {
            for (int from = 0; from < ProgressionGenerator.Degrees; from++)
            {
                ProgressionGenerator.TransitionRow(mode, from, new UnitInterval(t, "tension"), row);
                double sum = 0;
                foreach (double p in row)
                {
                    Assert.InRange(p, 0.0, 1.0);
                    sum += p;
                }

                Assert.Equal(1.0, sum, 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(Mode.Ionian, 1, 4)] // ii → V
    [InlineData(Mode.Ionian, 4, 0)] // V → I
    [InlineData(Mode.Ionian, 6, 0)] // vii° → I
    [InlineData(Mode.Dorian, 0, 3)] // i → IV
    [InlineData(Mode.Phrygian, 0, 1)] // i → bII
    [InlineData(Mode.Lydian, 0, 1)] // I → II
    [InlineData(Mode.Mixolydian, 0, 6)] // I → bVII
    [InlineData(Mode.Aeolian, 6, 0)] // bVII → i
    [InlineData(Mode.Locrian, 0, 1)] // i° → bII
    public void Probability_CharacteristicMove_IsTheMostLikelyFromItsChord(Mode mode, int from, int expected)
    {
        int best = Enumerable.Range(0, 7).MaxBy(to => ProgressionGenerator.Probability(mode, from, to));

        Assert.Equal(expected, best);
    }

    [Fact]
    public void Probability_IonianTonic_GoesMostlyToIVVAndVi()
    {
        double toSubdominantDominantSubmediant = ProgressionGenerator.Probability(Mode.Ionian, 0, 3)
            + ProgressionGenerator.Probability(Mode.Ionian, 0, 4)
            + ProgressionGenerator.Probability(Mode.Ionian, 0, 5);

        Assert.True(toSubdominantDominantSubmediant > 0.7);
    }

    [Fact]
    public void Next_StartsOnTheTonic_AndAgainAfterStartSection()
    {
        var generator = new ProgressionGenerator(new Scale(0, Mode.Ionian), 11);

        Assert.Equal(0, generator.Next());
        for (int i = 0; i < 13; i++)
        {
            generator.Next();
        }

        generator.StartSection();
        Assert.Equal(0, generator.Next());
    }

    [Fact]
    public void Next_SameSeed_SameProgression_DifferentSeed_Different()
    {
        int[] a = Draw(new ProgressionGenerator(new Scale(2, Mode.Dorian), 42), 300);
        int[] b = Draw(new ProgressionGenerator(new Scale(2, Mode.Dorian), 42), 300);
        int[] c = Draw(new ProgressionGenerator(new Scale(2, Mode.Dorian), 43), 300);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, d => Assert.InRange(d, 0, 6));
    }

    [Fact]
    public void Reset_ReplaysTheSameProgression()
    {
        var generator = new ProgressionGenerator(new Scale(9, Mode.Aeolian), 5);
        int[] first = Draw(generator, 100);

        generator.Reset();

        Assert.Equal(first, Draw(generator, 100));
    }

    [Theory]
    [InlineData(Mode.Ionian, 0.0)]
    [InlineData(Mode.Mixolydian, 0.0)]
    [InlineData(Mode.Phrygian, 0.8)]
    public void Next_TransitionFrequencies_MatchTheMatrix(Mode mode, double tension)
    {
        var generator = new ProgressionGenerator(new Scale(0, mode), 2024) { Tension = new UnitInterval(tension, "tension") };
        var counts = new int[7, 7];
        var fromTotals = new int[7];
        int previous = generator.Next();
        for (int i = 0; i < 200_000; i++)
        {
            int next = generator.Next();
            counts[previous, next]++;
            fromTotals[previous]++;
            previous = next;
        }

        var row = new double[7];
        for (int from = 0; from < 7; from++)
        {
            ProgressionGenerator.TransitionRow(mode, from, new UnitInterval(tension, "tension"), row);
            for (int to = 0; to < 7; to++)
            {
                double observed = counts[from, to] / (double)fromTotals[from];
                double sigma = Math.Sqrt(row[to] * (1 - row[to]) / fromTotals[from]);
                Assert.True(
                    Math.Abs(observed - row[to]) <= (5 * sigma) + 1e-3,
                    $"{mode} {from}→{to}: observed {observed:F4}, expected {row[to]:F4} (n = {fromTotals[from]})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Tension_RaisesTheShareOfDominantFunctionChords(Mode mode)
    {
        double relaxed = DominantShare(mode, 0.0);
        double tense = DominantShare(mode, 1.0);

        Assert.True(tense > relaxed + 0.05, $"{mode}: dominant-function share {relaxed:F3} at tension 0, {tense:F3} at 1");
    }

    [Fact]
    public void Tension_IonianRowFromTheTonic_MovesWeightToV()
    {
        Span<double> relaxed = stackalloc double[7];
        Span<double> tense = stackalloc double[7];
        ProgressionGenerator.TransitionRow(Mode.Ionian, 0, UnitInterval.Zero, relaxed);
        ProgressionGenerator.TransitionRow(Mode.Ionian, 0, UnitInterval.One, tense);

        Assert.Equal(0.26, relaxed[4], 1e-12);
        Assert.Equal((0.4 * 0.26) + (0.6 * 0.75), tense[4], 1e-12);
        Assert.True(tense[3] < relaxed[3]);
    }

    [Fact]
    public void NextChord_IsTheDiatonicChordOnTheDrawnDegree()
    {
        var scale = new Scale(7, Mode.Mixolydian);
        var a = new ProgressionGenerator(scale, 9);
        var b = new ProgressionGenerator(scale, 9);

        for (int i = 0; i < 50; i++)
        {
            bool seventh = i % 2 == 0;
            Assert.Equal(Chord.OnDegree(scale, b.Next(), seventh), a.NextChord(seventh));
        }
    }

    [Fact]
    public void Probability_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressionGenerator.Probability(Mode.Ionian, 7, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressionGenerator.Probability((Mode)9, 0, 0));
        Assert.Throws<ArgumentException>(() => ProgressionGenerator.TransitionRow(Mode.Ionian, 0, UnitInterval.Zero, new double[6]));
    }

    private static double DominantShare(Mode mode, double tension)
    {
        int[] dominant = mode switch
        {
            Mode.Ionian => [4, 6],
            Mode.Dorian or Mode.Mixolydian => [4, 6],
            Mode.Phrygian or Mode.Locrian => [1, 6],
            Mode.Lydian => [1, 4, 6],
            _ => [1, 4, 6],
        };
        var generator = new ProgressionGenerator(new Scale(0, mode), 77) { Tension = new UnitInterval(tension, "tension") };
        int hits = 0;
        const int Draws = 50_000;
        for (int i = 0; i < Draws; i++)
        {
            if (dominant.Contains(generator.Next()))
            {
                hits++;
            }
        }

        return hits / (double)Draws;
    }

    private static int[] Draw(ProgressionGenerator generator, int count)
    {
        var degrees = new int[count];
        for (int i = 0; i < count; i++)
        {
            degrees[i] = generator.Next();
        }

        return degrees;
    }
}
