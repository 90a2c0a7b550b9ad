using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Studio.Engine;

/// <summary>
/// How network inputs (the phone page's <c>/ws/sensors</c>, OSC) hand sensor frames to the engine. Any thread;
/// never blocks: a full queue drops the frame and counts it.
/// </summary>
public interface ISensorIngress
{
    /// <summary>Announces a device before its first frame (a phone that paired); idempotent per id.</summary>
    void RegisterDevice(SensorDevice device, string source);

    /// <summary>Queues a frame for the control thread; false when it was dropped (queue full or device unknown).</summary>
    bool TryPublish(SensorFrame frame);

    /// <summary>The engine's clock now, nanoseconds: stamp frames' host time with it.</summary>
    long NowNs { get; }
}
