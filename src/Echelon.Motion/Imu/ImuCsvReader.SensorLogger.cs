using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Imu;

public static partial class ImuCsvReader
{
    private const string TotalAccelerationFile = "TotalAcceleration.csv";
    private const string AccelerometerFile = "Accelerometer.csv";
    private const string GravityFile = "Gravity.csv";
    private const string GyroscopeFile = "Gyroscope.csv";
    private const string OrientationFile = "Orientation.csv";
    private const string MetadataFile = "Metadata.csv";
    private const string TimeColumn = "time";

    private static readonly string[] s_axisColumns = ["x", "y", "z"];
    private static readonly string[] s_quaternionColumns = ["qx", "qy", "qz", "qw"];

    private static ImuCsvRecording ReadSensorLogger(string path, ImuCsvOptions options)
    {
        string basePath;
        bool baseIncludesGravity;
        string? gravityPath = null;
        string? gyroscopePath = null;
        string? orientationPath = null;
        string? metadataPath;

        if (Directory.Exists(path))
        {
            Dictionary<string, string> files = CsvFilesIn(path);
            if (files.TryGetValue(TotalAccelerationFile, out string? total))
            {
                basePath = total;
                baseIncludesGravity = true;
            }
            else if (files.TryGetValue(AccelerometerFile, out string? user))
            {
                basePath = user;
                baseIncludesGravity = false;
            }
            else
            {
                string found = files.Count == 0 ? "no CSV files" : string.Join(", ", files.Keys.Order(StringComparer.OrdinalIgnoreCase));
                throw new MotionFormatException(path, 0, AccelerometerFile,
                    $"a Sensor Logger folder needs {AccelerometerFile} or {TotalAccelerationFile}; found: {found}");
            }

            gravityPath = files.GetValueOrDefault(GravityFile);
            gyroscopePath = files.GetValueOrDefault(GyroscopeFile);
            orientationPath = files.GetValueOrDefault(OrientationFile);
            metadataPath = files.GetValueOrDefault(MetadataFile);
        }
        else
        {
            basePath = path;
            baseIncludesGravity = string.Equals(System.IO.Path.GetFileName(path), TotalAccelerationFile, StringComparison.OrdinalIgnoreCase);
            string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            metadataPath = folder is null ? null : CsvFilesIn(folder).GetValueOrDefault(MetadataFile);
        }

        SensorLoggerSignConvention convention = options.SignConvention switch
        {
            SensorLoggerSignConvention.FromMetadata => metadataPath is not null && IsUnstandardisedIos(metadataPath)
                ? SensorLoggerSignConvention.Ios
                : SensorLoggerSignConvention.Android,
            SensorLoggerSignConvention.Android or SensorLoggerSignConvention.Ios => options.SignConvention,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.SignConvention, "Unknown sign convention."),
        };

        TimedSamples acceleration = ReadTable(basePath, s_axisColumns, options.BackwardTimestamps, requireData: true)!;
        TimedSamples? gravity = gravityPath is null ? null : ReadTable(gravityPath, s_axisColumns, options.BackwardTimestamps, requireData: false);
        TimedSamples? gyroscope = gyroscopePath is null ? null : ReadTable(gyroscopePath, s_axisColumns, options.BackwardTimestamps, requireData: false);
        TimedSamples? orientation = orientationPath is null ? null : ReadTable(orientationPath, s_quaternionColumns, options.BackwardTimestamps, requireData: false);

        bool addGravity = !baseIncludesGravity && gravity is not null;
        long basePeriod = SampleTiming.MedianStepNs(acceleration.Times);
        long gravityTolerance = Tolerance(basePeriod, gravity);
        long gyroscopeTolerance = Tolerance(basePeriod, gyroscope);
        long orientationTolerance = Tolerance(basePeriod, orientation);
        float sign = convention == SensorLoggerSignConvention.Ios ? -1f : 1f;
        long first = acceleration.FirstTimeNs ?? 0;

