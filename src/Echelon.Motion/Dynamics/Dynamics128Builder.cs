using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;

namespace Echelon.Motion.Dynamics;

/// <summary>
/// The one authoritative builder of Dynamics128 (DESIGN §4). <see cref="Ingest"/> takes sensor frames
/// as they arrive (skeletons from any mapped skeleton, MediaPipe poses, IMUs) and updates per-device
/// state and derivatives; <see cref="Build"/>, called at the control rate, writes the vector for that
/// instant: every slot from <see cref="Dynamics128Layout"/>, normalised, with the mask of slots that
/// had fresh data. IMU-only or pose-only input gives a valid vector with the other groups masked.
/// <see cref="IngestAudio"/> takes what the listening analyzers heard for the audio slots (112–119).
/// </summary>
/// <remarks>
/// Deterministic: the same frames and build times give the same vectors bit for bit (replay relies
/// on it). Single-threaded (the control thread). Allocation-free in steady state; the first frame of
/// a skeleton definition it has not seen before allocates that skeleton's name mapping once.
/// </remarks>
public sealed class Dynamics128Builder
{
    /// <summary>Builder name, the first part of the producer id.</summary>
    public const string BuilderName = "echelon.dynamics128";

    private const float Gravity = 9.80665f;
    private const int Joints = CanonicalSkeleton.JointCount;

    private readonly Dynamics128BuilderOptions _options;
    private readonly SlotDefinition[] _slots;
    private readonly long _staleNs;
    private readonly long _audioStaleNs;
    private readonly Dictionary<SkeletonDefinition, SkeletonMapping> _mappings = new(ReferenceEqualityComparer.Instance);
    private readonly Vector3[] _incoming = new Vector3[Joints];
    private readonly bool[] _incomingPresent = new bool[Joints];
    private readonly Vector3[] _position = new Vector3[Joints];
    private readonly Vector3[] _velocity = new Vector3[Joints];
    private readonly Vector3[] _acceleration = new Vector3[Joints];
    private readonly Vector3[] _jerk = new Vector3[Joints];
    private readonly int[] _order = new int[Joints];
    private readonly string?[] _imuIds = new string?[Dynamics128Layout.MaxImuDevices];
    private readonly ImuFrame?[] _imuLatest = new ImuFrame?[Dynamics128Layout.MaxImuDevices];
    private readonly MotionRhythm _rhythm;
    private string? _bodyDevice;
    private long _bodyTimeNs;
    private int _bodyFrames;
    private RhythmSource _rhythmSource;
    private AudioFeatures _audio;
    private bool _hasAudio;

    /// <summary>Creates a builder.</summary>
    public Dynamics128Builder(Dynamics128BuilderOptions? options = null)
    {
        _options = options ?? new Dynamics128BuilderOptions();
        _options.Validate();
        _slots = [.. Dynamics128Layout.Slots];
        _staleNs = (long)(_options.StaleAfterSeconds * 1e9);
        _audioStaleNs = (long)(_options.AudioStaleAfterSeconds * 1e9);
        _bodyDevice = _options.BodyDevice;
        if (_options.ImuDevices is { } imus)
        {
            for (int i = 0; i < imus.Count; i++)
            {
                DeviceIds.Validate(imus[i]);
                _imuIds[i] = imus[i];
            }
        }

        _rhythm = new MotionRhythm(_options.Rhythm);
        ProducerId = $"{BuilderName}/{Dynamics128Layout.Version}/{_options.ConfigurationHash()}";
    }

    private enum RhythmSource
    {
        None,
        Body,
        Imu,
    }

    /// <summary>Builder name, layout version and configuration hash: written into every vector.</summary>
    public string ProducerId { get; }

    /// <summary>
    /// Frames ignored: non-finite, from an unassigned device, or older than the device's last frame; audio
    /// features count here too (non-finite, or not newer than the last).
    /// </summary>
    public long IgnoredFrames { get; private set; }

    /// <summary>The rhythm tracker (tempo, periodicity, phase) behind slots 96–103.</summary>
    public MotionRhythm Rhythm => _rhythm;

