using System.Numerics;

namespace Echelon.Motion.Frames;

/// <summary>
/// Camera pose landmarks in MediaPipe Pose's 33-point layout (<see cref="Skeleton.MediaPipePose"/>):
/// normalised image landmarks always, world landmarks (metres, origin between the hips, y down as
/// MediaPipe reports them) when the model gave them.
/// </summary>
public sealed record PoseFrame : SensorFrame
{
    /// <summary>Landmarks per frame in MediaPipe Pose.</summary>
    public const int LandmarkCount = 33;

    /// <summary>Creates a pose frame; both arrays, when given, must hold 33 entries.</summary>
    public PoseFrame(string deviceId, long deviceTimeNs, long hostTimeNs, PoseLandmark[] landmarks, Vector3[]? worldLandmarks = null)
        : base(deviceId, deviceTimeNs, hostTimeNs)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        if (landmarks.Length != LandmarkCount)
        {
            throw new ArgumentException($"landmarks has {landmarks.Length} entries; expected {LandmarkCount}.", nameof(landmarks));
        }

        if (worldLandmarks is not null && worldLandmarks.Length != LandmarkCount)
        {
            throw new ArgumentException($"worldLandmarks has {worldLandmarks.Length} entries; expected {LandmarkCount}.", nameof(worldLandmarks));
        }

        Landmarks = landmarks;
        WorldLandmarks = worldLandmarks;
    }

    /// <inheritdoc />
    public override SensorKind Kind => SensorKind.Pose;

    /// <summary>The 33 normalised image landmarks.</summary>
    public PoseLandmark[] Landmarks { get; }

    /// <summary>The 33 world landmarks in metres, when present.</summary>
    public Vector3[]? WorldLandmarks { get; }

    /// <inheritdoc />
    public override bool IsFinite()
    {
        foreach (PoseLandmark l in Landmarks)
        {
            if (!l.IsFinite)
            {
                return false;
            }
        }

        return WorldLandmarks is null || Finite.Of(WorldLandmarks);
    }
}