        var frames = new List<ImuFrame>(acceleration.Count);
        var frameTimes = new List<long>(acceleration.Count);
        long unmatched = 0;
        long nonFiniteFrames = 0;
        for (int i = 0; i < acceleration.Count; i++)
        {
            long time = acceleration.Times[i];
            var a = new Vector3(acceleration[i, 0], acceleration[i, 1], acceleration[i, 2]);
            Vector3? g = null;
            if (gravity is not null)
            {
                int j = gravity.Nearest(time, gravityTolerance);
                if (j >= 0)
                {
                    g = new Vector3(gravity[j, 0], gravity[j, 1], gravity[j, 2]);
                }
            }

            if (addGravity)
            {
                if (g is not { } gv)
                {
                    // Without gravity this row would be user acceleration among frames that
                    // include gravity: a jump of 9.8 m/s² that never happened. Drop it.
                    unmatched++;
                    continue;
                }

                a += gv;
            }

            Vector3? w = null;
            if (gyroscope is not null && gyroscope.Nearest(time, gyroscopeTolerance) is var k and >= 0)
            {
                w = new Vector3(gyroscope[k, 0], gyroscope[k, 1], gyroscope[k, 2]);
            }

            Quaternion? q = null;
            if (orientation is not null && orientation.Nearest(time, orientationTolerance) is var m and >= 0)
            {
                q = new Quaternion(orientation[m, 0], orientation[m, 1], orientation[m, 2], orientation[m, 3]);
            }

            var frame = new ImuFrame(options.DeviceId, time, time - first, a * sign, w, g * sign, q);
            if (!frame.IsFinite())
            {
                // Finite inputs can still overflow float when added.
                nonFiniteFrames++;
                continue;
            }

            frames.Add(frame);
            frameTimes.Add(time);
        }

        long nonFinite = acceleration.NonFiniteRows + nonFiniteFrames
            + (gravity?.NonFiniteRows ?? 0) + (gyroscope?.NonFiniteRows ?? 0) + (orientation?.NonFiniteRows ?? 0);
        long backward = acceleration.BackwardRows
            + (gravity?.BackwardRows ?? 0) + (gyroscope?.BackwardRows ?? 0) + (orientation?.BackwardRows ?? 0);

