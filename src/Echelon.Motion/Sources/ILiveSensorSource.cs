namespace Echelon.Motion.Sources;

/// <summary>
/// A source the network feeds in real time (OSC sensor apps): its frames are stamped when they arrive and
/// <see cref="ISensorSource.TryRead"/> waits for the next one, so it is read on a thread of its own, not paced by its
/// host times like a file.
/// </summary>
/// <remarks>
/// Whoever reads it may give it the clock to stamp with (<see cref="UseClock"/>) before the first read; without one it
/// counts from its own creation. <see cref="ISensorSource.TryRead"/> returns false once the source is stopped
/// (<see cref="StopReading"/>) or disposed, after at most a fraction of a second of waiting, and never returns a frame again.
/// </remarks>
public interface ILiveSensorSource : ISensorSource
{
    /// <summary>Stamps every frame that arrives from now on with <paramref name="hostClockNs"/> (nanoseconds) instead of the source's own clock.</summary>
    void UseClock(Func<long> hostClockNs);

    /// <summary>Makes <see cref="ISensorSource.TryRead"/> return false from now on, waking a reader that waits (any thread).</summary>
    void StopReading();
}
