using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Echelon.Core.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Synthetic;

/// <summary>
/// The embedded default performer: a deterministic procedural dancer on the canonical skeleton whose
/// pelvis bounces on the beat (lowest on it), arms swing on half bars, feet step on alternate beats,
/// with style presets, human timing noise (jittered beat lengths), scripted gestures and dropouts.
/// It also reports the IMU of a virtual phone held in the right hand — its acceleration is the hand's
/// true acceleration plus gravity in the phone's axes — so the pose path and the IMU path both run
/// from one dancer. The true beat phase is exposed for tests.
/// </summary>
/// <remarks>
/// Frames come in host-time order, skeleton before IMU on equal times. Deterministic from the seed.
/// Single consumer. Each frame allocates its record (sources run on I/O threads).
/// </remarks>
public sealed class SyntheticDancer : ISensorSource
{
    private const double FloorY = 0.05;
    // Positions are float32 (~6e-8 m resolution): a 2 ms second difference amplifies that to ~0.06 m/s²,
    // 5 ms keeps both rounding and truncation near 0.01 m/s² for motion below ~4 Hz.
    private const double DerivativeStep = 0.005;

    private readonly SyntheticDancerOptions _options;
    private readonly StyleParameters _style;
    private readonly double[] _beatTimes;
    private readonly double[] _limbPhase;
    private readonly DeterministicRandom _noise;
    private readonly Vector3[] _scratch = new Vector3[CanonicalSkeleton.JointCount];
    private readonly long _endNs;
    private long _poseIndex;
    private long _imuIndex;
    private bool _disposed;

    /// <summary>Creates a dancer.</summary>
    public SyntheticDancer(SyntheticDancerOptions? options = null)
    {
        _options = options ?? new SyntheticDancerOptions();
        _options.Validate();
        _style = StyleParameters.For(_options.Style);
        var rng = new DeterministicRandom(_options.Seed);
        double period = 60.0 / _options.Bpm;
        int beats = (int)Math.Ceiling((_options.Seconds + 1.0) / (period * (1 - _options.TimingJitter))) + 2;
        _beatTimes = new double[beats + 1];
        for (int b = 1; b <= beats; b++)
        {
            _beatTimes[b] = _beatTimes[b - 1] + (period * (1.0 + rng.NextDouble(-_options.TimingJitter, _options.TimingJitter)));
        }

        _limbPhase = new double[4];
        for (int i = 0; i < _limbPhase.Length; i++)
        {
            _limbPhase[i] = rng.NextDouble(-0.08, 0.08);
        }

        _noise = new DeterministicRandom(_options.Seed ^ 0xD1CE);
        _endNs = (long)Math.Round(_options.Seconds * 1e9);
        var devices = new List<SensorDevice>
        {
            new(_options.DancerDevice, SensorKind.Skeleton, _options.PoseRateHz, $"synthetic dancer ({_options.Style}, {_options.Bpm} BPM), canonical skeleton", CanonicalSkeleton.Definition),
        };
        if (_options.IncludePhone)
        {
            devices.Add(new SensorDevice(_options.PhoneDevice, SensorKind.Imu, _options.ImuRateHz, "virtual phone in the synthetic dancer's right hand"));
        }

        Devices = devices;
    }

    /// <inheritdoc />
    public string Name => "synthetic";

    /// <inheritdoc />
    public IReadOnlyList<SensorDevice> Devices { get; }

    /// <inheritdoc />
    public long RejectedFrames => 0;

    /// <summary>The settings.</summary>
    public SyntheticDancerOptions Options => _options;

    /// <summary>Times of the true (jittered) beats, seconds.</summary>
    public ReadOnlySpan<double> BeatTimes => _beatTimes;

