using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Echelon.Audio.Devices;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Protocols.Osc;
using Echelon.Studio.Configuration;
using Echelon.Studio.Engine;
using Echelon.Studio.Osc;
using Echelon.Studio.Tests.Infrastructure;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Engine;

/// <summary>An OSC sensor input in the live engine: read on its own thread, stamped on the engine clock, heard at once.</summary>
[Collection(RealTimeTests.Name)]
public sealed class StudioEngineOscInputTests
{
    [Fact]
    public void AnOscImu_AppearsAsADevice_AndItsJoltReachesTheMasterGain()
    {
        var osc = new OscSensorSource(0);
        using var engine = new StudioEngine(new EngineOptions
        {
            Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 600, IncludePhone = false }), () => osc],
            BuilderOptions = new Dynamics128BuilderOptions { ImuDevices = ["osc-imu"], BodyDevice = "dancer" },
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
            RecordingsDirectory = Path.Combine(Path.GetTempPath(), "echelon-osc-input-tests"),
        });
        using var output = new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        using var sender = new UdpClient();
        sender.Connect(IPAddress.Loopback, osc.Port);
        engine.Start();
        output.Start(new EngineAudioCallback(engine));

        sender.Send(Imu(1f));
        Eventually.True(() => engine.Devices.Any(d => d.Id == "osc-imu"), "the OSC IMU never appeared");
        Eventually.True(() => engine.MasterGainTarget == 0, "the still IMU never silenced the band");
        DeviceStatus device = Assert.Single(engine.Devices, d => d.Id == "osc-imu");
        Assert.Equal("imu", device.Kind);
        Assert.Equal("osc:" + osc.Port, device.Source);

        // A 2 g jolt: heard through the express path (or the next frame), stamped on the engine's clock, not the socket's.
        long frames = engine.Counters.SensorFrames;
        sender.Send(Imu(3f));
        Eventually.True(() => engine.MasterGainTarget > 0.9, "the jolt never reached the master gain");
        Assert.True(engine.Counters.SensorFrames > frames);
        double lastSeen = engine.Devices.Single(d => d.Id == "osc-imu").LastSeenSeconds!.Value;
        Assert.InRange(lastSeen, device.LastSeenSeconds!.Value, engine.NowNs / 1e9);

        output.Stop();
        engine.Stop();
    }

    [Fact]
    public void ALiveSource_IsReadOnItsOwnThread_NeverByTheSensorThreadsPacing()
    {
        // A live source's read waits for the network; were it read with the files and the dancer, they would wait too
        // (the OSC input waited up to 100 ms a read). Offline it is not read at all; live, on a thread of its own.
        var live = new WaitingSource();
        using var engine = new StudioEngine(new EngineOptions
        {
            Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 600, IncludePhone = false }), () => live],
            RecordingsDirectory = Path.Combine(Path.GetTempPath(), "echelon-osc-input-tests"),
        });
        engine.RunFor(1);
        Assert.Equal(0, live.Reads);
        Assert.True(engine.Counters.SensorFrames > 50);

        using var output = new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        engine.Start();
        output.Start(new EngineAudioCallback(engine));
        Eventually.True(() => live.Reads > 0, "the live source was never read");
        Assert.Equal("echelon-sensors waiting", live.ReaderThread);
        Assert.NotNull(live.Clock); // the engine's clock was handed over: it reads what the engine reads
        long stamped = live.Clock();
        Assert.InRange(stamped, 1, engine.NowNs);
        output.Stop();
        engine.Stop();
        Assert.True(live.Stopped);
    }

    private static byte[] Imu(float g) =>
        new OscMessage("/echelon/imu/osc-imu", OscValue.Float32(0), OscValue.Float32(0), OscValue.Float32(g * 9.80665f)).ToArray();

    /// <summary>A live source with nothing to say: each read waits 50 ms, as a quiet socket does, until stopped.</summary>
    private sealed class WaitingSource : ILiveSensorSource
    {
        private int _reads;

        public string Name => "waiting";

        public IReadOnlyList<SensorDevice> Devices => [];

        public long RejectedFrames => 0;

        public int Reads => Volatile.Read(ref _reads);

        public string? ReaderThread { get; private set; }

        public Func<long>? Clock { get; private set; }

        public bool Stopped { get; private set; }

        public void UseClock(Func<long> hostClockNs) => Clock = hostClockNs;

        public void StopReading() => Stopped = true;

        public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
        {
            frame = null;
            ReaderThread = Thread.CurrentThread.Name;
            Interlocked.Increment(ref _reads);
            while (!Stopped)
            {
                Thread.Sleep(50);
            }

            return false;
        }

        public void Dispose() => Stopped = true;
    }
}
