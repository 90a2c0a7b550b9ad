using Echelon.Motion.Bvh;
using Echelon.Motion.Imu;
using Echelon.Motion.Pose;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Sessions.Replay;

namespace Echelon.Sessions.Workflow;

/// <summary>
/// A source named the way the command line names it: <c>synthetic</c>, <c>bvh:FILE</c>,
/// <c>imu-csv:FILE|FOLDER</c>, <c>pose:FILE</c> or <c>replay:DIR</c>.
/// </summary>
public static class SourceSpec
{
    /// <summary>The forms a spec may take, for error messages and help text.</summary>
    public const string Forms = "synthetic, bvh:<file>, imu-csv:<file or folder>, pose:<file>, replay:<session dir>";

    /// <summary>
    /// Opens the source. <paramref name="seed"/>, <paramref name="seconds"/> and <paramref name="bpm"/>
    /// shape the synthetic dancer; file sources play their whole file.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is not one of <see cref="Forms"/>, or names no path.</exception>
    /// <exception cref="FileNotFoundException">The file or folder does not exist.</exception>
    public static ISensorSource Open(string spec, ulong seed = 1, double seconds = 30.0, double bpm = 120.0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        if (string.Equals(spec, "synthetic", StringComparison.Ordinal))
        {
            return new SyntheticDancer(new SyntheticDancerOptions { Seed = seed, Seconds = seconds, Bpm = bpm });
        }

        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string kind = colon > 0 ? spec[..colon] : spec;
        string path = colon > 0 ? spec[(colon + 1)..] : string.Empty;
        if (colon > 0 && path.Length == 0)
        {
            throw new ArgumentException($"--source '{spec}' names no path; expected one of: {Forms}.", nameof(spec));
        }

        return kind switch
        {
            "bvh" => new BvhSource(RequireFile(path)),
            "imu-csv" => new ImuCsvSource(RequireFileOrFolder(path)),
            "pose" => new PoseJsonlSource(RequireFile(path)),
            "replay" => new SessionReplaySource(RequireFolder(path)),
            _ => throw new ArgumentException($"--source '{spec}' is not a known source; expected one of: {Forms}.", nameof(spec)),
        };
    }

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"No such file: {path}", path);

    private static string RequireFolder(string path) =>
        Directory.Exists(path) ? path : throw new FileNotFoundException($"No such session folder: {path}", path);

    private static string RequireFileOrFolder(string path) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw new FileNotFoundException($"No such file or folder: {path}", path);
}
