using System.Numerics;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Sessions.Recording;

namespace Echelon.Sessions.Tests.Infrastructure;

/// <summary>
/// Hand-built frames and vectors for three devices (IMU phone, pose camera, canonical-skeleton dancer),
/// deterministic from a seed, with awkward floats mixed in (-0, subnormals, ±MaxValue, Epsilon).
/// </summary>
public static class SyntheticSession
{
    public const string Phone = "phone";
    public const string Camera = "camera";
    public const string Dancer = "dancer";

    public static readonly float[] AwkwardFloats =
    [
        -0f, 0f, float.Epsilon, -float.Epsilon, 1e-40f, -1.17549435E-38f, float.MaxValue, float.MinValue,
        1f / 3f, 0.1f, 16777217f, 9.999999e-39f, 3.4028233E+38f, 1.0000001f,
    ];

    public static IReadOnlyList<SessionDevice> Devices { get; } =
    [
        new SessionDevice(Phone, SensorKind.Imu, 100, "phone in the right hand"),
        new SessionDevice(Camera, SensorKind.Pose, 25, "webcam, MediaPipe Pose"),
        new SessionDevice(Dancer, SensorKind.Skeleton, 50, "hand-built dancer", CanonicalSkeleton.Definition),
    ];

    public static SessionRecorderOptions Options(TimeSpan? flushInterval = null) => new()
    {
        Devices = Devices,
        Dynamics128Streams = [new SessionStreamInfo(SessionLayout.Dynamics128StreamName, "test-builder/v1/cfg0", 100)],
        SensorProducer = "synthetic-test",
        ConfigHash = "cfg0",
        FlushInterval = flushInterval ?? TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Frames of all three devices over <paramref name="seconds"/>, in non-decreasing time; some times coincide across devices.</summary>
    public static List<SensorFrame> Frames(int seed, double seconds)
    {
        var random = new Random(seed);
        var frames = new List<SensorFrame>();
        long end = (long)(seconds * 1e9);
        const long ImuStep = 10_000_000, SkeletonStep = 20_000_000, PoseStep = 40_000_000;
        int n = 0;
        for (long t = 0; t < end; t += ImuStep, n++)
        {
            // Device clocks run on their own epoch.
            frames.Add(new ImuFrame(
                Phone,
                1_700_000_000_000_000_000 + t + 123,
                t,
                V(random),
                n % 3 == 0 ? null : V(random),
                n % 4 == 1 ? null : V(random),
                n % 2 == 0 ? new Quaternion(F(random), F(random), F(random), F(random)) : null));
            if (t % SkeletonStep == 0)
            {
                var joints = new Vector3[CanonicalSkeleton.JointCount];
                for (int j = 0; j < joints.Length; j++)
                {
                    joints[j] = V(random);
                }

                frames.Add(new SkeletonFrame(Dancer, t / 1000, t, CanonicalSkeleton.Definition, joints));
            }

            if (t % PoseStep == 0)
            {
                var landmarks = new PoseLandmark[PoseFrame.LandmarkCount];
                var world = new Vector3[PoseFrame.LandmarkCount];
                for (int j = 0; j < landmarks.Length; j++)
                {
                    landmarks[j] = new PoseLandmark(F(random), F(random), F(random), F(random));
                    world[j] = V(random);
                }

                frames.Add(new PoseFrame(Camera, -t, t, landmarks, t % (2 * PoseStep) == 0 ? world : null));
            }
        }

        return frames;
    }

    /// <summary>The order replay must give: by time, then device id (ordinal), then recording order.</summary>
    public static List<SensorFrame> InReplayOrder(IEnumerable<SensorFrame> frames) =>
        [.. frames.Select((f, i) => (f, i)).OrderBy(x => x.f.HostTimeNs).ThenBy(x => x.f.DeviceId, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.f)];

    public static List<Dynamics128Vector> Vectors(int seed, int count)
    {
        var random = new Random(seed);
        var vectors = new List<Dynamics128Vector>();
        for (int i = 0; i < count; i++)
        {
            var v = new Dynamics128Vector
            {
                TimeNs = i * 10_000_000L,
                ProducerId = "test-builder/v1/cfg0",
                Mask = ((UInt128)(ulong)random.NextInt64() << 64) | (ulong)random.NextInt64() | (UInt128.One << 127),
            };
            for (int s = 0; s < Dynamics128Vector.Size; s++)
            {
                v.Values[s] = F(random);
            }

            vectors.Add(v);
        }

        return vectors;
    }

    /// <summary>A float: mostly ordinary, sometimes an awkward one, sometimes a random finite bit pattern.</summary>
    public static float F(Random random)
    {
        int pick = random.Next(10);
        if (pick == 0)
        {
            return AwkwardFloats[random.Next(AwkwardFloats.Length)];
        }

        if (pick == 1)
        {
            while (true)
            {
                float bits = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
                if (float.IsFinite(bits))
                {
                    return bits;
                }
            }
        }

        return (float)((random.NextDouble() * 2) - 1) * 10f;
    }

    public static Vector3 V(Random random) => new(F(random), F(random), F(random));
}
