namespace Echelon.Studio.Configuration;

/// <summary>Where sensor frames come from (the <c>kind</c> of an entry in <c>devices.sources</c>).</summary>
public enum SensorSourceKind
{
    /// <summary><c>synthetic</c>: the deterministic procedural dancer (skeleton plus a phone IMU in the right hand).</summary>
    Synthetic = 0,

    /// <summary><c>replay</c>: the sensor streams of a recorded session, played back on the clock.</summary>
    Replay = 1,

    /// <summary><c>osc</c>: phone sensor apps and Wekinator-style senders over OSC/UDP.</summary>
    Osc = 2,

    /// <summary><c>phone</c>: phones paired through the studio's <c>/pair</c> page, streaming over <c>/ws/sensors</c>.</summary>
    Phone = 3,
}