    /// <summary>
    /// Beats elapsed at <paramref name="seconds"/> on the true, jittered grid (fractional): a monotone
    /// cubic Hermite through (beat time, beat number) with the mean of the neighbouring tempi as slope,
    /// so the body's velocity never jumps at a beat (a piecewise-linear clock would put an infinite
    /// acceleration spike into the phone's accelerometer on every beat).
    /// </summary>
    public double BeatPosition(double seconds)
    {
        if (seconds <= 0)
        {
            return seconds / (60.0 / _options.Bpm);
        }

        int index = Array.BinarySearch(_beatTimes, seconds);
        int beat = index >= 0 ? index : ~index - 1;
        beat = Math.Clamp(beat, 0, _beatTimes.Length - 2);
        double t0 = _beatTimes[beat];
        double t1 = _beatTimes[beat + 1];
        double width = t1 - t0;
        double u = (seconds - t0) / width;
        double m0 = Slope(beat) * width;
        double m1 = Slope(beat + 1) * width;
        double u2 = u * u;
        double u3 = u2 * u;
        return beat + ((-2 * u3) + (3 * u2)) + (m0 * (u3 - (2 * u2) + u)) + (m1 * (u3 - u2));
    }

    /// <summary>The true beat phase θ at <paramref name="seconds"/>: 0 on every beat, in [0, 2π).</summary>
    public double BeatPhase(double seconds)
    {
        double position = BeatPosition(seconds);
        return 2.0 * Math.PI * (position - Math.Floor(position));
    }

    /// <inheritdoc />
    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        while (!_disposed)
        {
            long poseNs = TimeNs(_poseIndex, _options.PoseRateHz);
            long imuNs = _options.IncludePhone ? TimeNs(_imuIndex, _options.ImuRateHz) : long.MaxValue;
            if (poseNs >= _endNs && imuNs >= _endNs)
            {
                break;
            }

            if (poseNs <= imuNs)
            {
                _poseIndex++;
                if (!InDropout(_options.DancerDevice, poseNs))
                {
                    frame = SkeletonAt(poseNs);
                    return true;
                }
            }
            else
            {
                _imuIndex++;
                if (!InDropout(_options.PhoneDevice, imuNs))
                {
                    frame = PhoneAt(imuNs);
                    return true;
                }

                // Keep the noise sequence independent of dropouts: draw what the frame would have used.
                for (int i = 0; i < 6; i++)
                {
                    _noise.NextGaussian();
                }
            }
        }

