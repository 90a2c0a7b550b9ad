using Echelon.Audio.Analysis;
using Echelon.Core.Metrics;
using Echelon.Motion.Dynamics;
using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Music.Transport;
using Echelon.Studio.Listening;
using Echelon.Testing;
using static Echelon.Studio.Tests.Listening.ListeningRig;

namespace Echelon.Studio.Tests.Listening;

public sealed class ListeningInputTests
{
    [Fact]
    public void Sine440_FillsLevelWithinOneDecibelOfItsRms_AndPitchAtMidi69()
    {
        const double rms = -23;
        var builder = new Dynamics128Builder();
        int ticks = 0;
        Play(Sine(440, rms, 2.0), new ListeningInput(), builder, (v, _, t) =>
        {
            if (t < 0.1)
            {
                return;
            }

            ticks++;
            Assert.True(v.IsValid(Dynamics128Layout.AudioLevel), $"level at {t:F2} s");
            Assert.InRange(Raw(v, Dynamics128Layout.AudioLevel), rms - 1, rms + 1);
            Assert.True(v.IsValid(Dynamics128Layout.AudioPitch), $"pitch at {t:F2} s");
            Assert.InRange(Raw(v, Dynamics128Layout.AudioPitch), 68.9, 69.1);
            Assert.True(Raw(v, Dynamics128Layout.AudioPitchConfidence) > 0.9);
            Assert.InRange(Raw(v, Dynamics128Layout.AudioCentroid), 430, 450);
            Assert.True(v.IsValid(Dynamics128Layout.AudioOnset));
        });
        Assert.True(ticks > 180, $"{ticks} ticks");
        Assert.Equal(0, builder.IgnoredFrames);
    }

    [Fact]
    public void ClickTrackAt120Bpm_OverNoise_ReadsTempo120AndTheBeatPhase()
    {
        var input = new ListeningInput();
        var tempi = new List<double>();
        var phaseErrors = new List<double>();
        int locked = 0;
        ListeningHints last = default;
        Play(Clicks(2.0, 12.0), input, new Dynamics128Builder(), (v, hints, t) =>
        {
            last = hints;
            if (t < 6.0)
            {
                return;
            }

            if (!v.IsValid(Dynamics128Layout.AudioTempo))
            {
                return;
            }

            locked++;
            Assert.True(v.IsValid(Dynamics128Layout.AudioBeatSin) && v.IsValid(Dynamics128Layout.AudioBeatCos));
            tempi.Add(Raw(v, Dynamics128Layout.AudioTempo));

            // The clicks fall at 0.5 + k/2 s: the true phase at t.
            double truth = 2 * Math.PI * ((t - 0.5) * 2.0);
            double heard = Math.Atan2(v.Values[Dynamics128Layout.AudioBeatSin], v.Values[Dynamics128Layout.AudioBeatCos]);
            phaseErrors.Add(Circular.Wrap(heard - truth));
        });

        Assert.True(locked > 0.95 * 600, $"locked on {locked} of 600 ticks after 6 s");
        Assert.InRange(Median(tempi), 118.0, 122.0);
        Assert.True(input.Beats > 10, $"{input.Beats} beats");

        // The phase slot follows the clicks: its error against the true phase is small (0.2 rad is 16 ms at 120 BPM)
        // and steady. Measured: −0.11 rad throughout, most of it the 6.7 ms by which the analyzer's θ describes the
        // input before its frame's end (the onset function's delay).
        double mean = Math.Atan2(phaseErrors.Average(Math.Sin), phaseErrors.Average(Math.Cos));
        Assert.InRange(mean, -0.2, 0.2);
        Assert.True(phaseErrors.Max(e => Math.Abs(Circular.Wrap(e - mean))) < 0.1, "steady");

        Assert.True(last.TempoLocked);
        Assert.InRange(last.Tempo.Value, 118.0, 122.0);
    }

    [Fact]
    public void HeardTempo_IsWhatTheTransportFollows()
    {
        ListeningHints hints = HintsAfter(Clicks(2.0, 10.0));
        Assert.True(hints.TempoLocked);
        var transport = new TransportClock(SampleRate, new Bpm(90), Meter.Common, new Scale(0, Mode.Ionian));
        transport.FollowTempo(hints.Tempo, maxChangePerSecond: 20);
        for (int i = 0; i < 300; i++)
        {
            transport.Advance(Block);
        }

        Assert.Equal(hints.Tempo, transport.Tempo);
        Assert.InRange(transport.Tempo.Value, 118.0, 122.0);
    }

