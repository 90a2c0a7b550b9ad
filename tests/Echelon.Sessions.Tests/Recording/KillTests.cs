using System.Diagnostics;
using System.Text;
using Echelon.Sessions.Replay;
using Echelon.Sessions.Tests.Infrastructure;
using Echelon.Sessions.Validation;

namespace Echelon.Sessions.Tests.Recording;

/// <summary>A recorder killed with SIGKILL (no finally blocks, no flush) leaves a session that repair finishes.</summary>
public sealed class KillTests
{
    private const int MinimumVectors = 800;

    [Fact]
    public void KilledRecorder_LeavesWholeLinesPlusAtMostOneTornLine_AndRepairMakesItOk()
    {
        using var dir = new TempDirectory();
        string session = dir.File("killed");
        string dynamics = SessionFiles.StreamPath(session, "dynamics128");
        var stderr = new StringBuilder();
        using Process child = RecorderChildProcess.Start(session, stderr);
        try
        {
            // Kill mid-recording, once the child has been writing for a while (about a second: the child appends a vector every millisecond or so).
            bool recording = SessionFiles.WaitUntil(
                () => child.HasExited || (File.Exists(dynamics) && SessionFiles.CountLines(SessionFiles.ReadShared(dynamics)) >= MinimumVectors),
                TimeSpan.FromSeconds(30));
            Assert.False(child.HasExited, $"the child exited early ({(child.HasExited ? child.ExitCode : 0)}): {stderr}");
            Assert.True(recording, $"the child did not record {MinimumVectors} vectors in 30 s: {stderr}");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            child.WaitForExit();
        }

        ValidationReport killed = SessionValidator.Validate(session);
        Assert.True(killed.Errors.Count == 0, string.Join("\n", killed.Errors));
        Assert.Equal(SessionStatus.Recording, killed.Status);
        Assert.True(killed.NeedsRepair);
        foreach (StreamValidation stream in killed.Streams.Where(s => s.Name != "sensors.camera"))
        {
            // The torn part is less than one record: no '\n' in it, and shorter than the longest line.
            Assert.InRange(stream.TornBytes, 0, 4096);
            Assert.Null(stream.FirstBadLine);
            Assert.True(stream.Records > 0, stream.Name);
        }

        Assert.True(killed.Streams.Single(s => s.Name == "dynamics128").Records >= MinimumVectors);
        Assert.True(File.Exists(Path.Combine(session, SessionLayout.LockFileName)), "a killed recorder leaves its (released) lock file");

        ValidationReport repaired = SessionValidator.Validate(session, repair: true);
        Assert.True(repaired.Repaired, string.Join("\n", repaired.Notes));
        Assert.False(File.Exists(Path.Combine(session, SessionLayout.LockFileName)));

        ValidationReport after = SessionValidator.Validate(session);
        Assert.True(after.Ok, string.Join("\n", after.Errors));
        Assert.Equal(SessionStatus.Repaired, after.Status);
        Assert.All(after.Streams, s => Assert.Equal(0, s.TornBytes));
        Assert.Equal(
            killed.Streams.Select(s => s.Records),
            SessionManifest.Load(SessionFiles.ManifestPath(session)).Streams.Select(s => s.Records!.Value));

        // The repaired session replays every whole record.
        using var replay = new SessionReplaySource(session);
        long frames = 0;
        while (replay.TryRead(out _))
        {
            frames++;
        }

        Assert.Equal(killed.Streams.Where(s => s.Name.StartsWith("sensors.", StringComparison.Ordinal)).Sum(s => s.Records), frames);
    }
}
