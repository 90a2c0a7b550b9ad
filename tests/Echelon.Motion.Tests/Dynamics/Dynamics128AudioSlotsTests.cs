using System.Numerics;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Testing;

namespace Echelon.Motion.Tests.Dynamics;

public sealed class Dynamics128AudioSlotsTests
{
    private const long Ms = 1_000_000;

    private static readonly int[] s_audioSlots =
    [
        Dynamics128Layout.AudioLevel, Dynamics128Layout.AudioOnset, Dynamics128Layout.AudioPitch,
        Dynamics128Layout.AudioPitchConfidence, Dynamics128Layout.AudioCentroid, Dynamics128Layout.AudioTempo,
        Dynamics128Layout.AudioBeatSin, Dynamics128Layout.AudioBeatCos,
    ];

    private static AudioFeatures Heard(long timeNs) =>
        new(timeNs, LevelDbfs: -18.5, OnsetStrength: 0.37, PitchMidi: 69.25, PitchConfidence: 0.91, CentroidHz: 1480, TempoBpm: 132, BeatPhase: 1.1, BeatLocked: true);

    [Fact]
    public void PresentAudio_FillsEverySlotWithTheLayoutsNormalisationAndMarksItValid()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        AudioFeatures f = Heard(40 * Ms);
        builder.IngestAudio(f);
        builder.Build(40 * Ms, v);

        IReadOnlyList<SlotDefinition> slots = Dynamics128Layout.Slots;
        Assert.Equal(slots[Dynamics128Layout.AudioLevel].Normalize(-18.5f), v.Values[Dynamics128Layout.AudioLevel]);
        Assert.Equal((-18.5f + 30f) / 30f, v.Values[Dynamics128Layout.AudioLevel], 6);
        Assert.Equal(0.37f, v.Values[Dynamics128Layout.AudioOnset], 6);
        Assert.Equal((69.25f - 60f) / 24f, v.Values[Dynamics128Layout.AudioPitch], 6);
        Assert.Equal(0.91f, v.Values[Dynamics128Layout.AudioPitchConfidence], 6);
        Assert.Equal((1480f - 2000f) / 2000f, v.Values[Dynamics128Layout.AudioCentroid], 6);
        Assert.Equal((132f - 120f) / 60f, v.Values[Dynamics128Layout.AudioTempo], 6);
        Assert.Equal((float)Math.Sin(1.1), v.Values[Dynamics128Layout.AudioBeatSin], 6);
        Assert.Equal((float)Math.Cos(1.1), v.Values[Dynamics128Layout.AudioBeatCos], 6);
        foreach (int slot in s_audioSlots)
        {
            Assert.True(v.IsValid(slot), slots[slot].Name);
        }

        for (int slot = Dynamics128Layout.AudioBeatCos + 1; slot < Dynamics128Vector.Size; slot++)
        {
            Assert.False(v.IsValid(slot), slots[slot].Name);
        }

