namespace Echelon.Motion.Synthetic;

/// <summary>A scripted sensor dropout: the device delivers no frames from <paramref name="StartSeconds"/> for <paramref name="Seconds"/>.</summary>
public sealed record DancerDropout(string DeviceId, double StartSeconds, double Seconds);
