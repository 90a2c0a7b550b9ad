using Echelon.Motion.Tests.Infrastructure;
using System.Globalization;
using Echelon.Motion.Frames;
using Echelon.Motion.Imu;

namespace Echelon.Motion.Tests.Imu;

/// <summary>The real Oxford step-counter trace: counts and rates measured from the file itself.</summary>
public sealed class OxfordStepCounterTests
{
    private static readonly Lazy<ImuCsvRecording> s_recording = new(() => ImuCsvReader.Read(SharedTestData.OxfordHandCsv));

    private static ImuCsvRecording Recording => s_recording.Value;

    [Fact]
    public void Layout_IsDetectedAsOxford()
    {
        Assert.Equal(ImuCsvLayout.OxfordStepCounter, ImuCsvReader.DetectLayout(SharedTestData.OxfordHandCsv));
        Assert.Equal(ImuCsvLayout.OxfordStepCounter, Recording.Layout);
    }

    [Fact]
    public void FrameCount_EqualsTheDataRows()
    {
        int rows = File.ReadLines(SharedTestData.OxfordHandCsv).Count(l => !string.IsNullOrWhiteSpace(l));
        Assert.Equal(19405, rows);
        Assert.Equal(rows, Recording.Frames.Count);
        Assert.Equal(0, Recording.RejectedFrames);
    }

    [Fact]
    public void NominalRate_IsAbout100Hz()
    {
        Assert.InRange(Recording.NominalRateHz, 95, 105);
    }

    [Fact]
    public void Times_AreTheFileTimestampsAndSessionRelative()
    {
        ImuFrame first = Recording.Frames[0];
        ImuFrame last = Recording.Frames[^1];
        Assert.Equal(1012461540465L, first.DeviceTimeNs);
        Assert.Equal(0, first.HostTimeNs);
        Assert.Equal(1012461540465L, Recording.FirstTimestampNs);
        Assert.Equal(1206441958621L, last.DeviceTimeNs);
        Assert.Equal(1206441958621L - 1012461540465L, last.HostTimeNs);
        Assert.All(Recording.Frames, f => Assert.Equal("phone", f.DeviceId));
    }

    [Fact]
    public void Acceleration_IncludesGravity()
    {
        Assert.True(Recording.AccelerationIncludesGravity);
        double mean = Recording.Frames.Average(f => f.Acceleration.Length());
        Assert.InRange(mean, 9.0, 11.0);
        Assert.Equal(new System.Numerics.Vector3(0.48243165f, 2.4528596f, 4.9643774f), Recording.Frames[1].Acceleration);
    }

    [Fact]
    public void GroundTruthSteps_MatchTheCounterColumn()
    {
        // Independent count straight from the file: every rise of column 6.
        var expected = new List<long>();
        long? firstTime = null;
        long? previous = null;
        foreach (string line in File.ReadLines(SharedTestData.OxfordHandCsv))
        {
            string[] fields = line.Split(',');
            long time = long.Parse(fields[0], CultureInfo.InvariantCulture);
            long steps = long.Parse(fields[5], CultureInfo.InvariantCulture);
            firstTime ??= time;
            for (long s = previous ?? steps; s < steps; s++)
            {
                expected.Add(time - firstTime.Value);
            }

            previous = steps;
        }

        Assert.Equal(326, Recording.GroundTruthStepTimesNs.Count);
        Assert.Equal(expected, Recording.GroundTruthStepTimesNs);
        Assert.Equal(430417656L, Recording.GroundTruthStepTimesNs[0]);
    }

    [Fact]
    public void GroundTruthCadence_IsAbout102StepsPerMinute()
    {
        IReadOnlyList<long> steps = Recording.GroundTruthStepTimesNs;
        double minutes = (steps[^1] - steps[0]) / 60e9;
        double cadence = (steps.Count - 1) / minutes;
        Assert.InRange(cadence, 95, 110);
    }

    [Fact]
    public void Source_ReportsOnePhoneAndTheGroundTruth()
    {
        using var source = new ImuCsvSource(SharedTestData.OxfordHandCsv);
        Assert.Equal("imu-csv:" + SharedTestData.OxfordHandCsv, source.Name);
        Assert.Single(source.Devices);
        Assert.Equal("phone", source.Devices[0].Id);
        Assert.Equal(SensorKind.Imu, source.Devices[0].Kind);
        Assert.InRange(source.Devices[0].NominalRateHz, 95, 105);
        Assert.Equal(326, source.GroundTruthStepTimesNs.Count);

        int count = 0;
        while (source.TryRead(out SensorFrame? frame))
        {
            Assert.IsType<ImuFrame>(frame);
            count++;
        }

        Assert.Equal(19405, count);
        Assert.Equal(0, source.RejectedFrames);
    }

    [Fact]
    public void Source_TakesADeviceId()
    {
        using var source = new ImuCsvSource(SharedTestData.OxfordHandCsv, new ImuCsvOptions { DeviceId = "watch" });
        Assert.Equal("watch", source.Devices[0].Id);
        Assert.True(source.TryRead(out SensorFrame? frame));
        Assert.Equal("watch", frame.DeviceId);
    }
}