        frame = null;
        return false;
    }

    /// <summary>Writes the 16 canonical joint positions at <paramref name="seconds"/> (metres, y up).</summary>
    public void JointsAt(double seconds, Span<Vector3> joints)
    {
        if (joints.Length != CanonicalSkeleton.JointCount)
        {
            throw new ArgumentException($"joints has {joints.Length} entries; expected {CanonicalSkeleton.JointCount}.", nameof(joints));
        }

        double b = BeatPosition(seconds);
        double theta = 2.0 * Math.PI * b;
        StyleParameters s = _style;

        double jump = GestureEnvelope(GestureKind.Jump, b);
        double handsUp = GestureEnvelope(GestureKind.HandsUp, b);
        double spin = SpinAngle(b);
        double heading = (0.15 * Math.Sin(2.0 * Math.PI * b / 16.0)) + spin;
        var forward = new Vector3((float)Math.Sin(heading), 0f, (float)Math.Cos(heading));
        var right = new Vector3((float)-Math.Cos(heading), 0f, (float)Math.Sin(heading));
        Vector3 up = Vector3.UnitY;

        // Pelvis: lowest on the beat (knees bend into it), sways across over two beats, rises in a jump.
        double bounce = s.Bounce * (0.5 + (0.5 * Math.Cos(theta)));
        double sway = s.Sway * Math.Sin((Math.PI * b) + _limbPhase[0]);
        double lift = 0.3 * Math.Sin(Math.PI * jump);
        var pelvis = new Vector3((float)sway, (float)(0.95 - bounce + lift), 0f) + (right * 0f);
        joints[(int)CanonicalJoint.Pelvis] = pelvis;

        Vector3 lean = forward * (float)(0.03 * Math.Sin(theta + _limbPhase[1]));
        Vector3 neck = pelvis + (up * 0.5f) + lean;
        joints[(int)CanonicalJoint.Chest] = pelvis + (up * 0.35f) + (lean * 0.7f);
        joints[(int)CanonicalJoint.Neck] = neck;
        joints[(int)CanonicalJoint.Head] = neck + (up * 0.15f) + (forward * (float)(0.02 * Math.Cos(theta)));

        // Arms swing in opposition on half bars (a two-beat cycle); hands go up in that gesture.
        double swing = s.ArmSwing * Math.Sin((Math.PI * b) + _limbPhase[2]);
        Arm(joints, neck, up, forward, right, -1f, swing, handsUp, CanonicalJoint.LeftShoulder, CanonicalJoint.LeftElbow, CanonicalJoint.LeftHand);
        Arm(joints, neck, up, forward, right, 1f, -swing, handsUp, CanonicalJoint.RightShoulder, CanonicalJoint.RightElbow, CanonicalJoint.RightHand);

        // Feet step on alternate beats: the left lifts during even beats, the right during odd ones.
        int beatIndex = (int)Math.Floor(b);
        double stepShape = Math.Max(0.0, Math.Sin(theta + _limbPhase[3]));
        double leftLift = beatIndex % 2 == 0 ? s.Step * stepShape : 0.0;
        double rightLift = beatIndex % 2 != 0 ? s.Step * stepShape : 0.0;
        Leg(joints, pelvis, up, forward, right, -1f, leftLift + lift, CanonicalJoint.LeftHip, CanonicalJoint.LeftKnee, CanonicalJoint.LeftFoot);
        Leg(joints, pelvis, up, forward, right, 1f, rightLift + lift, CanonicalJoint.RightHip, CanonicalJoint.RightKnee, CanonicalJoint.RightFoot);
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    /// <summary>d(beat)/dt at beat <paramref name="k"/>: the mean tempo of the two beats that meet there.</summary>
    private double Slope(int k)
    {
        double before = k > 0 ? _beatTimes[k] - _beatTimes[k - 1] : _beatTimes[1] - _beatTimes[0];
        double after = k + 1 < _beatTimes.Length ? _beatTimes[k + 1] - _beatTimes[k] : before;
        return 2.0 / (before + after);
    }

    private static long TimeNs(long index, double rate) => (long)Math.Round(index * 1e9 / rate);

    private static void Arm(Span<Vector3> j, Vector3 neck, Vector3 up, Vector3 forward, Vector3 right, float side, double swing, double raise, CanonicalJoint shoulder, CanonicalJoint elbow, CanonicalJoint hand)
    {
        Vector3 s = neck - (up * 0.05f) + (right * (0.18f * side));
        Vector3 hanging = Vector3.Normalize((-up * (float)Math.Cos(swing)) + (forward * (float)Math.Sin(swing)) + (right * (0.1f * side)));
        Vector3 raised = Vector3.Normalize(up + (right * (0.25f * side)));
        Vector3 upper = Vector3.Normalize(Vector3.Lerp(hanging, raised, (float)raise));
        Vector3 e = s + (upper * 0.28f);
        double bend = 0.6 + (0.5 * swing);
        Vector3 lowerHanging = Vector3.Normalize((-up * (float)Math.Cos(swing + bend)) + (forward * (float)Math.Sin(swing + bend)));
        Vector3 lower = Vector3.Normalize(Vector3.Lerp(lowerHanging, raised, (float)raise));
        j[(int)shoulder] = s;
        j[(int)elbow] = e;
        j[(int)hand] = e + (lower * 0.26f);
    }

    private static void Leg(Span<Vector3> j, Vector3 pelvis, Vector3 up, Vector3 forward, Vector3 right, float side, double lift, CanonicalJoint hip, CanonicalJoint knee, CanonicalJoint foot)
    {
        Vector3 h = pelvis + (right * (0.1f * side)) - (up * 0.05f);
        var f = new Vector3(h.X, (float)(FloorY + lift), h.Z);
        float legSpan = Vector3.Distance(h, f);
        float bend = MathF.Sqrt(MathF.Max(0f, (0.45f * 0.45f) - (legSpan * legSpan / 4f)));
        j[(int)hip] = h;
        j[(int)knee] = ((h + f) * 0.5f) + (forward * bend);
        j[(int)foot] = f;
    }

    private double GestureEnvelope(GestureKind kind, double beat)
    {
        double envelope = 0.0;
        foreach (DancerGesture g in _options.Gestures)
        {
            if (g.Kind == kind && beat >= g.AtBeat && beat < g.AtBeat + g.Beats)
            {
                double u = (beat - g.AtBeat) / g.Beats;
                envelope = Math.Max(envelope, kind == GestureKind.Jump ? u : Math.Sin(Math.PI * u));
            }
        }

        return envelope;
    }

    private double SpinAngle(double beat)
    {
        double angle = 0.0;
        foreach (DancerGesture g in _options.Gestures)
        {
            if (g.Kind != GestureKind.Spin || beat < g.AtBeat)
            {
                continue;
            }

            double u = Math.Min(1.0, (beat - g.AtBeat) / g.Beats);
            angle += 2.0 * Math.PI * (0.5 - (0.5 * Math.Cos(Math.PI * u)));
        }

        return angle;
    }

    private bool InDropout(string device, long timeNs)
    {
        double t = timeNs * 1e-9;
        foreach (DancerDropout d in _options.Dropouts)
        {
            if (d.DeviceId == device && t >= d.StartSeconds && t < d.StartSeconds + d.Seconds)
            {
                return true;
            }
        }

        return false;
    }

    private SkeletonFrame SkeletonAt(long timeNs)
    {
        var positions = new Vector3[CanonicalSkeleton.JointCount];
        JointsAt(timeNs * 1e-9, positions);
        return new SkeletonFrame(_options.DancerDevice, timeNs, timeNs, CanonicalSkeleton.Definition, positions);
    }

    private ImuFrame PhoneAt(long timeNs)
    {
        double t = timeNs * 1e-9;
        double h = DerivativeStep;
        Vector3 before = HandAt(t - h, out Quaternion qBefore);
        Vector3 now = HandAt(t, out Quaternion q);
        Vector3 after = HandAt(t + h, out Quaternion qAfter);

        // Accelerometers measure specific force: the true acceleration plus the reaction to gravity.
        Vector3 acceleration = (after - (2f * now) + before) / (float)(h * h);
        var gravity = new Vector3(0f, 9.80665f, 0f);
        Quaternion toDevice = Quaternion.Conjugate(q);
        Vector3 specific = Vector3.Transform(acceleration + gravity, toDevice);
        Vector3 gravityDevice = Vector3.Transform(gravity, toDevice);

        // Angular velocity from the orientation change across ±h, expressed in the phone's axes.
        Quaternion delta = Quaternion.Normalize(qAfter * Quaternion.Conjugate(qBefore));
        if (delta.W < 0)
        {
            delta = new Quaternion(-delta.X, -delta.Y, -delta.Z, -delta.W);
        }

        var axis = new Vector3(delta.X, delta.Y, delta.Z);
        float sinHalf = axis.Length();
        Vector3 omegaWorld = sinHalf > 1e-9f ? axis / sinHalf * (float)(2.0 * Math.Atan2(sinHalf, delta.W) / (2.0 * h)) : Vector3.Zero;
        Vector3 omega = Vector3.Transform(omegaWorld, toDevice);

        float an = (float)_options.AccelerometerNoise;
        float gn = (float)_options.GyroscopeNoise;
        var noisyAcc = new Vector3(specific.X + (an * (float)_noise.NextGaussian()), specific.Y + (an * (float)_noise.NextGaussian()), specific.Z + (an * (float)_noise.NextGaussian()));
        var noisyGyro = new Vector3(omega.X + (gn * (float)_noise.NextGaussian()), omega.Y + (gn * (float)_noise.NextGaussian()), omega.Z + (gn * (float)_noise.NextGaussian()));
        return new ImuFrame(_options.PhoneDevice, timeNs, timeNs, noisyAcc, noisyGyro, gravityDevice, q);
    }

    /// <summary>The right hand's position and the phone's orientation (device → world): y along the forearm.</summary>
    private Vector3 HandAt(double seconds, out Quaternion orientation)
    {
        JointsAt(seconds, _scratch);
        Vector3 elbow = _scratch[(int)CanonicalJoint.RightElbow];
        Vector3 hand = _scratch[(int)CanonicalJoint.RightHand];
        Vector3 y = Vector3.Normalize(hand - elbow);
        Vector3 reference = MathF.Abs(y.Y) < 0.95f ? Vector3.UnitY : Vector3.UnitZ;
        Vector3 x = Vector3.Normalize(Vector3.Cross(y, reference));
        Vector3 z = Vector3.Cross(x, y);
        var rotation = new Matrix4x4(
            x.X, x.Y, x.Z, 0f,
            y.X, y.Y, y.Z, 0f,
            z.X, z.Y, z.Z, 0f,
            0f, 0f, 0f, 1f);
        orientation = Quaternion.Normalize(Quaternion.CreateFromRotationMatrix(rotation));
        return hand;
    }
}
