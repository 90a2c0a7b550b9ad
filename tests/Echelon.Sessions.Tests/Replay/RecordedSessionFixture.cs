using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Sessions.Tests.Infrastructure;

namespace Echelon.Sessions.Tests.Replay;

/// <summary>One session recorded from hand-built frames (IMU, pose, canonical skeleton) and vectors, shared by a test class.</summary>
public sealed class RecordedSessionFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public RecordedSessionFixture()
    {
        Frames = SyntheticSession.Frames(seed: 11, seconds: 1);
        Vectors = SyntheticSession.Vectors(seed: 11, count: 100);
        Directory = _directory.File("replayed");
        SessionFiles.Record(Directory, Frames, Vectors);
    }

    public string Directory { get; }

    public List<SensorFrame> Frames { get; }

    public List<Dynamics128Vector> Vectors { get; }

    public void Dispose() => _directory.Dispose();
}
