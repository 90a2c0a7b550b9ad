using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;

namespace Echelon.Motion.Sources;

/// <summary>
/// A source over frames already read and checked (the file readers parse the whole file up front, so
/// a format error surfaces before the first frame): <see cref="TryRead"/> only walks the list.
/// </summary>
/// <remarks>Single consumer; not thread-safe. <see cref="TryRead"/> after <see cref="Dispose"/> throws.</remarks>
public abstract class FrameListSource : ISensorSource
{
    private readonly IReadOnlyList<SensorFrame> _frames;
    private int _next;
    private bool _disposed;

    /// <summary>Serves <paramref name="frames"/> in order.</summary>
    protected FrameListSource(string name, IReadOnlyList<SensorFrame> frames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(frames);
        Name = name;
        _frames = frames;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<SensorDevice> Devices { get; }

    /// <inheritdoc />
    public abstract long RejectedFrames { get; }

    /// <inheritdoc />
    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_next >= _frames.Count)
        {
            frame = null;
            return false;
        }

        frame = _frames[_next++];
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        GC.SuppressFinalize(this);
    }
}
