using Echelon.Motion.Frames;

namespace Echelon.Motion.Synthetic;

/// <summary>Settings of the <see cref="SyntheticDancer"/>. The seed fixes everything random.</summary>
public sealed record SyntheticDancerOptions
{
    /// <summary>Seed of the timing noise, limb offsets and sensor noise.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Tempo, 40–200 BPM.</summary>
    public double Bpm { get; init; } = 120.0;

    /// <summary>Length, seconds (&gt; 0).</summary>
    public double Seconds { get; init; } = 30.0;

    /// <summary>Movement preset.</summary>
    public DanceStyle Style { get; init; } = DanceStyle.Bounce;

    /// <summary>Human timing noise: each beat's length varies uniformly within ±this fraction (0–0.2).</summary>
    public double TimingJitter { get; init; } = 0.02;

    /// <summary>Skeleton frame rate, Hz (1–480).</summary>
    public double PoseRateHz { get; init; } = 60.0;

    /// <summary>Phone IMU rate, Hz (1–1000).</summary>
    public double ImuRateHz { get; init; } = 100.0;

    /// <summary>Whether the virtual phone in the right hand reports its IMU.</summary>
    public bool IncludePhone { get; init; } = true;

    /// <summary>Device id of the skeleton stream.</summary>
    public string DancerDevice { get; init; } = "dancer";

    /// <summary>Device id of the phone's IMU stream.</summary>
    public string PhoneDevice { get; init; } = "phone";

    /// <summary>Scripted gestures.</summary>
    public IReadOnlyList<DancerGesture> Gestures { get; init; } = [];

    /// <summary>Scripted dropouts.</summary>
    public IReadOnlyList<DancerDropout> Dropouts { get; init; } = [];

    /// <summary>Standard deviation of the accelerometer noise, m/s².</summary>
    public double AccelerometerNoise { get; init; } = 0.05;

    /// <summary>Standard deviation of the gyroscope noise, rad/s.</summary>
    public double GyroscopeNoise { get; init; } = 0.01;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> naming the first bad setting and its allowed range.</summary>
    public void Validate()
    {
        Check(Bpm is >= 40 and <= 200, nameof(Bpm), Bpm, "40–200 BPM");
        Check(Seconds is > 0 and <= 86400, nameof(Seconds), Seconds, "in (0, 86400] s");
        Check(TimingJitter is >= 0 and <= 0.2, nameof(TimingJitter), TimingJitter, "0–0.2");
        Check(PoseRateHz is >= 1 and <= 480, nameof(PoseRateHz), PoseRateHz, "1–480 Hz");
        Check(ImuRateHz is >= 1 and <= 1000, nameof(ImuRateHz), ImuRateHz, "1–1000 Hz");
        Check(AccelerometerNoise is >= 0 and <= 10, nameof(AccelerometerNoise), AccelerometerNoise, "0–10 m/s²");
        Check(GyroscopeNoise is >= 0 and <= 10, nameof(GyroscopeNoise), GyroscopeNoise, "0–10 rad/s");
        if (!Enum.IsDefined(Style))
        {
            throw new ArgumentOutOfRangeException(nameof(Style), Style, "Style must be one of Bounce, Groove, Sway, Hype.");
        }

        DeviceIds.Validate(DancerDevice);
        DeviceIds.Validate(PhoneDevice);
        if (string.Equals(DancerDevice, PhoneDevice, StringComparison.Ordinal))
        {
            throw new ArgumentException("DancerDevice and PhoneDevice must differ.", nameof(PhoneDevice));
        }

        foreach (DancerGesture g in Gestures)
        {
            Check(g.AtBeat >= 0 && g.Beats > 0 && double.IsFinite(g.AtBeat) && double.IsFinite(g.Beats), nameof(Gestures), g.AtBeat, "gestures start at beat >= 0 and last > 0 beats");
        }

        foreach (DancerDropout d in Dropouts)
        {
            Check(d.StartSeconds >= 0 && d.Seconds > 0, nameof(Dropouts), d.StartSeconds, "dropouts start at >= 0 s and last > 0 s");
            if (d.DeviceId != DancerDevice && d.DeviceId != PhoneDevice)
            {
                throw new ArgumentException($"Dropout device '{d.DeviceId}' is neither '{DancerDevice}' nor '{PhoneDevice}'.", nameof(Dropouts));
            }
        }
    }

    private static void Check(bool ok, string name, double value, string allowed)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {allowed}.");
        }
    }
}
