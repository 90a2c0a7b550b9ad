namespace Echelon.Motion.Frames;

/// <summary>What a sensor frame carries.</summary>
public enum SensorKind
{
    /// <summary>Phone or watch inertial measurements: <see cref="ImuFrame"/>.</summary>
    Imu = 1,

    /// <summary>Camera pose landmarks in MediaPipe's 33-point layout: <see cref="PoseFrame"/>.</summary>
    Pose = 2,

    /// <summary>Skeleton joint positions (motion capture, BVH, the synthetic dancer): <see cref="SkeletonFrame"/>.</summary>
    Skeleton = 3,
}
