using Echelon.Motion.Sources;
using Echelon.Motion.Frames;

namespace Echelon.Motion.Imu;

/// <summary>
/// An IMU CSV read into memory by <see cref="ImuCsvReader"/>: the frames in file order, the
/// ground-truth steps where the layout has them, and counts of the rows that were left out.
/// </summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed class ImuCsvRecording
{
    internal ImuCsvRecording(
        string path,
        ImuCsvLayout layout,
        IReadOnlyList<ImuFrame> frames,
        long firstTimestampNs,
        double nominalRateHz,
        IReadOnlyList<long> groundTruthStepTimesNs,
        bool accelerationIncludesGravity,
        SensorLoggerSignConvention signConvention,
        long rejectedFrames,
        long nonFiniteRows,
        long backwardTimestampRows,
        long gravityUnmatchedRows)
    {
        Path = path;
        Layout = layout;
        Frames = frames;
        FirstTimestampNs = firstTimestampNs;
        NominalRateHz = nominalRateHz;
        GroundTruthStepTimesNs = groundTruthStepTimesNs;
        AccelerationIncludesGravity = accelerationIncludesGravity;
        SignConvention = signConvention;
        RejectedFrames = rejectedFrames;
        NonFiniteRows = nonFiniteRows;
        BackwardTimestampRows = backwardTimestampRows;
        GravityUnmatchedRows = gravityUnmatchedRows;
    }

    /// <summary>The file or Sensor Logger folder that was read.</summary>
    public string Path { get; }

    /// <summary>The layout that was read (never <see cref="ImuCsvLayout.Auto"/>).</summary>
    public ImuCsvLayout Layout { get; }

    /// <summary>
    /// The delivered frames in file order: <see cref="SensorFrame.DeviceTimeNs"/> is the file's
    /// timestamp, <see cref="SensorFrame.HostTimeNs"/> that minus <see cref="FirstTimestampNs"/>.
    /// </summary>
    public IReadOnlyList<ImuFrame> Frames { get; }

    /// <summary>The first finite timestamp of the acceleration file (nanoseconds, the file's clock); session time zero.</summary>
    public long FirstTimestampNs { get; }

    /// <summary>The rate from the median step between delivered frames; 0 with fewer than two distinct timestamps.</summary>
    public double NominalRateHz { get; }

    /// <summary>
    /// Oxford layout: the instants of ground-truth steps, nanoseconds after <see cref="FirstTimestampNs"/>
    /// (one entry per unit the <c>steps_ground_truth</c> counter rises, at the row where it rises).
    /// Empty for Sensor Logger, which has no ground truth.
    /// </summary>
    public IReadOnlyList<long> GroundTruthStepTimesNs { get; }

    /// <summary>
    /// True when <see cref="ImuFrame.Acceleration"/> includes gravity as <see cref="ImuFrame"/> promises:
    /// always for the Oxford layout and for Sensor Logger's TotalAcceleration.csv, and for its
    /// Accelerometer.csv only when Gravity.csv was merged in. False for a lone Accelerometer.csv
    /// (user acceleration only).
    /// </summary>
    public bool AccelerationIncludesGravity { get; }

    /// <summary>The sign convention the acceleration and gravity columns were read with (<see cref="SensorLoggerSignConvention.Ios"/> means they were negated).</summary>
    public SensorLoggerSignConvention SignConvention { get; }

    /// <summary>Rows of the acceleration file that did not become frames: non-finite values, dropped backwards timestamps, no gravity to add.</summary>
    public long RejectedFrames { get; }

    /// <summary>Rows with NaN or infinite values, in all files read (secondary-sensor rows are skipped, not fatal).</summary>
    public long NonFiniteRows { get; }

    /// <summary>Rows dropped under <see cref="BackwardTimestampPolicy.DropAndCount"/>, in all files read.</summary>
    public long BackwardTimestampRows { get; }

    /// <summary>Accelerometer.csv rows with no Gravity.csv row within the matching tolerance (so gravity could not be added).</summary>
    public long GravityUnmatchedRows { get; }
}
