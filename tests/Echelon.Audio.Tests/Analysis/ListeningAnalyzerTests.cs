using Echelon.Audio.Analysis;
using Echelon.Testing;

namespace Echelon.Audio.Tests.Analysis;

public sealed class ListeningAnalyzerTests
{
    [Theory]
    [InlineData(90.0)]
    [InlineData(120.0)]
    [InlineData(150.0)]
    public void Clicks_GiveEveryOnset_AndBeatsOnTheClicks_AtTheirTempo(double bpm)
    {
        float[] x = ListeningSignals.Clicks(bpm, 16, out List<double> clicks);
        ListeningReport report = ListeningReport.Analyze([x], 48_000);

        // Every click is found within 10 ms; the only other onset is the noise bed starting at time 0.
        foreach (double click in clicks)
        {
            Assert.True(ListeningSignals.Nearest(report.Onsets, click) < 0.010, $"no onset within 10 ms of the click at {click:F3} s");
        }

        Assert.InRange(report.Onsets.Count(o => o > 0.1), clicks.Count, clicks.Count);

        // Beats start after the warm-up and then land on the clicks.
        Assert.InRange(report.Beats[0], 0.5, 2.5);
        Assert.All(report.Beats, b => Assert.True(ListeningSignals.Nearest(clicks, b) < 0.015, $"beat at {b:F3} s is not on a click"));
        Assert.InRange(report.Beats.Count, clicks.Count - 5, clicks.Count);
        Assert.InRange(report.TempoBpm, bpm * 0.995, bpm * 1.005);
    }

    [Fact]
    public void BeatPhase_IsNearZeroOnTheClicks_AndNearPiHalfWay()
    {
        float[] x = ListeningSignals.Clicks(120, 12, out List<double> clicks);
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var sink = new RecordingSink();
        analyzer.Process(x, sink);

        // θ describes the input at the frame's end.
        foreach (double click in clicks.Where(c => c > 4))
        {
            ListeningFrame on = sink.Frames.MinBy(f => Math.Abs(f.TimeSeconds - click));
            ListeningFrame half = sink.Frames.MinBy(f => Math.Abs(f.TimeSeconds - click - 0.25));
            Assert.True(on.BeatLocked);
            double wrapped = Math.Min(on.BeatPhase, (2 * Math.PI) - on.BeatPhase);
            Assert.True(wrapped < 0.1, $"θ = {on.BeatPhase:F2} on the click at {click:F2} s");
            Assert.InRange(half.BeatPhase, Math.PI - 0.1, Math.PI + 0.1);
        }
    }

    [Fact]
    public void TempoChange_IsFollowed()
    {
        float[] a = ListeningSignals.Clicks(100, 10, out _);
        float[] b = ListeningSignals.Clicks(108, 14, out _, first: 0.2, seed: 9);
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        analyzer.Process(a, null);
        Assert.InRange(analyzer.Beats.TempoBpm, 99.5, 100.5);
        analyzer.Process(b, null);
        Assert.InRange(analyzer.Beats.TempoBpm, 107.5, 108.5);
    }

    [Fact]
    public void Silence_GivesNoOnsetsNoBeatsNoPitch()
    {
        ListeningReport report = ListeningReport.Analyze([new float[48_000 * 5]], 48_000);
        Assert.Empty(report.Onsets);
        Assert.Empty(report.Beats);
        Assert.Equal(0, report.TempoBpm);
        Assert.All(report.Pitch, p => Assert.Equal(PitchEstimate.Silent, p));
    }