    [Fact]
    public void LouderInput_GivesAHigherIntensity_OnTheStatedCurve()
    {
        ListeningHints quiet = HintsAfter(Sine(440, -42, 2.0));
        ListeningHints loud = HintsAfter(Sine(440, -15, 2.0));
        Assert.True(loud.Intensity > quiet.Intensity + 0.3f, $"quiet {quiet.Intensity}, loud {loud.Intensity}");

        // Linear in dB from −60 (0) to −6 (1); after 2 s of 0.3 s smoothing the level has settled on the sine's RMS.
        Assert.Equal((-42 + 60) / 54.0, quiet.Intensity, 0.005);
        Assert.Equal((-15 + 60) / 54.0, loud.Intensity, 0.005);
        Assert.Equal(-42, quiet.LevelDbfs, 0.2);
    }

    [Fact]
    public void MoreOnsets_GiveAHigherDensity()
    {
        // At 5.25 s the 2 s window (3.25, 5.25] holds 4 clicks of the sparse track and 12 of the dense one, none
        // near its edges.
        ListeningHints sparse = HintsAfter(Clicks(2.0, 6.0), atSeconds: 5.25);
        ListeningHints dense = HintsAfter(Clicks(6.0, 6.0), atSeconds: 5.25);
        Assert.Equal(2.0, sparse.OnsetsPerSecond);
        Assert.Equal(6.0, dense.OnsetsPerSecond);
        Assert.True(dense.Density > 2 * sparse.Density, $"sparse {sparse.Density}, dense {dense.Density}");
        Assert.Equal(2.0 / 8, sparse.Density, 1e-6);
        Assert.Equal(6.0 / 8, dense.Density, 1e-6);
    }

    [Fact]
    public void HigherSine_GivesAHigherBrightness()
    {
        var darkInput = new ListeningInput();
        var brightInput = new ListeningInput();
        double darkCentroid = 0, brightCentroid = 0;
        Play(Sine(300, -20, 1.5), darkInput, new Dynamics128Builder(), (v, _, _) => darkCentroid = Raw(v, Dynamics128Layout.AudioCentroid));
        Play(Sine(3000, -20, 1.5), brightInput, new Dynamics128Builder(), (v, _, _) => brightCentroid = Raw(v, Dynamics128Layout.AudioCentroid));
        Assert.True(darkInput.TryReadHints(out ListeningHints dark));
        Assert.True(brightInput.TryReadHints(out ListeningHints bright));

        Assert.True(brightCentroid > 5 * darkCentroid, $"centroid slots {darkCentroid:F0} and {brightCentroid:F0} Hz");
        Assert.True(bright.Brightness > dark.Brightness + 0.4f, $"dark {dark.Brightness}, bright {bright.Brightness}");

        // Linear in log frequency from 200 Hz (0) to 5000 Hz (1).
        Assert.Equal(Math.Log2(300 / 200.0) / Math.Log2(25), dark.Brightness, 0.01);
        Assert.Equal(Math.Log2(3000 / 200.0) / Math.Log2(25), bright.Brightness, 0.01);
    }

    [Fact]
    public void Noise_IsUnvoiced_SoOnlyThePitchSlotIsMasked()
    {
        int ticks = 0, unvoiced = 0;
        Play(Noise(-20, 2.0), new ListeningInput(), new Dynamics128Builder(), (v, _, t) =>
        {
            if (t < 0.1)
            {
                return;
            }

            ticks++;
            Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
            Assert.True(v.IsValid(Dynamics128Layout.AudioOnset));
            Assert.True(v.IsValid(Dynamics128Layout.AudioCentroid));
            Assert.True(v.IsValid(Dynamics128Layout.AudioPitchConfidence));
            Assert.InRange(Raw(v, Dynamics128Layout.AudioLevel), -21, -19);
            if (!v.IsValid(Dynamics128Layout.AudioPitch))
            {
                unvoiced++;
            }
        });
        Assert.True(unvoiced > 0.95 * ticks, $"{unvoiced} of {ticks} ticks unvoiced");
    }