    /// <summary>Takes one sensor frame. Allocation-free except the first frame of a new skeleton definition.</summary>
    public void Ingest(SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.IsFinite())
        {
            IgnoredFrames++;
            return;
        }

        switch (frame)
        {
            case ImuFrame imu:
                IngestImu(imu);
                break;
            case SkeletonFrame skeleton:
                if (!ClaimBody(skeleton))
                {
                    return;
                }

                SkeletonMapping mapping = MappingFor(skeleton.Definition);
                for (int j = 0; j < Joints; j++)
                {
                    int source = mapping.SourceIndex((CanonicalJoint)j);
                    _incomingPresent[j] = source >= 0;
                    _incoming[j] = source >= 0 ? skeleton.Positions[source] : Vector3.Zero;
                }

                AcceptBody(skeleton.HostTimeNs);
                break;
            case PoseFrame pose:
                if (!ClaimBody(pose))
                {
                    return;
                }

                MediaPipePose.ToCanonical(pose, _incoming, _incomingPresent, _options.PoseImageHeightMetres);
                AcceptBody(pose.HostTimeNs);
                break;
            default:
                IgnoredFrames++;
                break;
        }
    }

    /// <summary>
    /// Takes the newest live-audio features for slots 112–119. Features with a NaN or infinite field (a NaN pitch
    /// excepted: that is unvoiced input) or not newer than the last ones are ignored and counted in
    /// <see cref="IgnoredFrames"/>; the last good features stay. Allocation-free.
    /// </summary>
    public void IngestAudio(in AudioFeatures features)
    {
        if (!features.IsFinite() || (_hasAudio && features.TimeNs <= _audio.TimeNs))
        {
            IgnoredFrames++;
            return;
        }

        _audio = features;
        _hasAudio = true;
    }

    /// <summary>Writes the vector for host time <paramref name="timeNs"/> into <paramref name="output"/>. Allocation-free.</summary>
    /// <remarks>Advances the rhythm tracker by one control frame: call it once per frame, at the control rate.</remarks>
    public void Build(long timeNs, Dynamics128Vector output) => Write(timeNs, output, rhythm: true);

    /// <summary>
    /// Writes what the frames ingested so far say at <paramref name="timeNs"/> between control frames: the body, IMU
    /// and audio slots exactly as <see cref="Build"/> would write them, with the rhythm slots (96–103) masked, because
    /// the rhythm tracker moves one control frame per <see cref="Build"/> and is not touched here. For answering a
    /// sensor frame the moment it arrives (the studio's express mappings); the next <see cref="Build"/> is unchanged by
    /// it. Allocation-free.
    /// </summary>
    public void Preview(long timeNs, Dynamics128Vector output) => Write(timeNs, output, rhythm: false);

    private void Write(long timeNs, Dynamics128Vector output, bool rhythm)
    {
        ArgumentNullException.ThrowIfNull(output);
        float[] v = output.Values;
        Array.Clear(v);
        UInt128 mask = UInt128.Zero;

        bool body = _bodyFrames > 0 && timeNs - _bodyTimeNs <= _staleNs && timeNs >= _bodyTimeNs;
        if (body)
        {
            WriteBody(v, ref mask);
        }

        for (int d = 0; d < Dynamics128Layout.MaxImuDevices; d++)
        {
            if (_imuLatest[d] is { } imu && timeNs - imu.HostTimeNs <= _staleNs && timeNs >= imu.HostTimeNs)
            {
                WriteImu(d, imu, v, ref mask);
            }
        }

        if (rhythm)
        {
            WriteRhythm(timeNs, body, v, ref mask);
        }

        WriteAudio(timeNs, v, ref mask);
        output.Mask = mask;
        output.TimeNs = timeNs;
        output.ProducerId = ProducerId;
    }

    /// <summary>Forgets all device state and the rhythm (the producer id stays).</summary>
    public void Reset()
    {
        Array.Clear(_position);
        Array.Clear(_velocity);
        Array.Clear(_acceleration);
        Array.Clear(_jerk);
        Array.Clear(_order);
        Array.Clear(_imuLatest);
        if (_options.ImuDevices is null)
        {
            Array.Clear(_imuIds);
        }

        _bodyDevice = _options.BodyDevice;
        _bodyFrames = 0;
        _bodyTimeNs = 0;
        _rhythmSource = RhythmSource.None;
        _rhythm.Reset();
        _audio = default;
        _hasAudio = false;
        IgnoredFrames = 0;
    }

    private SkeletonMapping MappingFor(SkeletonDefinition definition)
    {
        if (!_mappings.TryGetValue(definition, out SkeletonMapping? mapping))
        {
            mapping = SkeletonMapping.For(definition);
            _mappings[definition] = mapping;
        }

        return mapping;
    }

    private bool ClaimBody(SensorFrame frame)
    {
        _bodyDevice ??= frame.DeviceId;
        if (!string.Equals(_bodyDevice, frame.DeviceId, StringComparison.Ordinal) || (_bodyFrames > 0 && frame.HostTimeNs <= _bodyTimeNs))
        {
            IgnoredFrames++;
            return false;
        }

        return true;
    }

    private void AcceptBody(long timeNs)
    {
        float dt = _bodyFrames > 0 ? (float)((timeNs - _bodyTimeNs) * 1e-9) : 0f;
        for (int j = 0; j < Joints; j++)
        {
            if (!_incomingPresent[j])
            {
                _order[j] = 0;
                continue;
            }

            Vector3 p = _incoming[j];
            if (_order[j] >= 1 && dt > 0f)
            {
                Vector3 velocity = (p - _position[j]) / dt;
                if (_order[j] >= 2)
                {
                    Vector3 acceleration = (velocity - _velocity[j]) / dt;
                    if (_order[j] >= 3)
                    {
                        _jerk[j] = (acceleration - _acceleration[j]) / dt;
                    }

                    _acceleration[j] = acceleration;
                }

                _velocity[j] = velocity;
            }

            _position[j] = p;
            _order[j] = Math.Min(_order[j] + 1, 4);
        }

        _bodyTimeNs = timeNs;
        _bodyFrames++;
    }

    private void IngestImu(ImuFrame imu)
    {
        int slot = -1;
        for (int d = 0; d < _imuIds.Length; d++)
        {
            if (string.Equals(_imuIds[d], imu.DeviceId, StringComparison.Ordinal))
            {
                slot = d;
                break;
            }
        }

        if (slot < 0 && _options.ImuDevices is null)
        {
            slot = Array.IndexOf(_imuIds, null);
            if (slot >= 0)
            {
                _imuIds[slot] = imu.DeviceId;
            }
        }

        if (slot < 0 || (_imuLatest[slot] is { } last && imu.HostTimeNs <= last.HostTimeNs))
        {
            IgnoredFrames++;
            return;
        }

        _imuLatest[slot] = imu;
    }

    private void WriteBody(float[] v, ref UInt128 mask)
    {
        const int pelvis = (int)CanonicalJoint.Pelvis;
        if (_order[pelvis] >= 1)
        {
            Vector3 root = _position[pelvis];
            Set(v, ref mask, 0, root.X);
            Set(v, ref mask, 1, root.Y);
            Set(v, ref mask, 2, root.Z);
        }

        if (_order[pelvis] >= 2)
        {
            Set(v, ref mask, 3, _velocity[pelvis].X);
            Set(v, ref mask, 4, _velocity[pelvis].Y);
            Set(v, ref mask, 5, _velocity[pelvis].Z);
        }

        if (_order[pelvis] >= 3)
        {
            Set(v, ref mask, 6, _acceleration[pelvis].X);
            Set(v, ref mask, 7, _acceleration[pelvis].Y);
            Set(v, ref mask, 8, _acceleration[pelvis].Z);
        }

        if (Has(CanonicalJoint.LeftHip, 1) && Has(CanonicalJoint.RightHip, 1))
        {
            // Facing direction from the hips: forward = up × (right hip − left hip); 0 facing +z.
            Vector3 right = _position[(int)CanonicalJoint.RightHip] - _position[(int)CanonicalJoint.LeftHip];
            float fx = right.Z;
            float fz = -right.X;
            float length = MathF.Sqrt((fx * fx) + (fz * fz));
            if (length > 1e-6f)
            {
                Set(v, ref mask, 9, fx / length);
                Set(v, ref mask, 10, fz / length);
            }
        }

        if (Has(CanonicalJoint.Head, 1) && (Has(CanonicalJoint.LeftFoot, 1) || Has(CanonicalJoint.RightFoot, 1)))
        {
            float foot = MathF.Min(
                Has(CanonicalJoint.LeftFoot, 1) ? _position[(int)CanonicalJoint.LeftFoot].Y : float.MaxValue,
                Has(CanonicalJoint.RightFoot, 1) ? _position[(int)CanonicalJoint.RightFoot].Y : float.MaxValue);
            Set(v, ref mask, 11, _position[(int)CanonicalJoint.Head].Y - foot);
        }

        float spread = 0f;
        float jerk = 0f;
        int spreadCount = 0;
        int jerkCount = 0;
        IReadOnlyList<CanonicalJoint> effectors = CanonicalSkeleton.EndEffectors;
        for (int e = 0; e < effectors.Count; e++)
        {
            int j = (int)effectors[e];
            if (_order[j] < 1 || _order[pelvis] < 1)
            {
                continue;
            }

            Vector3 relative = _position[j] - _position[pelvis];
            float distance = relative.Length();
            spread += distance;
            spreadCount++;
            Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 6), relative.Y);
            Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 7), distance);
            if (_order[j] >= 2)
            {
                Vector3 velocity = _velocity[j];
                Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 0), velocity.X);
                Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 1), velocity.Y);
                Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 2), velocity.Z);
                Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 3), velocity.Length());
            }

            if (_order[j] >= 3)
            {
                Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 4), _acceleration[j].Length());
            }

            if (_order[j] >= 4)
            {
                float magnitude = _jerk[j].Length();
                Set(v, ref mask, Dynamics128Layout.EffectorSlot(e, 5), magnitude);
                jerk += magnitude;
                jerkCount++;
            }
        }

        if (spreadCount > 0)
        {
            Set(v, ref mask, 12, spread / spreadCount);
        }

        if (jerkCount > 0)
        {
            Set(v, ref mask, 14, jerk / jerkCount);
        }

        if (KineticEnergy(out float energy))
        {
            Set(v, ref mask, 13, energy);
        }

        float left = Speed(CanonicalJoint.LeftHand) + Speed(CanonicalJoint.LeftElbow) + Speed(CanonicalJoint.LeftFoot);
        float rightSpeed = Speed(CanonicalJoint.RightHand) + Speed(CanonicalJoint.RightElbow) + Speed(CanonicalJoint.RightFoot);
        if (Has(CanonicalJoint.LeftHand, 2) && Has(CanonicalJoint.RightHand, 2))
        {
            Set(v, ref mask, 15, 1f - (MathF.Abs(left - rightSpeed) / (left + rightSpeed + 1e-6f)));
        }
    }

    private void WriteImu(int device, ImuFrame imu, float[] v, ref UInt128 mask)
    {
        Vector3 a = imu.Acceleration;
        Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 0), a.X);
        Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 1), a.Y);
        Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 2), a.Z);
        Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 6), a.Length() - Gravity);
        if (imu.RotationRate is { } w)
        {
            Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 3), w.X);
            Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 4), w.Y);
            Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 5), w.Z);
            Set(v, ref mask, Dynamics128Layout.ImuSlot(device, 7), w.Length());
        }
    }

    private void WriteRhythm(long timeNs, bool body, float[] v, ref UInt128 mask)
    {
        // The rhythm follows one signal for the whole session: the body's kinetic energy when a body
        // is present at the first build, else the first IMU's dynamic acceleration.
        ImuFrame? imu = _imuLatest[0];
        bool imuFresh = imu is not null && timeNs - imu.HostTimeNs <= _staleNs && timeNs >= imu.HostTimeNs;
        if (_rhythmSource == RhythmSource.None)
        {
            _rhythmSource = body ? RhythmSource.Body : imuFresh ? RhythmSource.Imu : RhythmSource.None;
        }

        double energy;
        if (_rhythmSource == RhythmSource.Body && body && KineticEnergy(out float kinetic))
        {
            energy = kinetic;
        }
        else if (_rhythmSource == RhythmSource.Imu && imuFresh)
        {
            energy = Math.Abs(imu!.Acceleration.Length() - Gravity);
        }
        else
        {
            return;
        }

        _rhythm.Update(energy);
        Set(v, ref mask, Dynamics128Layout.OnsetStrength, (float)_rhythm.OnsetStrength);
        Set(v, ref mask, Dynamics128Layout.MotionEnergy, (float)_rhythm.RelativeEnergy);
        if (_rhythm.IsWarm)
        {
            Set(v, ref mask, Dynamics128Layout.Periodicity, (float)_rhythm.Periodicity);
            Set(v, ref mask, Dynamics128Layout.Tempo, (float)_rhythm.TempoBpm);
            Set(v, ref mask, Dynamics128Layout.PhaseSin, (float)Math.Sin(_rhythm.Phase));
            Set(v, ref mask, Dynamics128Layout.PhaseCos, (float)Math.Cos(_rhythm.Phase));
            Set(v, ref mask, Dynamics128Layout.BeatEnergy, (float)_rhythm.BeatEnergy);
            Set(v, ref mask, Dynamics128Layout.TempoConfidence, (float)_rhythm.Confidence);
        }
    }

    /// <summary>
    /// The audio slots, when features are at most <see cref="Dynamics128BuilderOptions.AudioStaleAfterSeconds"/> old
    /// (and not from after <paramref name="timeNs"/>): level, onset, confidence and centroid always; the pitch only
    /// when voiced; tempo and beat phase only when the tracker is locked. Nothing heard means everything masked.
    /// </summary>
    private void WriteAudio(long timeNs, float[] v, ref UInt128 mask)
    {
        long age = timeNs - _audio.TimeNs;
        if (!_hasAudio || age < 0 || age > _audioStaleNs)
        {
            return;
        }

        Set(v, ref mask, Dynamics128Layout.AudioLevel, (float)_audio.LevelDbfs);
        Set(v, ref mask, Dynamics128Layout.AudioOnset, (float)_audio.OnsetStrength);
        Set(v, ref mask, Dynamics128Layout.AudioPitchConfidence, (float)_audio.PitchConfidence);
        Set(v, ref mask, Dynamics128Layout.AudioCentroid, (float)_audio.CentroidHz);
        if (_audio.IsVoiced)
        {
            Set(v, ref mask, Dynamics128Layout.AudioPitch, (float)_audio.PitchMidi);
        }

        if (_audio.HasBeat)
        {
            // The phase at the build time, not at the analysis frame: θ turns once per beat, so the few
            // milliseconds between the two would otherwise lag the slot by up to a tenth of a radian.
            double theta = _audio.BeatPhase + (2 * Math.PI * _audio.TempoBpm / 60.0 * (age * 1e-9));
            Set(v, ref mask, Dynamics128Layout.AudioTempo, (float)_audio.TempoBpm);
            Set(v, ref mask, Dynamics128Layout.AudioBeatSin, (float)Math.Sin(theta));
            Set(v, ref mask, Dynamics128Layout.AudioBeatCos, (float)Math.Cos(theta));
        }
    }

    private bool KineticEnergy(out float energy)
    {
        float sum = 0f;
        int count = 0;
        for (int j = 0; j < Joints; j++)
        {
            if (_order[j] >= 2)
            {
                sum += _velocity[j].LengthSquared();
                count++;
            }
        }

        energy = count > 0 ? 0.5f * sum / count : 0f;
        return count > 0;
    }

    private bool Has(CanonicalJoint joint, int order) => _order[(int)joint] >= order;

    private float Speed(CanonicalJoint joint) => _order[(int)joint] >= 2 ? _velocity[(int)joint].Length() : 0f;

    private void Set(float[] v, ref UInt128 mask, int slot, float raw)
    {
        if (!float.IsFinite(raw))
        {
            return;
        }

        v[slot] = _slots[slot].Normalize(raw);
        mask |= UInt128.One << slot;
    }
}