        return new ImuCsvRecording(
            path,
            ImuCsvLayout.SensorLogger,
            frames,
            first,
            SampleTiming.RateHz(SampleTiming.MedianStepNs(frameTimes)),
            [],
            accelerationIncludesGravity: baseIncludesGravity || addGravity,
            convention,
            rejectedFrames: acceleration.DataRows - frames.Count,
            nonFinite,
            backward,
            unmatched);
    }

    /// <summary>
    /// Half the slower stream's sample period: with both streams regular, the nearest sample of the
    /// other stream is always that close, so anything farther belongs to a gap, not to this row.
    /// </summary>
    private static long Tolerance(long basePeriodNs, TimedSamples? other)
    {
        if (other is null)
        {
            return 0;
        }

        return Math.Max(basePeriodNs, SampleTiming.MedianStepNs(other.Times)) / 2;
    }

    /// <summary>The CSV files in a folder by name, case-insensitive (exports say both Metadata.csv and metadata.csv).</summary>
    private static Dictionary<string, string> CsvFilesIn(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            string name = System.IO.Path.GetFileName(file);
            if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                files.TryAdd(name, file);
            }
        }

        return files;
    }

    /// <summary>
    /// True when Metadata.csv (a header and one row) says <c>platform</c> iOS and its
    /// <c>standardisation</c> is not <c>true</c> (exports before version 1.29 have no such column,
    /// and their iOS data uses iOS's signs). Unreadable metadata counts as Android.
    /// </summary>
    private static bool IsUnstandardisedIos(string metadataPath)
    {
        using StreamReader reader = CsvText.Open(metadataPath);
        List<string>? header = null;
        List<string>? row = null;
        while (reader.ReadLine() is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (header is null)
            {
                header = CsvText.SplitQuoted(text);
            }
            else
            {
                row = CsvText.SplitQuoted(text);
                break;
            }
        }

        if (header is null || row is null)
        {
            return false;
        }

        int platform = header.FindIndex(h => string.Equals(h, "platform", StringComparison.OrdinalIgnoreCase));
        int standardised = header.FindIndex(h => string.Equals(h, "standardisation", StringComparison.OrdinalIgnoreCase));
        bool ios = platform >= 0 && platform < row.Count && string.Equals(row[platform], "ios", StringComparison.OrdinalIgnoreCase);
        bool standard = standardised >= 0 && standardised < row.Count && string.Equals(row[standardised], "true", StringComparison.OrdinalIgnoreCase);
        return ios && !standard;
    }

    /// <summary>
    /// Reads one Sensor Logger sensor file: the header names the columns; <c>time</c> and
    /// <paramref name="valueColumns"/> are required, in any order, among any others. Returns null
    /// for a file without data rows when <paramref name="requireData"/> is false (a sensor that was
    /// switched on but logged nothing is the same as one that was off).
    /// </summary>
    private static TimedSamples? ReadTable(string path, string[] valueColumns, BackwardTimestampPolicy policy, bool requireData)
    {
        using StreamReader reader = CsvText.Open(path);
        int lineNumber = 0;
        int headerLine = 0;
        List<string>? header = null;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                header = CsvText.SplitQuoted(text);
                headerLine = lineNumber;
                break;
            }
        }

        if (header is null)
        {
            return requireData ? throw new MotionFormatException(path, 0, "file", "the file is empty") : null;
        }

        int timeIndex = ColumnIndex(path, headerLine, header, TimeColumn);
        var indices = new int[valueColumns.Length];
        for (int c = 0; c < valueColumns.Length; c++)
        {
            indices[c] = ColumnIndex(path, headerLine, header, valueColumns[c]);
        }

        var samples = new TimedSamples(path, valueColumns.Length);
        var ranges = new Range[header.Count];
        var values = new float[valueColumns.Length];
        long previous = long.MinValue;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            ReadOnlySpan<char> line = text;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            samples.DataRows++;
            int fields = CsvText.CountFields(line);
            if (fields != header.Count)
            {
                throw new MotionFormatException(path, lineNumber, "columns",
                    $"expected {header.Count} fields like the header ({string.Join(", ", header)}), found {fields}");
            }

            line.Split(ranges, ',');
            if (!CsvText.TryParseTimestamp(line[ranges[timeIndex]], out long time, out bool finite))
            {
                throw NotANumber(path, lineNumber, TimeColumn, line[ranges[timeIndex]]);
            }

            bool valuesFinite = true;
            for (int c = 0; c < valueColumns.Length; c++)
            {
                ReadOnlySpan<char> field = line[ranges[indices[c]]];
                if (!CsvText.TryParseNumber(field, out double value))
                {
                    throw NotANumber(path, lineNumber, valueColumns[c], field);
                }

                values[c] = (float)value;
                valuesFinite &= float.IsFinite(values[c]);
            }

            if (!finite)
            {
                // A row without a usable time cannot be placed.
                samples.NonFiniteRows++;
                continue;
            }

            // A timed row sets the clock and the order even when its values are unusable, as in
            // the Oxford reader: session time zero is the file's first timestamp.
            samples.FirstTimeNs ??= time;
            if (time < previous)
            {
                if (policy == BackwardTimestampPolicy.Throw)
                {
                    throw Backwards(path, lineNumber, TimeColumn, time, previous);
                }

                samples.BackwardRows++;
                continue;
            }

            previous = time;
            if (!valuesFinite)
            {
                samples.NonFiniteRows++;
                continue;
            }

            samples.Add(time, values);
        }

        if (samples.DataRows == 0)
        {
            return requireData
                ? throw new MotionFormatException(path, 0, "file", $"the file has a header ({string.Join(", ", header)}) but no data rows")
                : null;
        }

        return samples;
    }

    private static int ColumnIndex(string path, int headerLine, List<string> header, string column)
    {
        int index = header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new MotionFormatException(path, headerLine, column,
                $"missing column '{column}'; the columns found are: {string.Join(", ", header)}");
        }

        return index;
    }
}
