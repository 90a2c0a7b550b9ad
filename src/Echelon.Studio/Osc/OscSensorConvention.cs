namespace Echelon.Studio.Osc;

/// <summary>The sensor-app conventions <see cref="OscSensorDecoder"/> understands.</summary>
public enum OscSensorConvention
{
    /// <summary>Not a sensor message.</summary>
    None,

    /// <summary>IRCAM CoMote and R-IoT, format version 3: <c>/&lt;source&gt;/&lt;api&gt;/&lt;id&gt;/accelerometer x y z [timestamp frequency]</c> (m/s², gravity included), <c>…/gyroscope</c> (rad/s), <c>…/gravity</c>, <c>…/absoluteorientation x y z w</c>.</summary>
    CoMote,

    /// <summary>ZIG SIM: <c>/ZIGSIM/&lt;uuid&gt;/accel</c> or <c>/&lt;uuid&gt;/accel</c> x y z in g (user acceleration), <c>gravity</c> in g, <c>gyro</c> rad/s, <c>quaternion</c> x y z w.</summary>
    ZigSim,

    /// <summary>TouchOSC: <c>/accxyz x y z</c> in g, gravity included.</summary>
    TouchOsc,

    /// <summary>Wekinator's input message <c>/wek/inputs</c>: its first three values are taken as an accelerometer-like vector.</summary>
    Wekinator,

    /// <summary>Echelon's own <c>/echelon/imu/&lt;device&gt; ax ay az [gx gy gz [qx qy qz qw]]</c> (m/s², rad/s).</summary>
    EchelonImu,

    /// <summary>Echelon's own <c>/echelon/pose/&lt;device&gt;</c>: 33 × (x y z visibility) normalised landmarks, then optionally 33 × (x y z) world landmarks in metres.</summary>
    EchelonPose,
}