    [Fact]
    public void Sine_GivesItsPitchLevelAndCentroid()
    {
        float[] x = ListeningSignals.Sine(440, 2, amplitude: 0.5);
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        analyzer.Process(x, null);
        ListeningFrame frame = analyzer.Current;
        Assert.Equal(2.0, frame.TimeSeconds, 1e-9);
        Assert.Equal(20 * Math.Log10(0.5 / Math.Sqrt(2)), frame.LevelDbfs, 0.1);
        Assert.True(frame.Pitch.Voiced);
        Assert.InRange(PitchDetectorTests.Cents(frame.Pitch.FrequencyHz, 440), -2, 2);
        Assert.InRange(frame.CentroidHz, 400, 520);

        var brighter = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        brighter.Process(ListeningSignals.Sine(3000, 1), null);
        Assert.InRange(brighter.Current.CentroidHz, 2900, 3200);
    }

    [Fact]
    public void PitchSeries_IsUniform_FromTimeZero_ToTheEnd()
    {
        // 1 s of silence, then 1 s of A4: the series turns voiced at 1 s, give or take a frame.
        float[] x = [.. new float[48_000], .. ListeningSignals.Sine(440, 1)];
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var sink = new RecordingSink();
        analyzer.Process(x, sink);
        analyzer.Finish(sink);

        Assert.Equal(Enumerable.Range(0, sink.Pitch.Count).Select(i => (long)i), sink.Pitch.Select(p => p.Index));
        Assert.InRange(sink.Pitch.Count, (x.Length / analyzer.Options.HopSize) - 1, (x.Length / analyzer.Options.HopSize) + 1);
        int firstVoiced = sink.Pitch.FindIndex(p => p.Estimate.Voiced);
        Assert.InRange(firstVoiced * analyzer.HopSeconds, 0.98, 1.02);
    }

    [Fact]
    public void AnyBlockSize_GivesTheSameResults_BitForBit()
    {
        float[] clicks = ListeningSignals.Clicks(128, 6, out _);
        float[] tone = ListeningSignals.Sine(330, 6, amplitude: 0.2);
        float[] x = [.. clicks.Zip(tone, (a, b) => a + b)];
        RecordingSink expected = Run(x, x.Length);
        foreach (int block in new[] { 1, 7, 128, 4096 })
        {
            RecordingSink actual = Run(x, block);
            Assert.Equal(expected.Frames, actual.Frames);
            Assert.Equal(expected.Onsets, actual.Onsets);
            Assert.Equal(expected.Beats, actual.Beats);
            Assert.Equal(expected.Pitch, actual.Pitch);
        }

        Assert.NotEmpty(expected.Onsets);
        Assert.NotEmpty(expected.Beats);
    }

    [Fact]
    public void Interleaved_IsTheMeanOfTheChannels()
    {
        float[] left = ListeningSignals.Clicks(120, 4, out _);
        float[] right = ListeningSignals.Sine(220, 4, amplitude: 0.3);
        var interleaved = new float[left.Length * 2];
        var mono = new float[left.Length];
        for (int i = 0; i < left.Length; i++)
        {
            interleaved[2 * i] = left[i];
            interleaved[(2 * i) + 1] = right[i];
            mono[i] = (left[i] + right[i]) * 0.5f;
        }

        var a = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var b = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var sa = new RecordingSink();
        var sb = new RecordingSink();
        a.ProcessInterleaved(interleaved, 2, sa);
        b.Process(mono, sb);
        Assert.Equal(sb.Frames, sa.Frames);
        Assert.Throws<ArgumentException>(() => a.ProcessInterleaved(new float[5], 2, null));
    }

    [Fact]
    public void NonFiniteSamples_AreCountedAndHeardAsSilence()
    {
        float[] x = ListeningSignals.Sine(440, 1);
        float[] y = (float[])x.Clone();
        y[1000] = float.NaN;
        y[2000] = float.PositiveInfinity;
        y[3000] = float.NegativeInfinity;
        x[1000] = x[2000] = x[3000] = 0;
        var a = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var b = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var sa = new RecordingSink();
        var sb = new RecordingSink();
        a.Process(y, sa);
        b.Process(x, sb);
        Assert.Equal(3, a.NonFiniteSamples);
        Assert.Equal(sb.Frames, sa.Frames);
        Assert.All(sa.Frames, f => Assert.True(double.IsFinite(f.LevelDbfs) && double.IsFinite(f.CentroidHz) && double.IsFinite(f.OnsetStrength)));
    }

