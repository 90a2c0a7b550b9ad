using System.Text.Json;
using Echelon.Motion.Skeleton;

namespace Echelon.Motion.Tests.Pose;

/// <summary>
/// Writes deterministic pose JSONL: a person standing facing the camera whose wrists swing in
/// circles at 1 Hz, at 30 frames per second.
/// </summary>
internal static class SyntheticPoseJsonl
{
    public const long StartNs = 5_000_000_000;
    public const long PeriodNs = 33_333_333;

    /// <summary>Image landmarks [x, y, z, visibility] for frame <paramref name="i"/>.</summary>
    public static float[][] ImageLandmarks(int i)
    {
        double phase = 2 * Math.PI * i * PeriodNs / 1e9;
        var landmarks = new float[33][];
        for (int j = 0; j < 33; j++)
        {
            // A plausible standing layout: head near the top, feet near the bottom, left/right spread.
            float side = j % 2 == 0 ? 0.05f : -0.05f;
            float y = 0.1f + (0.8f * j / 32f);
            landmarks[j] = [0.5f + side, y, -0.01f * (j % 5), j < 11 ? 0.99f : 0.9f];
        }

        landmarks[MediaPipePose.LeftWrist] = [0.65f + (0.1f * (float)Math.Sin(phase)), 0.45f + (0.1f * (float)Math.Cos(phase)), -0.2f, 0.95f];
        landmarks[MediaPipePose.RightWrist] = [0.35f - (0.1f * (float)Math.Sin(phase)), 0.45f + (0.1f * (float)Math.Cos(phase)), -0.2f, 0.95f];
        return landmarks;
    }

    /// <summary>World landmarks [x, y, z] in metres (y down, as MediaPipe gives them).</summary>
    public static float[][] WorldLandmarks(int i)
    {
        float[][] image = ImageLandmarks(i);
        var world = new float[33][];
        for (int j = 0; j < 33; j++)
        {
            world[j] = [(image[j][0] - 0.5f) * 1.8f, (image[j][1] - 0.55f) * 1.8f, image[j][2]];
        }

        return world;
    }

    /// <summary>One line: t_ns, image and world landmarks as arrays.</summary>
    public static string Line(int i, string? device = null)
    {
        var record = new Dictionary<string, object>
        {
            ["t_ns"] = StartNs + (i * PeriodNs),
            ["landmarks"] = ImageLandmarks(i),
            ["world_landmarks"] = WorldLandmarks(i),
        };
        if (device is not null)
        {
            record["device"] = device;
        }

        return JsonSerializer.Serialize(record);
    }

    public static string[] Lines(int count)
    {
        var lines = new string[count];
        for (int i = 0; i < count; i++)
        {
            lines[i] = Line(i);
        }

        return lines;
    }

    /// <summary>A record with the landmarks as objects, the shape MediaPipe's Python landmarks serialise to.</summary>
    public static string ObjectLine(double seconds, bool wrapped, bool withVisibility = true)
    {
        float[][] image = ImageLandmarks(0);
        var entries = new List<Dictionary<string, float>>();
        foreach (float[] l in image)
        {
            var entry = new Dictionary<string, float> { ["x"] = l[0], ["y"] = l[1], ["z"] = l[2] };
            if (withVisibility)
            {
                entry["visibility"] = l[3];
                entry["presence"] = 0.99f;
            }

            entries.Add(entry);
        }

        var record = new Dictionary<string, object> { ["t"] = seconds };
        if (wrapped)
        {
            record["pose_landmarks"] = new Dictionary<string, object> { ["landmark"] = entries };
            var world = new List<Dictionary<string, float>>();
            foreach (float[] w in WorldLandmarks(0))
            {
                world.Add(new Dictionary<string, float> { ["x"] = w[0], ["y"] = w[1], ["z"] = w[2], ["visibility"] = 0.9f });
            }

            record["pose_world_landmarks"] = new Dictionary<string, object> { ["landmark"] = world };
        }
        else
        {
            record["landmarks"] = entries;
        }

        return JsonSerializer.Serialize(record);
    }
}
