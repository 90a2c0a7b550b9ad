using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Music.Transport;
using Echelon.Studio.Configuration;
using Echelon.Studio.Engine;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Engine;

public sealed class StudioEngineTests
{
    private static EngineOptions Dancer(DanceStyle style = DanceStyle.Bounce, double bpm = 120, ulong seed = 1, string? recordings = null) => new()
    {
        Seed = seed,
        Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 120, Bpm = bpm, Style = style, Seed = seed })],
        RecordingsDirectory = recordings ?? Path.Combine(Path.GetTempPath(), "echelon-engine-tests"),
    };

    [Fact]
    public void Offline_PlaysMusicUnderTheCeiling_WithNothingLateOrDropped()
    {
        using var engine = new StudioEngine(Dancer());
        double peak = 0, sum = 0;
        long n = 0;
        engine.RunFor(12, 128, (l, r, count) =>
        {
            for (int i = 0; i < count; i++)
            {
                peak = Math.Max(peak, Math.Max(Math.Abs(l[i]), Math.Abs(r[i])));
                sum += l[i] * l[i];
                n++;
                Assert.True(float.IsFinite(l[i]) && float.IsFinite(r[i]));
            }
        });

        Assert.Equal(12 * 48_000, engine.Position);
        Assert.True(peak > 0.05, $"peak {peak}");
        Assert.True(20 * Math.Log10(peak) <= -0.1 + 1e-6, $"peak {20 * Math.Log10(peak):F2} dBFS");
        Assert.True(Math.Sqrt(sum / n) > 0.01);
        EngineCounters c = engine.Counters;
        Assert.Equal(1200, c.ControlFrames);
        Assert.Equal(0, c.LateNotes);
        Assert.Equal(0, c.DroppedNotes);
        Assert.Equal(0, c.DroppedSensorFrames);
        Assert.True(c.SensorFrames > 1900, $"sensor frames {c.SensorFrames}");
    }

    [Fact]
    public void SameSourcesAndSeed_GiveTheSameSamples()
    {
        float[] a = Render(Dancer(seed: 3), 6);
        float[] b = Render(Dancer(seed: 3), 6);
        float[] c = Render(Dancer(seed: 4), 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(96.0)]
    [InlineData(132.0)]
    public void FollowMode_TheTransportReachesTheDancersTempo(double bpm)
    {
        using var engine = new StudioEngine(Dancer(bpm: bpm));
        engine.RunFor(30);
        Assert.InRange(engine.Bpm, bpm * 0.98, bpm * 1.02);
        TelemetrySnapshot t = engine.CreateTelemetrySnapshot();
        Assert.True(engine.TryReadTelemetry(t));
        Assert.InRange(t.DancerBpm, bpm * 0.97, bpm * 1.03);
    }

    [Fact]
    public void FollowMode_StaysWithinItsLimits_AndFixedModeHoldsTheControls()
    {
        using (var engine = new StudioEngine(Dancer(bpm: 150) with { MaxBpm = 130 }))
        {
            engine.RunFor(30);
            Assert.InRange(engine.Bpm, 129.9, 130.0);
        }

        using (var engine = new StudioEngine(Dancer(bpm: 150) with { Tempo = TempoMode.Fixed, Controls = StudioControls.Default with { Bpm = new Bpm(90) } }))
        {
            engine.RunFor(10);
            Assert.Equal(90, engine.Bpm);
        }
    }

    [Fact]
    public void Movement_ShapesTheMusic_HypeIsDenserAndLouderThanSway()
    {
        (double swayIntensity, double swayRms) = Measure(DanceStyle.Sway);
        (double hypeIntensity, double hypeRms) = Measure(DanceStyle.Hype);
        Assert.True(hypeIntensity > swayIntensity + 0.3, $"intensity sway {swayIntensity:F2}, hype {hypeIntensity:F2}");
        Assert.True(hypeRms > swayRms + 1, $"RMS sway {swayRms:F1} dBFS, hype {hypeRms:F1} dBFS");

        static (double Intensity, double RmsDb) Measure(DanceStyle style)
        {
            using var engine = new StudioEngine(Dancer(style));
            double sum = 0, intensity = 0;
            long n = 0;
            int frames = 0;
            TelemetrySnapshot t = engine.CreateTelemetrySnapshot();
            for (int second = 0; second < 16; second++)
            {
                engine.RunFor(1, 128, (l, r, count) =>
                {
                    for (int i = 0; i < count; i++)
                    {
                        sum += (l[i] * l[i]) + (r[i] * r[i]);
                    }

                    n += count * 2;
                });
                if (second >= 4 && engine.TryReadTelemetry(t))
                {
                    intensity += t.Intensity;
                    frames++;
                }
            }

            return (intensity / frames, 10 * Math.Log10(sum / n));
        }
    }

    [Fact]
    public void Controls_MutingEveryAgent_SilencesTheMix()
    {
        using var engine = new StudioEngine(Dancer());
        engine.RunFor(2);
        StudioControls muted = engine.Controls with
        {
            Agents = engine.Controls.Agents.SetItems(StudioControls.AgentNames.Select(n => KeyValuePair.Create(n, new AgentControl(Mute: true)))),
        };
        engine.SetControls(muted);
        Assert.Same(muted, engine.Controls);
        double late = 0;
        engine.RunFor(1); // tails of notes already playing, and the reverb
        engine.RunFor(3, 128, (l, r, count) =>
        {
            for (int i = 0; i < count; i++)
            {
                late = Math.Max(late, Math.Abs(l[i]));
            }
        });
        Assert.True(late < 0.02, $"peak {late} with every agent muted");
    }

    [Fact]
    public void Telemetry_CarriesTheLatentsPhasesAndLevels()
    {
        using var engine = new StudioEngine(Dancer());
        TelemetrySnapshot t = engine.CreateTelemetrySnapshot();
        Assert.False(engine.TryReadTelemetry(t));
        engine.RunFor(5);
        Assert.True(engine.TryReadTelemetry(t));
        Assert.Equal(499, t.Frame);
        Assert.Equal(4.99, t.TimeSeconds, 9);
        Assert.Equal(64, t.Fast.Length);
        Assert.Contains(t.Fast, v => v != 0);
        Assert.InRange(t.Theta, 0, 2 * Math.PI);
        Assert.InRange(t.Psi, -Math.PI, Math.PI);
        Assert.InRange(t.KUsed, 1, t.KMax);
        Assert.InRange(t.RmsDbfs, -60, -0.1);
        Assert.InRange(t.Intensity, 0, 1);
        Assert.Equal(2, engine.Devices.Count);
        Assert.All(engine.Devices, d => Assert.True(d.Frames > 200 && d.RateHz > 50, d.ToString()));
    }

    [Fact]
    public void Telemetry_MetersEveryStem_AndAMutedAgentsStemReadsTheFloor()
    {
        const string Muted = "drums";
        StudioControls controls = StudioControls.Default with
        {
            Agents = StudioControls.Default.Agents.SetItem(Muted, new AgentControl(Mute: true)),
        };
        using var engine = new StudioEngine(Dancer() with { Controls = controls });
        TelemetrySnapshot t = engine.CreateTelemetrySnapshot();
        IReadOnlyList<string> names = StudioControls.AgentNames;
        int muted = names.ToList().IndexOf(Muted);
        Assert.Equal(names.Count, t.StemPeakDbfs.Length);
        var loudest = new double[names.Count];
        loudest.AsSpan().Fill(double.NegativeInfinity);
        for (int frame = 0; frame < 800; frame++)
        {
            engine.RunFor(0.01); // one control frame and its blocks
            Assert.True(engine.TryReadTelemetry(t));
            for (int stem = 0; stem < names.Count; stem++)
            {
                double peak = t.StemPeakDbfs[stem], rms = t.StemRmsDbfs[stem];
                Assert.True(double.IsFinite(peak) && double.IsFinite(rms), $"{names[stem]}: peak {peak}, RMS {rms} at frame {t.Frame}");
                Assert.InRange(peak, -120, 0);
                Assert.InRange(rms, -120, peak + 1e-9);
                loudest[stem] = Math.Max(loudest[stem], peak);
            }

            Assert.Equal(-120, t.StemPeakDbfs[muted]);
            Assert.Equal(-120, t.StemRmsDbfs[muted]);
        }

        for (int stem = 0; stem < names.Count; stem++)
        {
            if (stem != muted)
            {
                Assert.True(loudest[stem] > -40, $"{names[stem]} peaked at {loudest[stem]:F1} dBFS over 8 s");
            }
        }

        // Unmuted, the drums are heard again from the next block.
        engine.SetControls(StudioControls.Default);
        double drums = -120;
        for (int frame = 0; frame < 200; frame++)
        {
            engine.RunFor(0.01);
            Assert.True(engine.TryReadTelemetry(t));
            drums = Math.Max(drums, t.StemPeakDbfs[muted]);
        }

        Assert.True(drums > -40, $"the drums peaked at {drums:F1} dBFS once unmuted");
    }

    [Fact]
    public void Telemetry_KUsedHistogram_CountsEveryControlFrame()
    {
        using var engine = new StudioEngine(Dancer());
        TelemetrySnapshot t = engine.CreateTelemetrySnapshot();
        Assert.Equal(engine.IterationCap + 1, t.KUsedHistogram.Length); // 0 to K, the cap starting at K
        var seen = new long[t.KUsedHistogram.Length];
        for (int frame = 0; frame < 300; frame++)
        {
            engine.RunFor(0.01); // exactly one control frame each
            Assert.True(engine.TryReadTelemetry(t));
            Assert.Equal(frame, t.Frame);
            seen[t.KUsed]++;
            Assert.Equal(seen, t.KUsedHistogram);
        }

        // And in long strides, where the snapshot shows only every 500th frame's k_used, the counts still add up.
        engine.RunFor(10);
        Assert.True(engine.TryReadTelemetry(t));
        Assert.Equal(engine.Counters.ControlFrames, t.KUsedHistogram.Sum());
        Assert.Equal(t.Frame + 1, t.KUsedHistogram.Sum());
        Assert.Equal(1300, t.KUsedHistogram.Sum());
        Assert.Contains(t.KUsedHistogram[1..], c => c > 0);
    }

    [Fact]
    public void Ingress_NetworkDevicesAppear_AndUnknownOrBadFramesAreRejected()
    {
        using var engine = new StudioEngine(Dancer());
        engine.RunFor(0.5);
        var phone = new SensorDevice("phone-7", Echelon.Motion.Frames.SensorKind.Imu, 60, "paired phone");
        var frame = new Echelon.Motion.Frames.ImuFrame("phone-7", deviceTimeNs: 1, hostTimeNs: engine.NowNs, new System.Numerics.Vector3(0, 0, 9.8f));
        Assert.False(engine.Sensors.TryPublish(frame), "a frame from a device nobody registered is rejected");
        engine.Sensors.RegisterDevice(phone, "phone");
        Assert.True(engine.Sensors.TryPublish(frame));
        Assert.False(engine.Sensors.TryPublish(frame with { Acceleration = new(float.NaN, 0, 0) }));
        engine.RunFor(0.1);
        Assert.Contains(engine.Devices, d => d.Id == "phone-7" && d.Source == "phone" && d.Frames == 1);
        Assert.Equal(2, engine.Counters.RejectedSensorFrames);
    }

    [Fact]
    public void Recorder_TakesAValidSession_WhileTheEngineRuns()
    {
        using var dir = new TempDirectory();
        using var engine = new StudioEngine(Dancer(recordings: dir.Path));
        engine.RunFor(1);
        RecorderStatus started = engine.StartRecording();
        Assert.True(started.Recording);
        engine.RunFor(2);
        RecorderStatus stopped = engine.StopRecording();
        Assert.False(stopped.Recording);
        SessionSummary session = Assert.Single(engine.ListSessions());
        Assert.Equal("closed", session.Status);
        Assert.True(session.Records > 400, $"records {session.Records}");
        Assert.True(Echelon.Sessions.Validation.SessionValidator.Validate(session.Directory).Ok);
    }

    [Fact]
    public void SlowFrames_AreCounted_SkipTheNextSlowSolve_LowerK_AndRecover()
    {
        // A whole period as the budget, so only the injected 15 ms frames overrun even on a busy machine.
        using var engine = new StudioEngine(Dancer() with { FrameBudgetShare = 1.0 });
        engine.RunFor(5); // the first, cold frames may overrun; by 5 s any early cut has been restored
        int cap = engine.IterationCap;
        long overruns = engine.Counters.ControlOverruns;
        long skipped = engine.Counters.SkippedSlowSolves;
        int slow = 0;
        engine.FrameProbe = () =>
        {
            if (slow-- > 0)
            {
                Thread.Sleep(15);
            }
        };
        slow = 3;
        engine.RunFor(0.5);
        EngineCounters after = engine.Counters;
        Assert.Equal(overruns + 3, after.ControlOverruns);
        Assert.Equal(cap - 3, engine.IterationCap);
        Assert.InRange(after.SkippedSlowSolves - skipped, 1, 3);

        // 200 frames on time raise the cap one step at a time.
        engine.RunFor(6.5);
        Assert.Equal(cap, engine.IterationCap);
        Assert.Equal(overruns + 3, engine.Counters.ControlOverruns);
    }

    [Fact]
    public void ControlFrameAndAudio_AllocateNothingAfterWarmUp()
    {
        using var dir = new TempDirectory();
        using var engine = new StudioEngine(Dancer(recordings: dir.Path));
        engine.RunFor(3);
        var left = new float[128];
        var right = new float[128];
        long bytes = AllocationProbe.SteadyStateBytes(() => engine.StepForTests(left, right), warmUp: 1000, iterations: 1000);
        Assert.Equal(0, bytes);

        // Recording too: the control thread only copies each vector into the sensor side's tap (no lock, no allocation).
        engine.StartRecording();
        long recording = AllocationProbe.SteadyStateBytes(() => engine.StepForTests(left, right), warmUp: 1000, iterations: 1000);
        Assert.Equal(0, recording);
        engine.StopRecording();
    }

    private static float[] Render(EngineOptions options, double seconds)
    {
        using var engine = new StudioEngine(options);
        var all = new List<float>();
        engine.RunFor(seconds, 256, (l, r, n) =>
        {
            all.AddRange(l.AsSpan(0, n));
            all.AddRange(r.AsSpan(0, n));
        });
        return [.. all];
    }
}
