using System.Text;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Sessions.Recording;

namespace Echelon.Sessions.Tests.Infrastructure;

/// <summary>Records test sessions and reads or edits their files the way a test needs to.</summary>
public static class SessionFiles
{
    /// <summary>Records the frames and vectors into a new session and closes it.</summary>
    public static SessionManifest Record(string directory, IEnumerable<SensorFrame> frames, IEnumerable<Dynamics128Vector>? vectors = null)
    {
        using var recorder = SessionRecorder.Create(directory, SyntheticSession.Options());
        foreach (SensorFrame frame in frames)
        {
            Assert.True(recorder.TryAppend(frame), $"frame at {frame.HostTimeNs} from {frame.DeviceId} refused");
        }

        foreach (Dynamics128Vector vector in vectors ?? [])
        {
            Assert.True(recorder.TryAppend(vector));
        }

        recorder.Dispose();
        Assert.Equal(0, recorder.RecordsDropped);
        Assert.Equal(0, recorder.RecordsRejected);
        return recorder.Manifest;
    }

    /// <summary>A small closed session of all three devices plus Dynamics128.</summary>
    public static SessionManifest RecordSmall(string directory, int seed = 1) =>
        Record(directory, SyntheticSession.Frames(seed, 0.5), SyntheticSession.Vectors(seed, 20));

    public static string StreamPath(string directory, string stream) =>
        SessionLayout.FullPath(directory, SessionLayout.StreamFile(stream));

    public static string ManifestPath(string directory) => Path.Combine(directory, SessionLayout.ManifestFileName);

    /// <summary>Reads a file that another process or a live recorder may hold open for writing.</summary>
    public static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static int CountLines(byte[] bytes) => bytes.Count(b => b == (byte)'\n');

    /// <summary>The stream's lines (without '\n'); the last element is the text after the last '\n'.</summary>
    public static List<string> Lines(string path) => [.. Encoding.UTF8.GetString(File.ReadAllBytes(path)).Split('\n')];

    public static void WriteLines(string path, IEnumerable<string> linesWithTail) =>
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(string.Join('\n', linesWithTail)));

    /// <summary>Turns a closed session into what a killed recorder leaves: status recording, no counts.</summary>
    public static void MarkAsKilled(string directory)
    {
        SessionManifest manifest = SessionManifest.Load(ManifestPath(directory));
        manifest.With(SessionStatus.Recording, [.. manifest.Streams.Select(s => s.WithoutCounts())]).Save(ManifestPath(directory));
    }

    /// <summary>Polls until the condition holds or the deadline passes.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (condition())
            {
                return true;
            }

            if (clock.Elapsed > deadline)
            {
                return false;
            }

            Thread.Sleep(5);
        }
    }
}
