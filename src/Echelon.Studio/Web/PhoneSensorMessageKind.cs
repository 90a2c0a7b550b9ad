namespace Echelon.Studio.Web;

/// <summary>The kinds of <c>/ws/sensors</c> message.</summary>
internal enum PhoneSensorMessageKind
{
    /// <summary>A message that could not be used; the reply names the field.</summary>
    Error = 0,

    /// <summary>A phone introducing a device: id, description, rate.</summary>
    Hello = 1,

    /// <summary>One DeviceMotion (and DeviceOrientation) reading.</summary>
    Motion = 2,
}
