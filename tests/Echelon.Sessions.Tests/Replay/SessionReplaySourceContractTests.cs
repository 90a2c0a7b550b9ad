using Echelon.Motion.Sources;
using Echelon.Motion.Tests.Sources;
using Echelon.Sessions.Replay;

namespace Echelon.Sessions.Tests.Replay;

/// <summary>Session replay keeps the contract every sensor source keeps.</summary>
public sealed class SessionReplaySourceContractTests(RecordedSessionFixture session) : SensorSourceContract, IClassFixture<RecordedSessionFixture>
{
    protected override int MinimumFrames => 100;

    protected override ISensorSource CreateSource() => new SessionReplaySource(session.Directory);
}