        // Audio alone leaves every motion group masked.
        Assert.Equal(UInt128.Zero, v.Mask & ((UInt128.One << Dynamics128Layout.AudioBase) - UInt128.One));
        Assert.Equal(s_audioSlots.Length, v.ValidCount);
    }

    [Fact]
    public void AudioTempo_UsesTheSameNormalisationAsTheMotionTempo()
    {
        SlotDefinition audio = Dynamics128Layout.Slots[Dynamics128Layout.AudioTempo];
        SlotDefinition motion = Dynamics128Layout.Slots[Dynamics128Layout.Tempo];
        Assert.Equal("audio_tempo", audio.Name);
        Assert.Equal((motion.Unit, motion.Offset, motion.Scale, motion.Clip), (audio.Unit, audio.Offset, audio.Scale, audio.Clip));
        Assert.Equal("audio_beat_sin", Dynamics128Layout.Slots[Dynamics128Layout.AudioBeatSin].Name);
        Assert.Equal("audio_beat_cos", Dynamics128Layout.Slots[Dynamics128Layout.AudioBeatCos].Name);
        Assert.Equal(SlotGroup.Audio, Dynamics128Layout.Slots[Dynamics128Layout.AudioBeatCos].Group);
        Assert.True(Dynamics128Layout.Slots[Dynamics128Layout.AudioBeatCos + 1].IsReserved);
    }

    [Fact]
    public void NoAudioEverIngested_MasksTheAudioSlotsAndLeavesThemZero()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.Ingest(new ImuFrame("phone", 0, 0, new Vector3(0, 9.81f, 0)));
        builder.Build(0, v);
        Assert.True(v.IsValid(Dynamics128Layout.ImuSlot(0, 0)));
        foreach (int slot in s_audioSlots)
        {
            Assert.False(v.IsValid(slot));
            Assert.Equal(0f, v.Values[slot]);
        }
    }

    [Fact]
    public void StaleAudio_IsMaskedAfterTheAudioStalenessLimit_NotZeroFilledAsIfMeasured()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.IngestAudio(Heard(100 * Ms));
        builder.Build(600 * Ms, v);
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel), "0.5 s old is still fresh by default");
        builder.Build(600 * Ms + 1, v);
        foreach (int slot in s_audioSlots)
        {
            Assert.False(v.IsValid(slot), Dynamics128Layout.Slots[slot].Name);
            Assert.Equal(0f, v.Values[slot]);
        }

        // Fresh audio brings the slots back.
        builder.IngestAudio(Heard(700 * Ms));
        builder.Build(700 * Ms, v);
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
    }

    [Fact]
    public void AudioStaleness_IsConfigurableAndPartOfTheProducerId()
    {
        var options = new Dynamics128BuilderOptions { AudioStaleAfterSeconds = 0.1 };
        var builder = new Dynamics128Builder(options);
        var v = new Dynamics128Vector();
        builder.IngestAudio(Heard(0));
        builder.Build(100 * Ms, v);
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
        builder.Build(101 * Ms, v);
        Assert.False(v.IsValid(Dynamics128Layout.AudioLevel));

        Assert.NotEqual(new Dynamics128Builder().ProducerId, builder.ProducerId);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dynamics128Builder(new Dynamics128BuilderOptions { AudioStaleAfterSeconds = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dynamics128Builder(new Dynamics128BuilderOptions { AudioStaleAfterSeconds = double.NaN }));
    }

    [Fact]
    public void AudioFromAfterTheBuildTime_IsMasked()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.IngestAudio(Heard(50 * Ms));
        builder.Build(49 * Ms, v);
        Assert.False(v.IsValid(Dynamics128Layout.AudioLevel));
    }

    [Fact]
    public void UnvoicedInput_MasksOnlyThePitchSlot()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.IngestAudio(Heard(0) with { PitchMidi = double.NaN, PitchConfidence = 0.2 });
        builder.Build(0, v);
        Assert.False(v.IsValid(Dynamics128Layout.AudioPitch));
        Assert.Equal(0f, v.Values[Dynamics128Layout.AudioPitch]);
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
        Assert.True(v.IsValid(Dynamics128Layout.AudioOnset));
        Assert.True(v.IsValid(Dynamics128Layout.AudioCentroid));
        Assert.True(v.IsValid(Dynamics128Layout.AudioPitchConfidence), "how periodic the input is, is measured voiced or not");
        Assert.Equal(0.2f, v.Values[Dynamics128Layout.AudioPitchConfidence], 6);
        Assert.Equal(0, builder.IgnoredFrames);
    }

    [Fact]
    public void UnlockedBeat_MasksTempoAndPhaseButNotTheRest()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.IngestAudio(Heard(0) with { TempoBpm = 0, BeatPhase = 0, BeatLocked = false });
        builder.Build(0, v);
        Assert.False(v.IsValid(Dynamics128Layout.AudioTempo));
        Assert.False(v.IsValid(Dynamics128Layout.AudioBeatSin));
        Assert.False(v.IsValid(Dynamics128Layout.AudioBeatCos));
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
        Assert.True(v.IsValid(Dynamics128Layout.AudioPitch));

        builder.IngestAudio(Heard(1) with { TempoBpm = 0, BeatLocked = true });
        builder.Build(1, v);
        Assert.False(v.IsValid(Dynamics128Layout.AudioTempo), "locked without a tempo is no beat");
    }

    [Fact]
    public void BeatPhase_IsAdvancedToTheBuildTimeAtTheHeardTempo()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.IngestAudio(Heard(0) with { TempoBpm = 120, BeatPhase = 0 });

        // At 120 BPM a beat lasts 0.5 s: 125 ms later θ is a quarter turn on.
        builder.Build(125 * Ms, v);
        Assert.Equal(1f, v.Values[Dynamics128Layout.AudioBeatSin], 5);
        Assert.Equal(0f, v.Values[Dynamics128Layout.AudioBeatCos], 5);
        builder.Build(250 * Ms, v);
        Assert.Equal(0f, v.Values[Dynamics128Layout.AudioBeatSin], 5);
        Assert.Equal(-1f, v.Values[Dynamics128Layout.AudioBeatCos], 5);
    }

    [Fact]
    public void ExtremeValues_AreClippedByTheLayout()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.IngestAudio(new AudioFeatures(0, -120, 50, 127, 1, 20_000, 400, 0, true));
        builder.Build(0, v);
        Assert.Equal(-2f, v.Values[Dynamics128Layout.AudioLevel]);
        Assert.Equal(8f, v.Values[Dynamics128Layout.AudioOnset]);
        Assert.Equal(2f, v.Values[Dynamics128Layout.AudioPitch]);
        Assert.Equal(4f, v.Values[Dynamics128Layout.AudioCentroid]);
        Assert.Equal(2f, v.Values[Dynamics128Layout.AudioTempo]);
    }

    [Theory]
    [InlineData(nameof(AudioFeatures.LevelDbfs), double.NaN)]
    [InlineData(nameof(AudioFeatures.OnsetStrength), double.PositiveInfinity)]
    [InlineData(nameof(AudioFeatures.PitchMidi), double.PositiveInfinity)]
    [InlineData(nameof(AudioFeatures.PitchMidi), double.NegativeInfinity)]
    [InlineData(nameof(AudioFeatures.PitchConfidence), double.NaN)]
    [InlineData(nameof(AudioFeatures.CentroidHz), double.NegativeInfinity)]
    [InlineData(nameof(AudioFeatures.TempoBpm), double.NaN)]
    [InlineData(nameof(AudioFeatures.BeatPhase), double.PositiveInfinity)]
    public void NonFiniteField_IsRejectedAndCounted_AndTheLastGoodFeaturesStay(string field, double bad)
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        AudioFeatures good = Heard(10 * Ms);
        builder.IngestAudio(good);
        AudioFeatures poisoned = With(Heard(20 * Ms) with { LevelDbfs = -6 }, field, bad);
        Assert.False(poisoned.IsFinite());
        builder.IngestAudio(poisoned);
        Assert.Equal(1, builder.IgnoredFrames);

        builder.Build(20 * Ms, v);
        Assert.Equal(Dynamics128Layout.Slots[Dynamics128Layout.AudioLevel].Normalize(-18.5f), v.Values[Dynamics128Layout.AudioLevel]);
        foreach (float x in v.Values)
        {
            Assert.True(float.IsFinite(x));
        }

        // Nothing good ever: every audio slot masked.
        var fresh = new Dynamics128Builder();
        fresh.IngestAudio(poisoned);
        fresh.Build(20 * Ms, v);
        Assert.Equal(1, fresh.IgnoredFrames);
        Assert.Equal(0, v.ValidCount);
    }

    [Fact]
    public void OlderOrRepeatedAudio_IsIgnoredAndCounted()
    {
        var builder = new Dynamics128Builder();
        builder.IngestAudio(Heard(10 * Ms));
        builder.IngestAudio(Heard(10 * Ms) with { LevelDbfs = -3 });
        builder.IngestAudio(Heard(5 * Ms));
        Assert.Equal(2, builder.IgnoredFrames);
        var v = new Dynamics128Vector();
        builder.Build(10 * Ms, v);
        Assert.Equal(Dynamics128Layout.Slots[Dynamics128Layout.AudioLevel].Normalize(-18.5f), v.Values[Dynamics128Layout.AudioLevel]);
    }

    [Fact]
    public void Reset_ForgetsTheAudio()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        builder.IngestAudio(Heard(10 * Ms));
        builder.Reset();
        builder.Build(10 * Ms, v);
        Assert.False(v.IsValid(Dynamics128Layout.AudioLevel));

        // After a reset time may start again from 0.
        builder.IngestAudio(Heard(1 * Ms));
        builder.Build(1 * Ms, v);
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
        Assert.Equal(0, builder.IgnoredFrames);
    }

    [Fact]
    public void SameAudio_GivesBitIdenticalVectors()
    {
        Assert.Equal(Run(), Run());

        static List<string> Run()
        {
            var builder = new Dynamics128Builder();
            var v = new Dynamics128Vector();
            var rows = new List<string>();
            for (int i = 1; i < 300; i++)
            {
                long t = i * 5_333_333L;
                builder.IngestAudio(Heard(t) with { LevelDbfs = -40 + (i % 37), BeatPhase = i * 0.07 % (2 * Math.PI), PitchMidi = i % 5 == 0 ? double.NaN : 60 + (i % 12) });
                builder.Build(t + (3 * Ms), v);
                rows.Add(string.Join(',', v.Values.Select(x => BitConverter.SingleToInt32Bits(x))) + v.Mask);
            }

            return rows;
        }
    }

    [Fact]
    public void IngestAudioAndBuild_AllocateNothing()
    {
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        long t = 0;
        long bytes = AllocationProbe.SteadyStateBytes(() =>
        {
            t += 5 * Ms;
            builder.IngestAudio(Heard(t) with { PitchMidi = t % 3 == 0 ? double.NaN : 64 });
            builder.IngestAudio(Heard(t) with { LevelDbfs = double.NaN });
            builder.Build(t + Ms, v);
        });
        Assert.Equal(0, bytes);
        Assert.True(builder.IgnoredFrames > 0, "the rejected features went through the counting path too");
    }

    private static AudioFeatures With(AudioFeatures f, string field, double value) => field switch
    {
        nameof(AudioFeatures.LevelDbfs) => f with { LevelDbfs = value },
        nameof(AudioFeatures.OnsetStrength) => f with { OnsetStrength = value },
        nameof(AudioFeatures.PitchMidi) => f with { PitchMidi = value },
        nameof(AudioFeatures.PitchConfidence) => f with { PitchConfidence = value },
        nameof(AudioFeatures.CentroidHz) => f with { CentroidHz = value },
        nameof(AudioFeatures.TempoBpm) => f with { TempoBpm = value },
        nameof(AudioFeatures.BeatPhase) => f with { BeatPhase = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a number field"),
    };
}
