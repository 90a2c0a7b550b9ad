using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Imu;

/// <summary>
/// Reads phone IMU recordings from CSV into <see cref="ImuFrame"/>s. Two layouts, detected or chosen
/// with <see cref="ImuCsvOptions.Layout"/>:
/// <list type="bullet">
/// <item><description>
/// <b>Oxford step-counter</b> (<see cref="ImuCsvLayout.OxfordStepCounter"/>): no header, seven
/// numeric columns <c>timestamp_ns, acc_x, acc_y, acc_z, steps_algorithm, steps_ground_truth, steps_hw</c>;
/// nanoseconds since boot, accelerometer in m/s² with gravity, cumulative step counters.
/// </description></item>
/// <item><description>
/// <b>Sensor Logger</b> (<see cref="ImuCsvLayout.SensorLogger"/>): the app's CSV export, one file per
/// sensor, each with a header; columns are found by name, never by position (the app writes
/// <c>time,seconds_elapsed,z,y,x</c>, z first). <c>time</c> is Unix-epoch nanoseconds and is
/// required; <c>seconds_elapsed</c> and any other column are ignored. The files, as the app's
/// documentation (awesome-sensor-logger UNITS.md) describes them:
/// <c>Accelerometer.csv</c> <c>x,y,z</c> m/s² <i>without</i> gravity (user acceleration, both
/// platforms); <c>TotalAcceleration.csv</c> <c>x,y,z</c> m/s² with gravity (Android only);
/// <c>Gravity.csv</c> <c>x,y,z</c> m/s²; <c>Gyroscope.csv</c> <c>x,y,z</c> rad/s;
/// <c>Orientation.csv</c> <c>qx,qy,qz,qw</c> (its <c>roll,pitch,yaw</c> are ignored);
/// <c>Metadata.csv</c> <c>platform</c> and <c>standardisation</c> (see <see cref="SensorLoggerSignConvention"/>).
/// </description></item>
/// </list>
/// <para>
/// A Sensor Logger <b>file</b> is read alone as the acceleration stream. A Sensor Logger
/// <b>folder</b> is merged onto its acceleration stream: TotalAcceleration.csv when present (it is
/// the raw, gravity-included reading), otherwise Accelerometer.csv. For each acceleration row the
/// nearest Gravity.csv, Gyroscope.csv and Orientation.csv rows are joined when they lie within half
/// a sample period (half the slower of the two streams' median periods); an unmatched optional
/// stream leaves that field null. When the base is Accelerometer.csv and Gravity.csv exists, the
/// frame's acceleration is user acceleration + gravity, so it keeps <see cref="ImuFrame"/>'s
/// "gravity included" promise; a row with no gravity in reach is dropped and counted. Non-finite
/// rows in the other files are skipped and counted, and a header-only other file is ignored.
/// <see cref="ImuCsvRecording.AccelerationIncludesGravity"/> says which case applied.
/// </para>
/// <para>
/// Rows with NaN or infinite values are rejected and counted, never thrown; everything else that is
/// wrong throws <see cref="MotionFormatException"/> with the file, the 1-based line (0 for the file
/// as a whole) and the column: a missing column (the message lists the columns found), a row with
/// the wrong number of fields, a value that is not a number, an empty file, a header without rows,
/// and (under <see cref="BackwardTimestampPolicy.Throw"/>) a timestamp that goes backwards.
/// </para>
/// </summary>
/// <remarks>Reads the whole input into memory (an hour at 100 Hz is about 360,000 frames); call it off the clock and audio threads. Thread-safe: no shared state.</remarks>
public static partial class ImuCsvReader
{
    /// <summary>Reads a file or a Sensor Logger export folder.</summary>
    /// <exception cref="MotionFormatException">The input does not fit its layout.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static ImuCsvRecording Read(string path, ImuCsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ImuCsvOptions.Default;
        DeviceIds.Validate(options.DeviceId);
        ImuCsvLayout layout = options.Layout == ImuCsvLayout.Auto ? DetectLayout(path) : options.Layout;
        return layout switch
        {
            ImuCsvLayout.OxfordStepCounter => ReadOxford(path, options),
            ImuCsvLayout.SensorLogger => ReadSensorLogger(path, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Layout, "Unknown IMU CSV layout."),
        };
    }

    /// <summary>
    /// The layout of <paramref name="path"/>: a folder is a Sensor Logger export; a file whose first
    /// non-blank line starts with a number is the Oxford layout; any other file is Sensor Logger.
    /// </summary>
    /// <exception cref="MotionFormatException">The file is empty.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static ImuCsvLayout DetectLayout(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return ImuCsvLayout.SensorLogger;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No IMU CSV file or Sensor Logger folder at '{path}'.", path);
        }

        using StreamReader reader = CsvText.Open(path);
        while (reader.ReadLine() is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            ReadOnlySpan<char> line = text;
            int comma = line.IndexOf(',');
            ReadOnlySpan<char> first = comma < 0 ? line : line[..comma];
            return CsvText.TryParseNumber(first, out _) ? ImuCsvLayout.OxfordStepCounter : ImuCsvLayout.SensorLogger;
        }

        throw new MotionFormatException(path, 0, "file", "the file is empty");
    }

    private static MotionFormatException NotANumber(string path, int line, string column, ReadOnlySpan<char> field) =>
        new(path, line, column, $"'{CsvText.Show(field)}' is not a number");

    private static MotionFormatException Backwards(string path, int line, string column, long time, long previous) =>
        new(path, line, column, $"timestamp {time} ns is earlier than the previous row's {previous} ns (set BackwardTimestamps to DropAndCount to drop such rows)");
}
