using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Sessions.Recording;

namespace Echelon.Sessions.Tests.Infrastructure;

/// <summary>
/// A recorder in a child process, for the <c>kill -9</c> test. The test assembly doubles as the child's
/// program: <c>dotnet exec Echelon.Sessions.Tests.dll</c> runs the test SDK's empty <c>Main</c>, and this
/// module initializer, when <see cref="DirectoryVariable"/> is set, first starts a foreground thread that
/// records until the process is killed. In the test host the variable is unset and nothing happens.
/// </summary>
public static class RecorderChildProcess
{
    public const string DirectoryVariable = "ECHELON_SESSIONS_TESTS_RECORD_UNTIL_KILLED";

    public static readonly TimeSpan ChildFlushInterval = TimeSpan.FromMilliseconds(20);

    [ModuleInitializer]
    internal static void StartWhenAsked()
    {
        string? directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        // A foreground thread keeps the process alive after Main returns, until the test kills it.
        new Thread(() => RecordUntilKilled(directory)) { IsBackground = false, Name = "recorder child" }.Start();
    }

    /// <summary>Starts the child recording into <paramref name="directory"/>; its standard error is collected into <paramref name="stderr"/>.</summary>
    public static Process Start(string directory, StringBuilder stderr)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(RecorderChildProcess).Assembly.Location);
        info.Environment[DirectoryVariable] = directory;
        Process child = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        child.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        child.OutputDataReceived += (_, _) => { };
        child.BeginErrorReadLine();
        child.BeginOutputReadLine();
        return child;
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return process;
        }

        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }

    private static void RecordUntilKilled(string directory)
    {
        SessionRecorderOptions defaults = SyntheticSession.Options();
        SessionRecorder recorder = SessionRecorder.Create(directory, new SessionRecorderOptions
        {
            Devices = defaults.Devices,
            Dynamics128Streams = defaults.Dynamics128Streams,
            SensorProducer = "kill-test-child",
            FlushInterval = ChildFlushInterval,
        });
        var random = new Random(1);
        var vector = new Dynamics128Vector { ProducerId = "test-builder/v1/cfg0", Mask = UInt128.MaxValue };
        var joints = new Vector3[CanonicalSkeleton.JointCount];
        var clock = Stopwatch.StartNew();
        for (long n = 0; ; n++)
        {
            long t = clock.Elapsed.Ticks * 100;
            recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, t, t, SyntheticSession.V(random), SyntheticSession.V(random)));
            vector.TimeNs = t;
            vector.Values[(int)(n % Dynamics128Vector.Size)] = SyntheticSession.F(random);
            recorder.TryAppend(vector);
            if (n % 4 == 0)
            {
                joints[(int)(n % joints.Length)] = SyntheticSession.V(random);
                recorder.TryAppend(new SkeletonFrame(SyntheticSession.Dancer, t, t, CanonicalSkeleton.Definition, [.. joints]));
            }

            Thread.Sleep(1);
        }
    }
}
