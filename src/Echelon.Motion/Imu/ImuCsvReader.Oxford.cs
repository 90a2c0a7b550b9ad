using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Imu;

public static partial class ImuCsvReader
{
    /// <summary>The Oxford layout's columns, in file order; error messages name them.</summary>
    private static readonly string[] s_oxfordColumns =
        ["timestamp_ns", "acc_x", "acc_y", "acc_z", "steps_algorithm", "steps_ground_truth", "steps_hw"];

    /// <summary>
    /// A cumulative step counter rises by one per step; more than this in one 10 ms row means the
    /// column is not a step counter, and trusting it would flood the step list.
    /// </summary>
    private const long MaxStepsPerRow = 100;

    private static ImuCsvRecording ReadOxford(string path, ImuCsvOptions options)
    {
        var frames = new List<ImuFrame>();
        var frameTimes = new List<long>();
        var steps = new List<long>();
        Span<Range> ranges = stackalloc Range[s_oxfordColumns.Length];
        Span<double> values = stackalloc double[s_oxfordColumns.Length];
        long? first = null;
        long previous = long.MinValue;
        long? previousSteps = null;
        long nonFinite = 0;
        long backward = 0;
        int dataRows = 0;
        int lineNumber = 0;

        using (StreamReader reader = CsvText.Open(path))
        {
            while (reader.ReadLine() is { } text)
            {
                lineNumber++;
                ReadOnlySpan<char> line = text;
                if (line.IsWhiteSpace())
                {
                    continue;
                }

                dataRows++;
                int fields = CsvText.CountFields(line);
                if (fields != s_oxfordColumns.Length)
                {
                    throw new MotionFormatException(path, lineNumber, "columns",
                        $"expected {s_oxfordColumns.Length} fields ({string.Join(", ", s_oxfordColumns)}), found {fields}");
                }

                line.Split(ranges, ',');
                if (!CsvText.TryParseTimestamp(line[ranges[0]], out long time, out bool timeFinite))
                {
                    throw NotANumber(path, lineNumber, s_oxfordColumns[0], line[ranges[0]]);
                }

                for (int c = 1; c < s_oxfordColumns.Length; c++)
                {
                    if (!CsvText.TryParseNumber(line[ranges[c]], out values[c]))
                    {
                        throw NotANumber(path, lineNumber, s_oxfordColumns[c], line[ranges[c]]);
                    }
                }

                if (!timeFinite)
                {
                    // A row without a usable time cannot be placed: not a frame, not a step.
                    nonFinite++;
                    continue;
                }

                first ??= time;
                if (time < previous)
                {
                    if (options.BackwardTimestamps == BackwardTimestampPolicy.Throw)
                    {
                        throw Backwards(path, lineNumber, s_oxfordColumns[0], time, previous);
                    }

                    backward++;
                    continue;
                }

                previous = time;

                // The ground-truth counter is read on every timed row, whether or not its
                // accelerometer values are usable: a step happened either way.
                double groundTruth = values[5];
                if (double.IsFinite(groundTruth))
                {
                    long count = (long)Math.Round(groundTruth);
                    if (previousSteps is { } before && count > before)
                    {
                        if (count - before > MaxStepsPerRow)
                        {
                            throw new MotionFormatException(path, lineNumber, s_oxfordColumns[5],
                                $"the cumulative counter jumps from {before} to {count} in one row; a step counter rises by at most {MaxStepsPerRow}");
                        }

                        for (long s = before; s < count; s++)
                        {
                            steps.Add(time - first.Value);
                        }
                    }

                    // A fall is a counter reset: no steps, count again from the new value.
                    previousSteps = count;
                }

                var acceleration = new Vector3((float)values[1], (float)values[2], (float)values[3]);
                if (!Finite.Of(acceleration))
                {
                    nonFinite++;
                    continue;
                }

                frames.Add(new ImuFrame(options.DeviceId, time, time - first.Value, acceleration));
                frameTimes.Add(time);
            }
        }

        if (dataRows == 0)
        {
            throw new MotionFormatException(path, 0, "file", "the file is empty");
        }

        return new ImuCsvRecording(
            path,
            ImuCsvLayout.OxfordStepCounter,
            frames,
            first ?? 0,
            SampleTiming.RateHz(SampleTiming.MedianStepNs(frameTimes)),
            steps,
            accelerationIncludesGravity: true,
            SensorLoggerSignConvention.Android,
            rejectedFrames: dataRows - frames.Count,
            nonFinite,
            backward,
            gravityUnmatchedRows: 0);
    }
}
