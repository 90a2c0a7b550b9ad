using System.Text.Json;
using Echelon.Audio.Render;
using Echelon.Audio.Wav;
using Echelon.Music.Composition;
using Echelon.Studio.Render;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Render;

public sealed class RenderJobTests(RenderFixture fixture) : IClassFixture<RenderFixture>
{
    [Fact]
    public void BlockSizes1_7_128_4096_GiveBitIdenticalFiles()
    {
        (string reference, _) = fixture.Get(120, 0.7f, seconds: 4, block: 4096);
        foreach (int block in new[] { 1, 7, 128 })
        {
            (string other, _) = fixture.Get(120, 0.7f, seconds: 4, block: block);
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, "mix.wav")), File.ReadAllBytes(Path.Combine(other, "mix.wav")));
            foreach (string stem in new[] { "drums", "bass", "harmony", "melody", "percussion" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(reference, "stems", stem + ".wav")), File.ReadAllBytes(Path.Combine(other, "stems", stem + ".wav")));
            }
        }
    }

    [Fact]
    public void SameSeed_GivesIdenticalFiles_AnotherSeedDoesNot()
    {
        (string a, _) = fixture.Get(100, 0.6f, seconds: 4, seed: 11);
        string again = Path.Combine(fixture.Root, "again");
        RenderJob.Run(new RenderRequest
        {
            Arrangement = new ArrangementOptions { Bpm = 100, Seconds = 4, Seed = 11, Scale = new Music.Theory.Scale(9, Music.Theory.Mode.Aeolian), Control = ControlScript.Constant(new ControlState(0.6f, 0.6f, 0.5f, 0.5f, 0)) },
            OutputDirectory = again,
            Stems = true,
        });
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "mix.wav")), File.ReadAllBytes(Path.Combine(again, "mix.wav")));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "notes.jsonl")), File.ReadAllText(Path.Combine(again, "notes.jsonl")));
        (string b, _) = fixture.Get(100, 0.6f, seconds: 4, seed: 12);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "mix.wav")), File.ReadAllBytes(Path.Combine(b, "mix.wav")));
    }

    [Fact]
    public void Outputs_AreFortyEightKilohertzStereoOfTheRequestedLength_WithEveryNoteListed()
    {
        (string dir, RenderResult result) = fixture.Get(120, 0.7f, seconds: 4, block: 4096);
        WavAudio mix = WavReader.Read(Path.Combine(dir, "mix.wav"));
        Assert.Equal(48_000, mix.SampleRate);
        Assert.Equal(2, mix.ChannelCount);
        Assert.Equal(4 * 48_000, mix.Channels[0].Length);
        string[] lines = File.ReadAllLines(Path.Combine(dir, "notes.jsonl"));
        Assert.Equal(result.Notes, lines.Length);
        Assert.Equal(result.Notes, result.AgentNotes.Values.Sum());
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        foreach (string field in new[] { "t", "agent", "pitch", "velocity", "duration" })
        {
            Assert.True(first.RootElement.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void RenderLoop_AfterWarmUp_AllocatesNothing()
    {
        const int warmUpBlocks = 200;
        const int measuredBlocks = 2800;
        const int seconds = 24; // long enough that the warm-up and all three measured rounds render music, not silence past the end

        List<NoteEvent> notes = Arrangement.Compose(new ArrangementOptions { Seconds = seconds, Seed = 3 });
        InstrumentEvent[] events = [.. notes.Select(n => new InstrumentEvent(n.StartSample, (int)n.Agent, n.Pitch, n.Velocity, n.DurationSamples))];
        var renderer = new InstrumentRenderer(Band.Create(), events);
        renderer.Prepare(48_000, 128);
        var bus = new MixBus();
        bus.Prepare(48_000, 128, 120);
        var left = new float[128];
        var right = new float[128];
        int blocks = 0;
        long allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                renderer.RenderBlock(left, right);
                bus.Process(left, right, renderer.StemLeft((int)AgentKind.Melody, 128), renderer.StemRight((int)AgentKind.Melody, 128));
                blocks++;
            },
            warmUp: warmUpBlocks,
            iterations: measuredBlocks);

        Assert.Equal(0, allocated);
        Assert.True(blocks >= warmUpBlocks + measuredBlocks);
        Assert.True(blocks * 128L <= seconds * 48_000L, "every measured block falls inside the arrangement");
    }
}
