using System.Numerics;
using Echelon.Audio.Devices;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Studio.Configuration;
using Echelon.Studio.Engine;
using Echelon.Testing;
using Echelon.Studio.Tests.Infrastructure;

namespace Echelon.Studio.Tests.Engine;

/// <summary>
/// The express path live: a sensor frame that drives a synth macro through a Dynamics128 slot is answered when it
/// arrives, not at the next control frame. Frames are 100 ms apart here (10 Hz) so that "before the next frame" is
/// unmistakable.
/// </summary>
[Collection(RealTimeTests.Name)]
public sealed class StudioEngineExpressTests
{
    private const string Imu = "test-imu";
    private static readonly Vector3 Rest = new(0, 0, 9.80665f);
    private static readonly Vector3 Jolt = new(0, 0, 3 * 9.80665f);

    [Fact]
    public void AJolt_SetsTheMasterGainBeforeTheNextControlFrame()
    {
        using var engine = new StudioEngine(Options(express: true));
        using var output = new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        Start(engine, output);

        // A frame may start between the jolt and the answer by chance; of five tries, one at least must be answered
        // with no frame in between (each is answered within about a millisecond, the frames are 100 ms apart).
        int answeredBetweenFrames = 0;
        for (int trial = 0; trial < 5 && answeredBetweenFrames == 0; trial++)
        {
            Settle(engine, Rest, gain: 0);
            long expressBefore = engine.Counters.ExpressUpdates;
            long framesBefore = engine.Counters.ControlFrames;
            Publish(engine, Jolt);
            Eventually.True(() => engine.MasterGainTarget > 0.9, "the jolt never reached the master gain");
            if (engine.Counters.ControlFrames == framesBefore)
            {
                answeredBetweenFrames++;
                Assert.True(engine.Counters.ExpressUpdates > expressBefore);
            }
        }

        Assert.Equal(1, answeredBetweenFrames);
        output.Stop();
        engine.Stop();
    }

    [Fact]
    public void WithoutTheExpressPath_TheJoltWaitsForAFrame()
    {
        using var engine = new StudioEngine(Options(express: false));
        using var output = new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        Start(engine, output);
        for (int trial = 0; trial < 3; trial++)
        {
            Settle(engine, Rest, gain: 0);
            long framesBefore = engine.Counters.ControlFrames;
            Publish(engine, Jolt);
            Eventually.True(() => engine.MasterGainTarget > 0.9, "the jolt never reached the master gain");
            Assert.True(engine.Counters.ControlFrames > framesBefore);
        }

        Assert.Equal(0, engine.Counters.ExpressUpdates);
        output.Stop();
        engine.Stop();
    }

    [Fact]
    public void TheExpressPath_AllocatesNothing()
    {
        using var engine = new StudioEngine(Options(express: true) with { ControlRateHz = 100, BuilderOptions = Builder(100) });
        engine.Sensors.RegisterDevice(new SensorDevice(Imu, SensorKind.Imu, 375, "test"), "test");
        engine.RunFor(3);

        // Frames made beforehand (making one allocates); each block publishes one and the express path takes it in.
        var frames = new ImuFrame[12_000];
        long blockNs = 128 * 1_000_000_000L / 48_000;
        for (int i = 0; i < frames.Length; i++)
        {
            long t = engine.NowNs + (i * blockNs);
            frames[i] = new ImuFrame(Imu, t, t, i % 50 < 25 ? Rest : Jolt);
        }

        var left = new float[128];
        var right = new float[128];
        int next = 0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                engine.Sensors.TryPublish(frames[next++]);
                engine.StepForTests(left, right);
            },
            warmUp: 1000,
            iterations: 1000);
        Assert.Equal(0, bytes);
        Assert.True(engine.Counters.ExpressUpdates > 1000, $"{engine.Counters.ExpressUpdates} express updates");
    }

    private static EngineOptions Options(bool express) => new()
    {
        ControlRateHz = 10,
        ExpressMappings = express,
        Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 600, IncludePhone = false })],
        BuilderOptions = Builder(10),
        Mappings =
        [
            new ControlMapping
            {
                Source = MappingSource.Slot("imu0_acc_dynamic"),
                Target = MappingTarget.Synth("gain"),
                Input = new MappingRange(0, 1),
                Output = new MappingRange(0, 0.5),
            },
        ],
        RecordingsDirectory = Path.Combine(Path.GetTempPath(), "echelon-express-tests"),
    };

    private static Dynamics128BuilderOptions Builder(double rate) => new()
    {
        ImuDevices = [Imu],
        BodyDevice = "dancer",
        ControlRateHz = rate,
        Rhythm = new MotionRhythmOptions { FrameRateHz = rate },
    };

    private static void Start(StudioEngine engine, NullAudioOutput output)
    {
        engine.Sensors.RegisterDevice(new SensorDevice(Imu, SensorKind.Imu, 100, "test"), "test");
        engine.Start();
        output.Start(new EngineAudioCallback(engine));
        Eventually.True(() => engine.Counters.ControlFrames >= 2, "no control frames");
    }

    /// <summary>Rests until a frame has seen the rest, and returns just after a frame has started.</summary>
    private static void Settle(StudioEngine engine, Vector3 acceleration, double gain)
    {
        Publish(engine, acceleration);
        Eventually.True(() => Math.Abs(engine.MasterGainTarget - gain) < 1e-9, "the rest never reached the master gain");
        long frames = engine.Counters.ControlFrames;
        Eventually.True(() => engine.Counters.ControlFrames > frames, "no next frame");
    }

    private static void Publish(StudioEngine engine, Vector3 acceleration)
    {
        long now = engine.NowNs;
        Assert.True(engine.Sensors.TryPublish(new ImuFrame(Imu, now, now, acceleration)));
    }
}
