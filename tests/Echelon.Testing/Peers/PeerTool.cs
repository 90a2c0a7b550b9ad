using System.Collections.Concurrent;
using System.Diagnostics;

namespace Echelon.Testing.Peers;

/// <summary>
/// A real program the tests compare against (../shared/PEERS.md): found on PATH, run with a
/// timeout, its output returned. Each tool knows the Debian package that provides it, so a test
/// that cannot run says what to install.
/// </summary>
/// <remarks>
/// <c>mir_eval</c> and <c>mido</c> are not programs but Python modules; each counts as present when
/// <c>/usr/bin/python3 -c "import NAME"</c> succeeds (Debian's Python packages import only
/// under the system interpreter, PEERS.md), and runs as <c>/usr/bin/python3</c>.
/// <c>libsndfile</c> and <c>libportaudio</c> are native libraries the code under test loads (not
/// programs to compare against); each counts as present when one of its usual file names loads, and
/// cannot be run.
/// Set <c>ECHELON_REQUIRE_PEERS=1</c> to make a missing peer fail its tests instead of skipping them.
/// </remarks>
public sealed class PeerTool
{
    /// <summary>Environment variable that turns "skip when missing" into "fail when missing".</summary>
    public const string RequireVariable = "ECHELON_REQUIRE_PEERS";

    private const string MirEval = "mir_eval";
    private const string Mido = "mido";
    private const string Libsndfile = "libsndfile";
    private const string Libportaudio = "libportaudio";
    private const string SystemPython = "/usr/bin/python3";

    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> s_packages = new(StringComparer.Ordinal)
    {
        ["aubio"] = "aubio-tools",
        ["aubioonset"] = "aubio-tools",
        ["aubiopitch"] = "aubio-tools",
        ["aubiotrack"] = "aubio-tools",
        ["aubionotes"] = "aubio-tools",
        ["sox"] = "sox",
        ["ffmpeg"] = "ffmpeg",
        ["oscdump"] = "liblo-tools",
        ["oscsend"] = "liblo-tools",
        ["scsynth"] = "supercollider-server",
        ["fluidsynth"] = "fluidsynth",
        ["jackd"] = "jackd2",
        ["jack_wait"] = "jackd2",
        ["jack_midi_dump"] = "jackd2",
        ["jack_capture"] = "jack-capture",
        ["chromium"] = "chromium",
        [MirEval] = "python3-mir-eval",
        [Mido] = "python3-mido",
        [Libsndfile] = "libsndfile1",
        [Libportaudio] = "libportaudio2",
    };

    /// <summary>Native libraries, each with the file names its packages install (Debian, Homebrew, Windows builds).</summary>
    private static readonly Dictionary<string, string[]> s_nativeLibraries = new(StringComparer.Ordinal)
    {
        [Libsndfile] = ["libsndfile.so.1", "libsndfile.1.dylib", "sndfile.dll", "libsndfile-1.dll", "sndfile"],
        [Libportaudio] = ["libportaudio.so.2", "libportaudio.2.dylib", "portaudio.dll", "libportaudio-2.dll", "portaudio"],
    };

    private static readonly ConcurrentDictionary<string, PeerTool> s_found = new(StringComparer.Ordinal);

    private PeerTool(string name, string package, string? path)
    {
        Name = name;
        Package = package;
        Path = path;
    }

    /// <summary>The tool's name as the tests use it (<c>sox</c>, <c>aubioonset</c>, <c>oscdump</c>, <c>mir_eval</c>).</summary>
    public string Name { get; }

    /// <summary>The Debian package that provides it.</summary>
    public string Package { get; }

    /// <summary>Full path of the executable (for a native library, the file name that loaded); null when it is not installed.</summary>
    public string? Path { get; }

    /// <summary>True when the tool can run here.</summary>
    public bool IsAvailable => Path is not null;

    /// <summary>Why a test needing this tool cannot run: names the package and how to install it.</summary>
    public string MissingMessage =>
        $"peer '{Name}' not found {(IsPythonModule(Name) ? $"(import {Name} under {SystemPython})" : s_nativeLibraries.TryGetValue(Name, out var files) ? $"(a native library: {string.Join(", ", files)})" : "on PATH")}; " +
        $"install the Debian package '{Package}' (apt-get install {Package}); .ci/run installs it in CI.";