    [Fact]
    public void WhenTheInputStops_TheAudioSlotsGoStaleAndAreMasked()
    {
        var input = new ListeningInput();
        var builder = new Dynamics128Builder();
        double end = 0;
        Play(Sine(440, -20, 1.0), input, builder, (_, _, t) => end = t);
        var v = new Dynamics128Vector();
        long last = input.ToHostNs(end);

        Assert.False(input.FeedBuilder(builder), "nothing new to hand over");
        builder.Build(last + 400_000_000, v);
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
        builder.Build(last + 600_000_000, v);
        Assert.False(v.IsValid(Dynamics128Layout.AudioLevel));
        Assert.False(v.IsValid(Dynamics128Layout.AudioPitch));
        Assert.Equal(0, v.ValidCount);
    }

    [Fact]
    public void EachFrame_IsHandedToTheBuilderOnce_AndStampedFromTheInputOrigin()
    {
        var input = new ListeningInput(new ListeningInputOptions { InputOriginNs = 2_000_000_000 });
        var builder = new Dynamics128Builder();
        var frame = new ListeningFrame(0.25, -20, 0.1, new PitchEstimate(440, 0.95, true), 900, 0, 0, false);
        input.OnFrame(frame);
        Assert.True(input.TryTakeFeatures(out AudioFeatures features));
        Assert.Equal(2_250_000_000, features.TimeNs);
        Assert.Equal(69.0, features.PitchMidi, 9);
        Assert.False(input.TryTakeFeatures(out _));

        input.OnFrame(frame with { TimeSeconds = 0.26, Pitch = new PitchEstimate(440, 0.3, false) });
        Assert.True(input.FeedBuilder(builder));
        Assert.False(input.FeedBuilder(builder));
        Assert.Equal(0, builder.IgnoredFrames);
        var v = new Dynamics128Vector();
        builder.Build(2_260_000_000, v);
        Assert.True(v.IsValid(Dynamics128Layout.AudioLevel));
        Assert.False(v.IsValid(Dynamics128Layout.AudioPitch), "unvoiced: the pitch is not handed on");
    }

    [Fact]
    public void NonFiniteFrame_IsDroppedAndCounted_BeforeEitherOutput()
    {
        var input = new ListeningInput();
        input.OnFrame(new ListeningFrame(0.1, double.NaN, 0, PitchEstimate.Silent, 0, 0, 0, false));
        input.OnFrame(new ListeningFrame(double.PositiveInfinity, -20, 0, PitchEstimate.Silent, 0, 0, 0, false));
        input.OnFrame(new ListeningFrame(0.1, -20, 0, new PitchEstimate(double.PositiveInfinity, 1, true), 0, 0, 0, false));
        Assert.Equal(3, input.NonFiniteFrames);
        Assert.Equal(0, input.Frames);
        Assert.False(input.TryTakeFeatures(out _));
        Assert.False(input.TryReadHints(out _));

        input.OnFrame(new ListeningFrame(0.2, -20, 0, PitchEstimate.Silent, 0, 0, 0, false));
        Assert.True(input.TryReadHints(out ListeningHints hints));
        Assert.True(float.IsFinite(hints.Intensity));
    }

