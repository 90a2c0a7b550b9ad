using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Echelon.Motion.Dynamics;

/// <summary>Settings of <see cref="Dynamics128Builder"/>; their hash is part of the producer id.</summary>
public sealed record Dynamics128BuilderOptions
{
    /// <summary>How often <see cref="Dynamics128Builder.Build"/> is called, Hz (the control rate).</summary>
    public double ControlRateHz { get; init; } = 100.0;

    /// <summary>A device's slots are masked once its last frame is older than this, seconds.</summary>
    public double StaleAfterSeconds { get; init; } = 0.25;

    /// <summary>
    /// The audio slots (112–119) are masked once the last <see cref="AudioFeatures"/> is older than this, seconds.
    /// Longer than <see cref="StaleAfterSeconds"/>: the analyzers report every few milliseconds, so a gap means the
    /// input has stopped, and half a second holds a beat's worth at 120 BPM through a hiccup.
    /// </summary>
    public double AudioStaleAfterSeconds { get; init; } = 0.5;

    /// <summary>The body device (skeleton or pose) to read, or null for the first one seen.</summary>
    public string? BodyDevice { get; init; }

    /// <summary>The IMU devices for slots 80–87 and 88–95, or null for the first two seen.</summary>
    public IReadOnlyList<string>? ImuDevices { get; init; }

    /// <summary>Image height in metres assumed for pose frames without world landmarks.</summary>
    public float PoseImageHeightMetres { get; init; } = 2.0f;

    /// <summary>Rhythm tracker settings (its frame rate must equal <see cref="ControlRateHz"/>).</summary>
    public MotionRhythmOptions Rhythm { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (!(ControlRateHz is >= 10 and <= 2000))
        {
            throw new ArgumentOutOfRangeException(nameof(ControlRateHz), ControlRateHz, "ControlRateHz must be 10–2000 Hz.");
        }

        if (!(StaleAfterSeconds is > 0 and <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(StaleAfterSeconds), StaleAfterSeconds, "StaleAfterSeconds must be in (0, 10] s.");
        }

        if (!(AudioStaleAfterSeconds is > 0 and <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(AudioStaleAfterSeconds), AudioStaleAfterSeconds, "AudioStaleAfterSeconds must be in (0, 10] s.");
        }

        if (!(PoseImageHeightMetres is > 0.1f and <= 20f))
        {
            throw new ArgumentOutOfRangeException(nameof(PoseImageHeightMetres), PoseImageHeightMetres, "PoseImageHeightMetres must be in (0.1, 20] m.");
        }

        if (ImuDevices is { Count: > Dynamics128Layout.MaxImuDevices })
        {
            throw new ArgumentOutOfRangeException(nameof(ImuDevices), ImuDevices.Count, $"At most {Dynamics128Layout.MaxImuDevices} IMU devices have slots.");
        }

        ArgumentNullException.ThrowIfNull(Rhythm);
        Rhythm.Validate();
        if (Math.Abs(Rhythm.FrameRateHz - ControlRateHz) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(Rhythm), Rhythm.FrameRateHz, $"Rhythm.FrameRateHz must equal ControlRateHz ({ControlRateHz}).");
        }
    }

    /// <summary>The first 12 hex digits of the SHA-256 of a canonical text of every setting.</summary>
    public string ConfigurationHash()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"rate={ControlRateHz:R};stale={StaleAfterSeconds:R};body={BodyDevice};imu={(ImuDevices is null ? string.Empty : string.Join(',', ImuDevices))};pose_h={PoseImageHeightMetres:R};audio_stale={AudioStaleAfterSeconds:R};");
        text.Append(CultureInfo.InvariantCulture, $"rhythm={Rhythm.MinTempoBpm:R},{Rhythm.MaxTempoBpm:R},{Rhythm.PriorTempoBpm:R},{Rhythm.PriorWidthOctaves:R},{Rhythm.MemorySeconds:R},{Rhythm.WarmUpSeconds:R},{Rhythm.PhaseResonatorBeats:R}");
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..12];
    }
}
