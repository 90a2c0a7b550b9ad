using Echelon.Motion.Pose;
using Echelon.Motion.Sources;
using Echelon.Motion.Tests.Sources;

namespace Echelon.Motion.Tests.Pose;

/// <summary>The sensor-source contract on a deterministic pose JSONL file written for the test.</summary>
public sealed class PoseJsonlSourceContractTests : SensorSourceContract, IDisposable
{
    private const int Lines = 60;
    private readonly TempDirectory _dir = new();
    private readonly string _file;

    public PoseJsonlSourceContractTests()
    {
        _file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Lines(Lines));
    }

    protected override int MinimumFrames => Lines;

    public void Dispose() => _dir.Dispose();

    protected override ISensorSource CreateSource() => new PoseJsonlSource(_file);
}
