using System.Numerics;
using Echelon.Core.Metrics;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Testing;

namespace Echelon.Motion.Tests.Dynamics;

public sealed class Dynamics128BuilderTests
{
    private const long TickNs = 10_000_000;

    [Theory]
    [InlineData(90.0)]
    [InlineData(120.0)]
    [InlineData(150.0)]
    public void Tempo_OnTheSyntheticDancer_ReadsItsBpmWithinTwoPercent(double bpm)
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Bpm = bpm, Seconds = 30, Seed = 6 });
        var builder = new Dynamics128Builder();
        var tempos = new List<double>();
        var phaseErrors = new List<double>();
        Drive(dancer, builder, (v, t) =>
        {
            if (t < 10.0)
            {
                return;
            }

            Assert.True(v.IsValid(Dynamics128Layout.Tempo));
            tempos.Add(120.0 + (60.0 * v.Values[Dynamics128Layout.Tempo]));
            double phase = Math.Atan2(v.Values[Dynamics128Layout.PhaseSin], v.Values[Dynamics128Layout.PhaseCos]);
            phaseErrors.Add(Circular.Wrap(phase - dancer.BeatPhase(t)));
        });

        double median = tempos.Order().ElementAt(tempos.Count / 2);
        Assert.InRange(median, bpm * 0.98, bpm * 1.02);
        Assert.True(tempos.Count(x => Math.Abs(x - bpm) / bpm < 0.03) > 0.9 * tempos.Count, "90 % of readings within 3 %");

        // The motion-cycle phase keeps a fixed relation to the beat: high coherence against the true phase.
        double coherence = Circular.Coherence(phaseErrors.ToArray(), new double[phaseErrors.Count]);
        Assert.True(coherence > 0.8, $"phase coherence {coherence:F3}");
    }

    [Fact]
    public void FullDancer_FillsBodyEffectorImuAndRhythmSlots_ButNotAudio()
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 6 });
        var builder = new Dynamics128Builder();
        Dynamics128Vector? last = null;
        Drive(dancer, builder, (v, _) => last ??= new Dynamics128Vector(), after: v => v.CopyTo(last!));
        Assert.NotNull(last);
        for (int slot = 0; slot < 16; slot++)
        {
            Assert.True(last!.IsValid(slot), Dynamics128Layout.Slots[slot].Name);
        }

        for (int slot = 16; slot < 88; slot++)
        {
            Assert.True(last!.IsValid(slot), Dynamics128Layout.Slots[slot].Name);
        }

        for (int slot = 88; slot < 96; slot++)
        {
            Assert.False(last!.IsValid(slot), "only one IMU: the second device's slots stay masked");
        }

        for (int slot = 96; slot <= Dynamics128Layout.TempoConfidence; slot++)
        {
            Assert.True(last!.IsValid(slot), Dynamics128Layout.Slots[slot].Name);
        }

        for (int slot = Dynamics128Layout.TempoConfidence + 1; slot < 128; slot++)
        {
            Assert.False(last!.IsValid(slot), Dynamics128Layout.Slots[slot].Name);
            Assert.Equal(0f, last.Values[slot]);
        }

        Assert.StartsWith($"{Dynamics128Builder.BuilderName}/{Dynamics128Layout.Version}/", last!.ProducerId, StringComparison.Ordinal);
    }

    [Fact]
    public void ImuOnly_GivesAValidMaskedVector()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        for (int i = 0; i < 500; i++)
        {
            long t = i * TickNs;
            float bounce = (float)Math.Sin(2 * Math.PI * 2.0 * i / 100.0);
            builder.Ingest(new ImuFrame("phone", t, t, new Vector3(0.1f, 9.81f + (3f * bounce), 0.2f), new Vector3(0.5f, 0f, 0f)));
            builder.Build(t, v);
        }

        for (int slot = 0; slot < 80; slot++)
        {
            Assert.False(v.IsValid(slot), Dynamics128Layout.Slots[slot].Name);
        }

        for (int slot = 80; slot < 88; slot++)
        {
            Assert.True(v.IsValid(slot), Dynamics128Layout.Slots[slot].Name);
        }

        Assert.Equal(0.5f / (2 * MathF.PI), v.Values[Dynamics128Layout.ImuSlot(0, 3)], 4);
        Assert.True(v.IsValid(Dynamics128Layout.Tempo));
        Assert.InRange(120.0 + (60.0 * v.Values[Dynamics128Layout.Tempo]), 117.0, 123.0);
    }

    [Fact]
    public void PoseOnly_GivesBodyAndEffectorSlotsAndMasksTheImu()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        for (int i = 0; i < 100; i++)
        {
            long t = i * 33_333_333L;
            builder.Ingest(Pose(t, (float)Math.Sin(i * 0.2)));
            builder.Build(t, v);
        }

        Assert.True(v.IsValid(0));
        Assert.True(v.IsValid(Dynamics128Layout.EffectorSlot(1, 3)), "left hand speed");
        Assert.True(v.IsValid(11), "height");
        for (int slot = 80; slot < 96; slot++)
        {
            Assert.False(v.IsValid(slot));
        }
    }

    [Fact]
    public void StaleDevice_IsMaskedAfterTheStalenessWindow()
    {
        var builder = new Dynamics128Builder(new Dynamics128BuilderOptions { StaleAfterSeconds = 0.25 });
        var v = new Dynamics128Vector();
        builder.Ingest(new ImuFrame("phone", 0, 0, new Vector3(0, 9.81f, 0)));
        builder.Build(200_000_000, v);
        Assert.True(v.IsValid(80));
        builder.Build(300_000_000, v);
        Assert.False(v.IsValid(80));
        Assert.Equal(0f, v.Values[80]);
    }

    [Fact]
    public void NonFiniteFrame_IsIgnoredAndCounted()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.Ingest(new ImuFrame("phone", 0, 0, new Vector3(float.NaN, 9.81f, 0)));
        builder.Build(0, v);
        Assert.Equal(1, builder.IgnoredFrames);
        Assert.Equal(UInt128.Zero, v.Mask & ((UInt128.One << 96) - UInt128.One));
    }

    [Fact]
    public void ProducerId_ChangesWithTheConfiguration()
    {
        string a = new Dynamics128Builder().ProducerId;
        string b = new Dynamics128Builder(new Dynamics128BuilderOptions { StaleAfterSeconds = 0.5 }).ProducerId;
        Assert.Equal(a, new Dynamics128Builder().ProducerId);
        Assert.NotEqual(a, b);
        Assert.Matches("^echelon\\.dynamics128/1\\.1/[0-9a-f]{12}$", a);

        // The default id, pinned: recorded sessions name their producer by it, so it changes only on purpose
        // (1.1 with the audio staleness setting in the hash; 1.0 was 5941caad3f3c).
        Assert.Equal("echelon.dynamics128/1.1/b1623969a648", a);
    }

    [Fact]
    public void SameFrames_GiveBitIdenticalVectors()
    {
        Assert.Equal(Run(), Run());

        static List<string> Run()
        {
            using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 3, Seed = 9 });
            var rows = new List<string>();
            Drive(dancer, new Dynamics128Builder(), (v, _) => rows.Add(string.Join(',', v.Values.Select(x => BitConverter.SingleToInt32Bits(x))) + v.Mask));
            return rows;
        }
    }

    [Fact]
    public void SteadyState_AllocatesNothing()
    {
        const int warmUpTicks = 200;
        const int measuredTicks = 1000;
        const int seconds = 32; // 100 ticks a second: the warm-up and AllocationProbe's three rounds all see frames

        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = seconds });
        var frames = new List<SensorFrame>();
        while (dancer.TryRead(out SensorFrame? f))
        {
            frames.Add(f);
        }

        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        int next = 0;
        long tick = 0;
        long allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                long t = tick * TickNs;
                while (next < frames.Count && frames[next].HostTimeNs <= t)
                {
                    builder.Ingest(frames[next++]);
                }

                builder.Build(t, v);
                tick++;
            },
            warmUp: warmUpTicks,
            iterations: measuredTicks);

        Assert.Equal(0, allocated);
        Assert.True(tick * TickNs <= seconds * 1_000_000_000L, "every measured tick falls inside the dance");
        Assert.True(next > 0 && frames[next - 1].HostTimeNs > (tick - 100) * TickNs, "frames were still arriving in the last measured second");
    }

    [Fact]
    public void Options_OutOfRange_NameTheField()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dynamics128Builder(new Dynamics128BuilderOptions { ControlRateHz = 5 }));
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dynamics128Builder(new Dynamics128BuilderOptions { ControlRateHz = 50 }));
        Assert.Contains("Rhythm", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dynamics128Builder(new Dynamics128BuilderOptions { ImuDevices = ["a", "b", "c"] }));
    }

    /// <summary>Runs a source through a builder at 100 Hz with the pump that recording and replay use.</summary>
    internal static void Drive(ISensorSource source, Dynamics128Builder builder, Action<Dynamics128Vector, double> onVector, Action<Dynamics128Vector>? after = null) =>
        Dynamics128Pump.Run(source, builder, 100.0, null, v =>
        {
            onVector(v, v.TimeNs * 1e-9);
            after?.Invoke(v);
        });

    private static PoseFrame Pose(long t, float wave)
    {
        var landmarks = new PoseLandmark[PoseFrame.LandmarkCount];
        for (int i = 0; i < landmarks.Length; i++)
        {
            landmarks[i] = new PoseLandmark(0.5f, 0.5f, 0f, 0.9f);
        }

        landmarks[MediaPipePose.LeftHip] = new PoseLandmark(0.55f, 0.6f, 0f, 0.9f);
        landmarks[MediaPipePose.RightHip] = new PoseLandmark(0.45f, 0.6f, 0f, 0.9f);
        landmarks[MediaPipePose.LeftShoulder] = new PoseLandmark(0.58f, 0.35f, 0f, 0.9f);
        landmarks[MediaPipePose.RightShoulder] = new PoseLandmark(0.42f, 0.35f, 0f, 0.9f);
        landmarks[MediaPipePose.LeftEar] = new PoseLandmark(0.52f, 0.2f, 0f, 0.9f);
        landmarks[MediaPipePose.RightEar] = new PoseLandmark(0.48f, 0.2f, 0f, 0.9f);
        landmarks[MediaPipePose.LeftWrist] = new PoseLandmark(0.7f, 0.5f + (0.1f * wave), 0f, 0.9f);
        landmarks[MediaPipePose.RightWrist] = new PoseLandmark(0.3f, 0.5f - (0.1f * wave), 0f, 0.9f);
        landmarks[MediaPipePose.LeftAnkle] = new PoseLandmark(0.55f, 0.95f, 0f, 0.9f);
        landmarks[MediaPipePose.RightAnkle] = new PoseLandmark(0.45f, 0.95f, 0f, 0.9f);
        return new PoseFrame("camera", t, t, landmarks);
    }
}