    [Fact]
    public void Finish_ReportsTheTail_ButNothingAfterTheEnd()
    {
        // A click 10 ms before the end is reported only by Finish (it is inside the onset look-ahead).
        float[] x = ListeningSignals.Noise(2, -50);
        int at = x.Length - (48_000 / 100);
        for (int k = 0; k < 400; k++)
        {
            x[at + k] += (float)(0.8 * Math.Exp(-k / 144.0));
        }

        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var sink = new RecordingSink();
        analyzer.Process(x, sink);
        Assert.DoesNotContain(sink.Onsets, o => Math.Abs(o.Seconds - 1.99) < 0.008);
        analyzer.Finish(sink);
        Assert.Contains(sink.Onsets, o => Math.Abs(o.Seconds - 1.99) < 0.008);
        Assert.All(sink.Onsets, o => Assert.True(o.Seconds < 2.0));
        Assert.All(sink.Pitch, p => Assert.True(p.Index * analyzer.HopSeconds < 2.0));
    }

    [Fact]
    public void Reset_StartsOverAtTimeZero()
    {
        float[] x = ListeningSignals.Clicks(120, 5, out _);
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var first = new RecordingSink();
        analyzer.Process(x, first);
        analyzer.Reset();
        Assert.Equal(0, analyzer.SamplesIn);
        var second = new RecordingSink();
        analyzer.Process(x, second);
        Assert.Equal(first.Frames, second.Frames);
        Assert.Equal(first.Beats, second.Beats);
    }

    [Fact]
    public void Latencies_AreStatedInSamplesOfTheOptions()
    {
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        Assert.Equal(1280 / 48_000.0, analyzer.PitchLatencySeconds, 1e-12);
        Assert.Equal(((3 * 256) + 128 + 192 + 256) / 48_000.0, analyzer.OnsetLatencySeconds, 1e-12);
        Assert.Equal((128 + 192 + 256) / 48_000.0, analyzer.BeatLatencySeconds, 1e-12);
        Assert.Equal(analyzer.OnsetLatencySeconds, analyzer.LatencySeconds);
        Assert.True(analyzer.LatencySeconds < 0.035, "every analyzer reports within 35 ms");
    }

    [Fact]
    public void Process_AllocatesNothingPerBlock()
    {
        float[] x = ListeningSignals.Clicks(120, 12, out _);
        float[] tone = ListeningSignals.Sine(262, 12, amplitude: 0.2);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += tone[i];
        }

        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var sink = new CountingSink();
        int position = 0;
        long bytes = AllocationProbe.SteadyStateBytes(() =>
        {
            if (position + 128 > x.Length)
            {
                position = 0;
            }

            analyzer.Process(x.AsSpan(position, 128), sink);
            position += 128;
        }, warmUp: 1000, iterations: 1000);
        Assert.Equal(0, bytes);
        Assert.True(sink.Beats > 0 && sink.Onsets > 0, "the measured blocks found beats and onsets");
    }

    private static RecordingSink Run(float[] x, int block)
    {
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = 48_000 });
        var sink = new RecordingSink();
        for (int i = 0; i < x.Length; i += block)
        {
            analyzer.Process(x.AsSpan(i, Math.Min(block, x.Length - i)), sink);
        }

        analyzer.Process([], sink);
        analyzer.Finish(sink);
        return sink;
    }

    private sealed class CountingSink : IListeningSink
    {
        public int Beats { get; private set; }

        public int Onsets { get; private set; }

        public void OnFrame(in ListeningFrame frame)
        {
        }

        public void OnOnset(double seconds, float strength) => Onsets++;

        public void OnBeat(double seconds, double tempoBpm) => Beats++;

        public void OnPitch(long index, in PitchEstimate estimate)
        {
        }
    }
}