    [Fact]
    public void HintMappings_FollowTheirStatedCurves()
    {
        // A steady −33 dBFS, 1000 Hz centroid and two onsets a second for 4 s, frame by frame.
        var input = new ListeningInput();
        const double hop = 256.0 / SampleRate;
        double nextOnset = 0.25;
        for (int n = 1; n * hop <= 4.0; n++)
        {
            double t = n * hop;
            while (nextOnset <= t)
            {
                input.OnOnset(nextOnset, 0.5f);
                nextOnset += 0.5;
            }

            input.OnFrame(new ListeningFrame(t, -33, 0, PitchEstimate.Silent, 1000, 0, 0, false));
        }

        Assert.True(input.TryReadHints(out ListeningHints hints));
        Assert.Equal(0.5, hints.Intensity, 1e-4);
        Assert.Equal(0.5, hints.Brightness, 1e-4);
        Assert.Equal(4 / 2.0, hints.OnsetsPerSecond, 1e-9);
        Assert.Equal(2.0 / 8, hints.Density, 1e-6);
        Assert.False(hints.TempoLocked);

        ControlState current = new(0.1f, 0.1f, 0.1f, 0.9f, 3);
        Assert.Equal(new ControlState(hints.Intensity, hints.Density, hints.Brightness, 0.9f, 3), hints.ApplyTo(current));
        Assert.Equal(ControlState.Default.Tension, hints.Suggestion.Tension);

        // Two seconds of silence: level back to the floor's side, the onsets out of the window, the brightness held.
        for (int n = 1; n * hop <= 2.0; n++)
        {
            input.OnFrame(new ListeningFrame(4.0 + (n * hop), -120, 0, PitchEstimate.Silent, 0, 0, 0, false));
        }

        Assert.True(input.TryReadHints(out hints));
        Assert.True(hints.Intensity < 0.01f, $"{hints.Intensity}");
        Assert.Equal(0, hints.Density);
        Assert.Equal(0.5, hints.Brightness, 1e-4);
    }

    [Fact]
    public void BeatPhaseAt_CarriesThePhaseForwardAtTheHeardTempo()
    {
        var hints = new ListeningHints(1_000_000_000, 0, 0, 0, -60, 0, 0, true, new Bpm(120), Math.PI / 2);
        Assert.Equal(Math.PI, hints.BeatPhaseAt(1_125_000_000), 1e-9);
        Assert.Equal(Math.PI / 2, hints.BeatPhaseAt(1_500_000_000), 1e-9);
        Assert.Equal(0, hints.BeatPhaseAt(1_375_000_000), 1e-9);
        Assert.Equal(0, (hints with { TempoLocked = false }).BeatPhaseAt(1_125_000_000));
    }

    [Fact]
    public void SameInput_GivesTheSameHintsAndFeatures()
    {
        Assert.Equal(Run(), Run());

        static List<(ListeningHints, AudioFeatures)> Run()
        {
            var rows = new List<(ListeningHints, AudioFeatures)>();
            var input = new ListeningInput();
            var analyzer = new ListeningAnalyzer();
            float[] x = Clicks(3.0, 4.0);
            for (int start = 0; start < x.Length; start += Block)
            {
                analyzer.Process(x.AsSpan(start, Math.Min(Block, x.Length - start)), input);
                input.TryTakeFeatures(out AudioFeatures f);
                input.TryReadHints(out ListeningHints h);
                rows.Add((h, f));
            }

            return rows;
        }
    }

    [Fact]
    public void Options_OutOfRange_NameTheSetting()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new ListeningInput(new ListeningInputOptions { LoudDbfs = -80 }));
        Assert.Equal(nameof(ListeningInputOptions.LoudDbfs), e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new ListeningInput(new ListeningInputOptions { BrightHz = 100 }));
        Assert.Equal(nameof(ListeningInputOptions.BrightHz), e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ListeningInput(new ListeningInputOptions { OnsetWindowSeconds = double.NaN }));
    }

    [Fact]
    public void AnalyzerInputAndBuilder_AllocateNothingPerBlock_OnceWarm()
    {
        float[] x = Clicks(2.0, 8.0);
        var analyzer = new ListeningAnalyzer();
        var input = new ListeningInput();
        var builder = new Dynamics128Builder();
        var v = new Dynamics128Vector();
        int start = 0;

        void Tick()
        {
            analyzer.Process(x.AsSpan(start, Block), input);
            start = (start + Block) % (x.Length - Block);
            input.FeedBuilder(builder);
            builder.Build(input.ToHostNs((double)analyzer.SamplesIn / SampleRate), v);
            input.TryReadHints(out _);
        }

        // Warm through the beat tracker's first estimates (1.2 s) before measuring.
        for (int i = 0; i < 400; i++)
        {
            Tick();
        }

        Assert.Equal(0, AllocationProbe.SteadyStateBytes(Tick));
        Assert.True(input.Beats > 0 && input.Onsets > 0, "the measured blocks went through the onset and beat paths");
        Assert.True(v.IsValid(Dynamics128Layout.AudioTempo));
    }
}
