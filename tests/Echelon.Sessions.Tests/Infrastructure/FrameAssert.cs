using System.Numerics;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;

namespace Echelon.Sessions.Tests.Infrastructure;

/// <summary>Field-by-field, bit-exact comparisons of frames and vectors.</summary>
public static class FrameAssert
{
    public static void Equal(SensorFrame expected, SensorFrame actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.DeviceId, actual.DeviceId);
        Assert.Equal(expected.DeviceTimeNs, actual.DeviceTimeNs);
        Assert.Equal(expected.HostTimeNs, actual.HostTimeNs);
        switch (expected)
        {
            case ImuFrame e:
                var a = (ImuFrame)actual;
                Bits(e.Acceleration, a.Acceleration);
                Bits(e.RotationRate, a.RotationRate);
                Bits(e.Gravity, a.Gravity);
                Assert.Equal(e.Orientation.HasValue, a.Orientation.HasValue);
                if (e.Orientation is { } q)
                {
                    Quaternion r = a.Orientation!.Value;
                    Bits(q.X, r.X);
                    Bits(q.Y, r.Y);
                    Bits(q.Z, r.Z);
                    Bits(q.W, r.W);
                }

                break;

            case PoseFrame e:
                var p = (PoseFrame)actual;
                Assert.Equal(e.Landmarks.Length, p.Landmarks.Length);
                for (int i = 0; i < e.Landmarks.Length; i++)
                {
                    Bits(e.Landmarks[i].X, p.Landmarks[i].X);
                    Bits(e.Landmarks[i].Y, p.Landmarks[i].Y);
                    Bits(e.Landmarks[i].Z, p.Landmarks[i].Z);
                    Bits(e.Landmarks[i].Visibility, p.Landmarks[i].Visibility);
                }

                Assert.Equal(e.WorldLandmarks is null, p.WorldLandmarks is null);
                Points(e.WorldLandmarks, p.WorldLandmarks);
                break;

            case SkeletonFrame e:
                var s = (SkeletonFrame)actual;
                Assert.Equal(e.Definition.Name, s.Definition.Name);
                Assert.Equal(e.Definition.JointNames, s.Definition.JointNames);
                Assert.Equal(e.Definition.Parents, s.Definition.Parents);
                Points(e.Positions, s.Positions);
                break;

            default:
                Assert.Fail($"unexpected frame type {expected.GetType()}");
                break;
        }
    }

    public static void Equal(Dynamics128Vector expected, Dynamics128Vector actual)
    {
        Assert.Equal(expected.TimeNs, actual.TimeNs);
        Assert.Equal(expected.ProducerId, actual.ProducerId);
        Assert.Equal(expected.Mask, actual.Mask);
        for (int i = 0; i < Dynamics128Vector.Size; i++)
        {
            Bits(expected.Values[i], actual.Values[i]);
        }
    }

    public static void Bits(float expected, float actual) =>
        Assert.True(
            BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"expected {expected:R} (0x{BitConverter.SingleToInt32Bits(expected):x8}), got {actual:R} (0x{BitConverter.SingleToInt32Bits(actual):x8})");

    public static void Bits(Vector3 expected, Vector3 actual)
    {
        Bits(expected.X, actual.X);
        Bits(expected.Y, actual.Y);
        Bits(expected.Z, actual.Z);
    }

    private static void Bits(Vector3? expected, Vector3? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Bits(e, actual!.Value);
        }
    }

    private static void Points(Vector3[]? expected, Vector3[]? actual)
    {
        if (expected is null)
        {
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Bits(expected[i], actual[i]);
        }
    }
}
