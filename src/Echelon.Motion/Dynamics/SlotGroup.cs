namespace Echelon.Motion.Dynamics;

/// <summary>The five groups of Dynamics128 (DESIGN §4).</summary>
public enum SlotGroup
{
    /// <summary>Slots 0–15: the whole body.</summary>
    Body = 0,

    /// <summary>Slots 16–79: eight end-effectors × eight features.</summary>
    EndEffector = 1,

    /// <summary>Slots 80–95: raw IMU channels for up to two devices.</summary>
    Imu = 2,

    /// <summary>Slots 96–111: rhythm.</summary>
    Rhythm = 3,

    /// <summary>Slots 112–127: live-audio features and reserved.</summary>
    Audio = 4,
}
