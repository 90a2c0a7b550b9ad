using Echelon.Audio.Devices;
using Echelon.Motion.Synthetic;
using Echelon.Studio.Engine;
using Echelon.Studio.Tests.Infrastructure;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Engine;

/// <summary>A control thread that starts behind the audio composes no note into what has already played.</summary>
[Collection(RealTimeTests.Name)]
public sealed class StudioEngineLateStartTests
{
    [Fact]
    public void AControlThreadBehindTheAudio_StartsTheFirstBarAheadOfIt_WithNoLateNote()
    {
        // The audio runs for a third of a second before the control thread starts, as when the first frame's code is
        // still being compiled: the first bar was due at 50 ms, long past. It must start ahead of the audio instead.
        using var engine = new StudioEngine(new EngineOptions
        {
            Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 600 })],
            RecordingsDirectory = Path.Combine(Path.GetTempPath(), "echelon-late-start-tests"),
        });
        using var output = new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        output.Start(new EngineAudioCallback(engine));
        Eventually.True(() => engine.Position >= 16_000, "a third of a second of audio");
        engine.Start();

        // Two bars and a half at 120 BPM: the shifted first bar, and the bars composed ahead after it.
        Eventually.True(() => engine.Position >= 48_000 * 5, "five seconds of audio");
        output.Stop();
        engine.Stop();
        Assert.True(engine.Counters.ControlFrames > 400);
        Assert.Equal(0, engine.Counters.LateNotes);
    }
}
