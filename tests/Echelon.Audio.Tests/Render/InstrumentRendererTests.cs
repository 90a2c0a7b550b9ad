using Echelon.Audio.Dsp;
using Echelon.Audio.Instruments;
using Echelon.Audio.Render;
using Echelon.Testing;

namespace Echelon.Audio.Tests.Render;

public sealed class InstrumentRendererTests
{
    private const int Rate = 48_000;

    [Fact]
    public void BlockSizes1_7_128_4096_GiveBitIdenticalOutput()
    {
        float[] reference = Render(4096, seconds: 1.5);
        foreach (int block in new[] { 1, 7, 128 })
        {
            float[] other = Render(block, seconds: 1.5);
            Assert.Equal(reference.Length, other.Length);
            for (int i = 0; i < reference.Length; i++)
            {
                Assert.True(BitConverter.SingleToInt32Bits(reference[i]) == BitConverter.SingleToInt32Bits(other[i]), $"block {block}: sample {i} differs ({reference[i]} vs {other[i]})");
            }
        }

        Assert.Contains(reference, s => Math.Abs(s) > 0.01f);
    }

    [Fact]
    public void NoteStartsOnItsExactSampleAndStopsAfterItsRelease()
    {
        var synth = new PolySynth(new SynthPatch { Attack = 0.001, Release = 0.05 }, voices: 4);
        var renderer = new InstrumentRenderer([synth], [new InstrumentEvent(1000, 0, 60, 1f, 4800)]);
        renderer.Prepare(Rate, 256);
        var left = new float[Rate / 2];
        var right = new float[Rate / 2];
        for (int offset = 0; offset < left.Length; offset += 256)
        {
            int n = Math.Min(256, left.Length - offset);
            renderer.RenderBlock(left.AsSpan(offset, n), right.AsSpan(offset, n));
        }

        Assert.All(left.AsSpan(0, 1000).ToArray(), s => Assert.Equal(0f, s));
        Assert.Contains(left.AsSpan(1000, 200).ToArray(), s => s != 0f);
        Assert.Equal(0, synth.ActiveVoices); // 4800 samples of note + 50 ms release ended long before 0.5 s
        // After the release only the DC blocker's own decaying tail remains.
        Assert.All(left.AsSpan(1000 + 4800 + 2400 + 4800).ToArray(), s => Assert.True(Math.Abs(s) < 1e-4f, $"{s}"));
    }

    [Fact]
    public void RenderBlock_AfterWarmUp_AllocatesNothing()
    {
        InstrumentRenderer renderer = CreateRenderer();
        renderer.Prepare(Rate, 128);
        var left = new float[128];
        var right = new float[128];
        long bytes = AllocationProbe.SteadyStateBytes(() => renderer.RenderBlock(left, right), warmUp: 50, iterations: 500);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Events_OutOfOrderOrForAMissingInstrument_AreRejected()
    {
        var synth = new PolySynth(new SynthPatch(), 2);
        Assert.Throws<ArgumentException>(() => new InstrumentRenderer([synth], [new InstrumentEvent(10, 0, 60, 1, 10), new InstrumentEvent(5, 0, 60, 1, 10)]));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new InstrumentRenderer([synth], [new InstrumentEvent(10, 3, 60, 1, 10)]));
        Assert.Contains("instrument 3", e.Message, StringComparison.Ordinal);
    }

    private static InstrumentRenderer CreateRenderer()
    {
        var bass = new PolySynth(new SynthPatch { Wave2 = OscillatorWaveform.Square, Octave2 = -1, CutoffHz = 400 }, 2, -0.2f);
        var pad = new PolySynth(new SynthPatch { Attack = 0.2, Release = 0.5, CutoffHz = 1500 }, 8, 0.3f);
        var events = new List<InstrumentEvent>();
        for (int beat = 0; beat < 8; beat++)
        {
            long start = (beat * Rate / 4) + 7; // not aligned to any block size
            events.Add(new InstrumentEvent(start, 0, (byte)(36 + (beat % 3)), 0.9f, Rate / 8));
            if (beat % 2 == 0)
            {
                events.Add(new InstrumentEvent(start, 1, 60, 0.6f, Rate / 2));
                events.Add(new InstrumentEvent(start, 1, 64, 0.6f, Rate / 2));
                events.Add(new InstrumentEvent(start, 1, 67, 0.6f, Rate / 2));
            }
        }

        return new InstrumentRenderer([bass, pad], events);
    }

    private static float[] Render(int block, double seconds)
    {
        InstrumentRenderer renderer = CreateRenderer();
        renderer.Prepare(Rate, block);
        int total = (int)(seconds * Rate);
        var left = new float[total];
        var right = new float[total];
        for (int offset = 0; offset < total; offset += block)
        {
            int n = Math.Min(block, total - offset);
            renderer.RenderBlock(left.AsSpan(offset, n), right.AsSpan(offset, n));
        }

        return [.. left, .. right];
    }
}
