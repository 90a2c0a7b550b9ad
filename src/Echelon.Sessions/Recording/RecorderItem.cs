using Echelon.Motion.Frames;

namespace Echelon.Sessions.Recording;

/// <summary>
/// One record on its way to the writer: either a sensor frame (immutable, passed by reference) or a
/// copy of a Dynamics128 vector in a pooled array (the caller's vector is reused every frame).
/// </summary>
internal readonly struct RecorderItem(int stream, SensorFrame? frame, float[]? values, UInt128 mask, long timeNs, string? producer)
{
    public int Stream { get; } = stream;

    public SensorFrame? Frame { get; } = frame;

    public float[]? Values { get; } = values;

    public UInt128 Mask { get; } = mask;

    public long TimeNs { get; } = timeNs;

    public string? Producer { get; } = producer;
}