    /// <summary>True when <c>ECHELON_REQUIRE_PEERS=1</c>: missing peers fail instead of skipping.</summary>
    public static bool PeersRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The names this harness knows, each mapped to its Debian package.</summary>
    public static IReadOnlyDictionary<string, string> KnownTools => s_packages;

    /// <summary>Looks the tool up on PATH (once per process).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="KnownTools"/>.</exception>
    public static PeerTool Get(string name) =>
        s_found.GetOrAdd(name, static n => Find(n, Environment.GetEnvironmentVariable("PATH")));

    /// <summary>Looks the tool up on the given PATH value, without caching (for tests of the harness).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="KnownTools"/>.</exception>
    public static PeerTool Find(string name, string? pathVariable)
    {
        if (!s_packages.TryGetValue(name, out var package))
        {
            throw new ArgumentException($"unknown peer '{name}'; known: {string.Join(", ", s_packages.Keys)}.", nameof(name));
        }

        if (IsPythonModule(name))
        {
            return new PeerTool(name, package, File.Exists(SystemPython) && PythonImports(name) ? SystemPython : null);
        }

        if (s_nativeLibraries.TryGetValue(name, out var files))
        {
            return new PeerTool(name, package, files.FirstOrDefault(Loads));
        }

        foreach (var dir in (pathVariable ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? [name + ".exe", name] : new[] { name })
            {
                var full = System.IO.Path.Combine(dir, candidate);
                if (File.Exists(full) && IsExecutable(full))
                {
                    return new PeerTool(name, package, full);
                }
            }
        }

        return new PeerTool(name, package, null);
    }

    /// <summary>
    /// The skip reason for a test needing <paramref name="tools"/>: null when all are present (or
    /// when <see cref="PeersRequired"/>), else one message per missing tool.
    /// </summary>
    public static string? SkipReason(IEnumerable<string> tools)
    {
        if (PeersRequired)
        {
            return null;
        }

        var missing = tools.Select(Get).Where(t => !t.IsAvailable).Select(t => t.MissingMessage).ToList();
        return missing.Count == 0 ? null : string.Join(" ", missing);
    }

    /// <summary>Runs the tool and returns what it printed.</summary>
    /// <param name="arguments">Arguments, passed without a shell.</param>
    /// <param name="timeout">Kill the process (and its children) after this long; 60 s when null.</param>
    /// <param name="checkExitCode">When true (the default), a nonzero exit code throws.</param>
    /// <exception cref="InvalidOperationException">The tool is missing, or it exited with an error.</exception>
    /// <exception cref="TimeoutException">The tool ran past <paramref name="timeout"/>.</exception>
    public PeerRun Run(IEnumerable<string> arguments, TimeSpan? timeout = null, bool checkExitCode = true)
    {
        if (Path is null)
        {
            throw new InvalidOperationException(MissingMessage);
        }

        if (s_nativeLibraries.ContainsKey(Name))
        {
            throw new InvalidOperationException($"'{Name}' is a native library, not a program; it cannot be run.");
        }

        var args = arguments.ToList();
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var limit = timeout ?? s_defaultTimeout;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Path}.");
        process.StandardInput.Close();

        // Both pipes are drained concurrently: a tool that fills one while we wait on the other would hang.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{Name} {string.Join(' ', args)} ran past {limit.TotalSeconds:0.#} s and was killed.");
        }

        process.WaitForExit();
        var run = new PeerRun(Name, args, process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed);
        if (checkExitCode && run.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{run.CommandLine} exited with {run.ExitCode}: {Tail(run.StandardError)}");
        }

        return run;
    }

    /// <summary>Runs the tool with the given arguments (60 s timeout, nonzero exit throws).</summary>
    public PeerRun Run(params string[] arguments) => Run((IEnumerable<string>)arguments);

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() ||
        (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static bool IsPythonModule(string name) => name is MirEval or Mido;

    private static bool Loads(string file)
    {
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(file, out var handle))
        {
            return false;
        }

        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return true;
    }

    private static bool PythonImports(string module)
    {
        try
        {
            var probe = new PeerTool(module, s_packages[module], SystemPython);
            return probe.Run(["-c", $"import {module}"], TimeSpan.FromSeconds(30), checkExitCode: false).ExitCode == 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "…" + text[^2000..].Trim();
}
