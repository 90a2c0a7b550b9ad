using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class AdsrTests
{
    private const int Rate = DspTestKit.SampleRate;

    [Theory]
    [InlineData(EnvelopeCurve.Linear)]
    [InlineData(EnvelopeCurve.Exponential)]
    public void Attack10Ms_ReachesThePeakAtSample480(EnvelopeCurve curve)
    {
        Adsr env = Create(curve, attack: 0.010, decay: 0.1, sustain: 0.5, release: 0.2);
        env.NoteOn(1);
        var x = new float[1000];
        env.Render(x);

        int first = Array.IndexOf(x, 1f) + 1; // 1-based sample number
        Assert.InRange(first, 479, 481);
        Assert.All(x.AsSpan(0, first - 1).ToArray(), v => Assert.True(v < 1));
    }

    [Fact]
    public void LinearSegments_AreStraightAndExactlyTimed()
    {
        Adsr env = Create(EnvelopeCurve.Linear, attack: 0.001, decay: 0.002, sustain: 0.25, release: 0.003);
        env.NoteOn(0.8f);
        var x = new float[48 + 96 + 10];
        env.Render(x);

        for (int k = 1; k <= 48; k++)
        {
            Assert.Equal(0.8 * k / 48, x[k - 1], 6);
        }

        for (int k = 1; k <= 96; k++)
        {
            Assert.Equal(0.8 + ((0.2 - 0.8) * k / 96), x[48 + k - 1], 6);
        }

        Assert.Equal(0.2f, x[^1], 6);
        Assert.Equal(AdsrStage.Sustain, env.Stage);

        env.NoteOff();
        var release = new float[144 + 5];
        env.Render(release);
        Assert.Equal(0.2 * (1 - (1.0 / 144)), release[0], 6);
        Assert.Equal(0f, release[143]);
        Assert.True(release[142] > 0);
        Assert.False(env.IsActive);
    }

    [Fact]
    public void ExponentialSegments_LandOnTheirTargetsOnTime_AndCurve()
    {
        Adsr env = Create(EnvelopeCurve.Exponential, attack: 0.01, decay: 0.05, sustain: 0.5, release: 0.1);
        env.NoteOn(1);
        var x = new float[480 + 2400 + 100];
        env.Render(x);

        Assert.Equal(1f, x[479]);
        Assert.True(x[478] < 1);
        Assert.True(x[239] > 0.75, $"RC attack is fast at first: halfway it is {x[239]}");
        Assert.Equal(0.5f, x[480 + 2400 - 1]);
        Assert.True(x[480 + 2400 - 2] > 0.5);
        for (int i = 1; i < 480; i++)
        {
            Assert.True(x[i] > x[i - 1]);
        }

        env.NoteOff();
        var release = new float[4800 + 10];
        env.Render(release);
        Assert.True(release[4798] > 0);
        Assert.Equal(0f, release[4799]);
        Assert.False(env.IsActive);
        DspTestKit.AssertClean(release);
    }

    [Fact]
    public void ExponentialSegment_FollowsTheNormalisedRcCurve()
    {
        // The level is computed eight samples at a time as b·m^(r+1) with b advanced by m⁸: it must still be the
        // curve 1 − (e^(−5k/N) − e^(−5)) / (1 − e^(−5)) of a 1.2 s attack (the swell pads' attack) to float precision.
        const int n = 57_600;
        Adsr env = Create(EnvelopeCurve.Exponential, attack: 1.2, decay: 0.5, sustain: 0.9, release: 1.5);
        env.NoteOn(1);
        var x = new float[n];
        env.Render(x);

        double floor = Math.Exp(-5);
        for (int k = 1; k < n; k++)
        {
            double expected = 1 - ((Math.Exp(-5.0 * k / n) - floor) / (1 - floor));
            Assert.True(Math.Abs(x[k - 1] - expected) < 1e-7, $"sample {k}: {x[k - 1]} vs {expected}");
        }

        Assert.Equal(1f, x[n - 1]);
    }

    [Fact]
    public void NoteOffDuringAttack_ReleasesFromTheCurrentLevel_WithoutAJump()
    {
        Adsr env = Create(EnvelopeCurve.Linear, attack: 0.1, decay: 0.1, sustain: 0.5, release: 0.05);
        env.NoteOn(1);
        var x = new float[10_000];
        env.Render(x.AsSpan(0, 1000));
        env.NoteOff();
        env.Render(x.AsSpan(1000));

        for (int i = 1; i < x.Length; i++)
        {
            Assert.True(Math.Abs(x[i] - x[i - 1]) <= (1.0 / 2400) + 1e-6, $"step at {i}");
        }

        Assert.Equal(0f, x[1000 + 2400 - 1]);
        Assert.False(env.IsActive);
    }

    [Fact]
    public void Retrigger_StartsTheAttackFromTheCurrentLevel()
    {
        Adsr env = Create(EnvelopeCurve.Linear, attack: 0.01, decay: 0.01, sustain: 0.6, release: 0.5);
        env.NoteOn(1);
        var x = new float[2000];
        env.Render(x);
        env.NoteOff();
        env.Render(x.AsSpan(0, 100));
        float before = x[99];
        env.NoteOn(0.9f);
        float after = env.Tick();

        Assert.True(Math.Abs(after - before) < 0.01);
        Assert.Equal(AdsrStage.Attack, env.Stage);
    }

    [Fact]
    public void ZeroSustain_GoesIdleWhenTheDecayEnds()
    {
        Adsr env = Create(EnvelopeCurve.Exponential, attack: 0, decay: 0.02, sustain: 0, release: 0.5);
        env.NoteOn(1);
        var x = new float[960 + 1];

        env.Render(x);

        Assert.Equal(0f, x[959]);
        Assert.False(env.IsActive);
    }

    [Fact]
    public void Process_MultipliesTheSignalByTheEnvelope()
    {
        Adsr a = Create(EnvelopeCurve.Linear, 0.01, 0.01, 0.5, 0.01);
        Adsr b = Create(EnvelopeCurve.Linear, 0.01, 0.01, 0.5, 0.01);
        a.NoteOn(1);
        b.NoteOn(1);
        float[] signal = DspTestKit.Sine(2000, 440, 0.5);
        float[] levels = new float[2000];

        b.Render(levels);
        a.Process(signal);

        for (int i = 0; i < signal.Length; i++)
        {
            Assert.Equal((float)(0.5 * Math.Sin(2 * Math.PI * 440 * i / Rate)) * levels[i], signal[i]);
        }
    }

    [Theory]
    [InlineData(EnvelopeCurve.Linear)]
    [InlineData(EnvelopeCurve.Exponential)]
    public void BlockRendering_IsBitIdenticalToTicking(EnvelopeCurve curve)
    {
        const int total = 30_000;
        int[] events = [0, 3000, 3001, 9000, 20_000, 20_500];

        Adsr Create2() => Create(curve, attack: 0.02, decay: 0.05, sustain: 0.4, release: 0.1);

        static void OnEvent(Adsr env, int e)
        {
            if (e % 2 == 0)
            {
                env.NoteOn(1f - (e * 0.1f));
            }
            else
            {
                env.NoteOff();
            }
        }

        var reference = new float[total];
        Adsr r = Create2();
        DspTestKit.Drive(total, 1, events, e => OnEvent(r, e), (offset, length) =>
        {
            if (length > 0)
            {
                reference[offset] = r.Tick();
            }
        });

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var actual = new float[total];
            Adsr env = Create2();
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(env, e), (offset, length) => env.Render(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"{curve}, blocks of {blockSize}");
        }

        DspTestKit.AssertClean(reference);
    }

    [Fact]
    public void NotesAndRendering_AfterWarmUp_AllocateNothing()
    {
        Adsr env = Create(EnvelopeCurve.Exponential, 0.001, 0.001, 0.5, 0.001);
        var block = new float[128];
        int i = 0;

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            if (i++ % 2 == 0)
            {
                env.NoteOn(0.7f);
            }
            else
            {
                env.NoteOff();
            }

            env.Render(block);
            env.Process(block);
        }));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange_AndBadVelocityIsClamped()
    {
        var env = new Adsr();
        var attack = Assert.Throws<ArgumentOutOfRangeException>(() => env.AttackSeconds = -1);
        Assert.Equal("AttackSeconds", attack.ParamName);
        Assert.Contains("[0, 60]", attack.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.SustainLevel = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.ReleaseSeconds = double.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Curve = (EnvelopeCurve)7);

        env.Prepare(Rate);
        env.AttackSeconds = 0;
        env.NoteOn(float.NaN);
        Assert.Equal(0f, env.Tick());
        env.NoteOn(5f);
        Assert.True(env.Tick() <= 1f);
    }

    private static Adsr Create(EnvelopeCurve curve, double attack, double decay, double sustain, double release)
    {
        var env = new Adsr { Curve = curve, AttackSeconds = attack, DecaySeconds = decay, SustainLevel = sustain, ReleaseSeconds = release };
        env.Prepare(Rate);
        return env;
    }
}
