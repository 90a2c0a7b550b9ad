using System.Security.Cryptography;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Sessions.Streams;

namespace Echelon.Sessions.Validation;

/// <summary>
/// Checks a session folder and, when asked, repairs a killed recording
/// (docs/architecture/0004-session-archive.md, "Validate and repair").
/// </summary>
/// <remarks>
/// <para>
/// Checks: the manifest loads; no live recorder holds the folder; every stream file exists; every line
/// parses with its stream's codec (the first bad line per stream is reported); sensor records come from
/// the stream's device with its kind and skeleton; times never go back within a stream; a torn tail (a
/// last line without '\n', or an unparsable last line) is measured; and for a closed or repaired
/// session the manifest's records, bytes and sha256 match each file.
/// </para>
/// <para>
/// A manifest at status <c>recording</c> is what a killed recorder leaves: no counts, no hashes, maybe a
/// torn tail per stream. That is not an error, but <see cref="ValidationReport.NeedsRepair"/>. Repair
/// cuts each torn tail, recomputes counts and sha256, rewrites the manifest with status <c>repaired</c>
/// and removes the stale lock. It never removes a whole record, and it never runs when there are
/// errors: a closed or repaired session's hashes are the record of what it held, so a stream that no
/// longer matches them was edited or damaged and is reported, not accepted. A recording session's
/// streams have no hashes yet, so their content is accepted as found.
/// </para>
/// <para>Thread-safe (stateless). Reads every byte of every stream; for I/O threads and the command line.</para>
/// </remarks>
public static class SessionValidator
{
    /// <summary>Validates the session in <paramref name="directory"/>, and repairs it when <paramref name="repair"/> is true and repair is allowed.</summary>
    /// <exception cref="IOException">A file could not be read or, while repairing, written.</exception>
    public static ValidationReport Validate(string directory, bool repair = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var errors = new List<ValidationError>();
        var notes = new List<string>();
        string manifestPath = Path.Combine(full, SessionLayout.ManifestFileName);
        if (!Directory.Exists(full))
        {
            errors.Add(new ValidationError(full, 0, "directory", "does not exist"));
            return new ValidationReport(full, null, false, false, [], errors, notes);
        }

        if (!File.Exists(manifestPath))
        {
            errors.Add(new ValidationError(manifestPath, 0, SessionLayout.ManifestFileName, "is missing; every session folder has one (without it the streams cannot be read or repaired)"));
            return new ValidationReport(full, null, false, false, [], errors, notes);
        }

        SessionManifest manifest;
        try
        {
            manifest = SessionManifest.Load(manifestPath);
        }
        catch (SessionFormatException ex)
        {
            errors.Add(ValidationError.From(ex));
            return new ValidationReport(full, null, false, false, [], errors, notes);
        }

        string lockPath = Path.Combine(full, SessionLayout.LockFileName);
        bool staleLock = false;
        if (File.Exists(lockPath))
        {
            if (IsLockHeld(lockPath))
            {
                errors.Add(new ValidationError(lockPath, 0, SessionLayout.LockFileName, "is held by a running recorder; validate the session after it closes"));
                return new ValidationReport(full, manifest.Status, false, false, [], errors, notes);
            }

            staleLock = true;
        }

        bool closed = manifest.Status != SessionStatus.Recording;
        var scans = new List<StreamScan?>(manifest.Streams.Count);
        var results = new List<StreamValidation>(manifest.Streams.Count);
        for (int i = 0; i < manifest.Streams.Count; i++)
        {
            SessionStreamInfo info = manifest.Streams[i];
            string path = SessionLayout.FullPath(full, info.File);
            if (!File.Exists(path))
            {
                errors.Add(new ValidationError(path, 0, "file", $"is missing; the manifest lists it as stream '{info.Name}'"));
                scans.Add(null);
                results.Add(new StreamValidation(info.Name, path, 0, 0, 0, null, info.Sha256, closed ? false : null, null));
                continue;
            }

            StreamScan scan = Scan(manifest, info, path);
            scans.Add(scan);
            if (scan.FirstBad is { } bad)
            {
                errors.Add(bad);
            }

            bool? matches = closed ? scan.Sha256 == info.Sha256 : null;
            if (matches == false)
            {
                errors.Add(new ValidationError(
                    path,
                    0,
                    "sha256",
                    $"stream '{info.Name}' has sha256 {scan.Sha256} ({scan.FileBytes} bytes) but the manifest says {info.Sha256} ({info.Bytes} bytes); it changed after the session was {ManifestJson.StatusText(manifest.Status)}"));
            }
            else if (closed && scan.Records != info.Records)
            {
                errors.Add(new ValidationError(manifestPath, 0, $"$.streams[{i}].records", $"says {info.Records} but stream '{info.Name}' holds {scan.Records} valid records"));
            }
            else if (closed && scan.FileBytes != info.Bytes)
            {
                errors.Add(new ValidationError(manifestPath, 0, $"$.streams[{i}].bytes", $"says {info.Bytes} but stream '{info.Name}' is {scan.FileBytes} bytes"));
            }

            results.Add(new StreamValidation(info.Name, path, scan.Records, scan.FileBytes, scan.TornBytes, scan.Sha256, info.Sha256, matches, scan.FirstBad?.Line));
        }

        bool needsRepair = !closed && errors.Count == 0;
        if (!closed)
        {
            notes.Add(errors.Count == 0
                ? "status is 'recording': the recorder did not close (killed or crashed); repair cuts torn tails and writes counts and hashes"
                : "status is 'recording' and the streams have errors; repair cuts only torn tails and will not run until the errors are fixed");
        }

        if (!repair)
        {
            return new ValidationReport(full, manifest.Status, needsRepair, false, results, errors, notes);
        }

        if (!needsRepair)
        {
            notes.Add(closed && errors.Count == 0
                ? "nothing to repair"
                : closed
                    ? $"not repaired: the session was {ManifestJson.StatusText(manifest.Status)}, and repair never accepts streams that changed after that"
                    : "not repaired: fix or remove the bad lines first; repair only cuts a torn tail");
            return new ValidationReport(full, manifest.Status, needsRepair, false, results, errors, notes);
        }

        var repairedStreams = new List<SessionStreamInfo>(manifest.Streams.Count);
        for (int i = 0; i < manifest.Streams.Count; i++)
        {
            SessionStreamInfo info = manifest.Streams[i];
            StreamScan scan = scans[i]!;
            string path = results[i].File;
            string sha256 = scan.Sha256;
            if (scan.TornBytes > 0)
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
                {
                    stream.SetLength(scan.KeptBytes);
                    stream.Flush(flushToDisk: true);
                }

                sha256 = HashFile(path);
                notes.Add($"stream '{info.Name}': cut a torn tail of {scan.TornBytes} bytes at byte {scan.KeptBytes}");
            }

            repairedStreams.Add(info.WithCounts(scan.Records, scan.KeptBytes, sha256, dropped: null, rejected: null));
        }

        SessionManifest repairedManifest = manifest.With(SessionStatus.Repaired, repairedStreams);
        repairedManifest.Save(manifestPath);
        if (staleLock)
        {
            File.Delete(lockPath);
        }

        notes.Add("manifest rewritten with status 'repaired'");
        return new ValidationReport(full, SessionStatus.Repaired, false, true, results, errors, notes);
    }

    private static bool IsLockHeld(string lockPath)
    {
        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static StreamScan Scan(SessionManifest manifest, SessionStreamInfo info, string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long records = 0;
        long kept = 0;
        ValidationError? firstBad = null;
        ValidationError? pending = null;
        long pendingOffset = 0;
        long lastT = long.MinValue;
        SessionDevice? device = SessionLayout.TryGetSensorDevice(info.Name, out string? deviceId) ? manifest.FindDevice(deviceId) : null;
        Dynamics128Vector? scratch = SessionLayout.IsDynamics128Stream(info.Name) ? new Dynamics128Vector() : null;
        using (JsonlLineReader lines = JsonlLineReader.Open(path, hash))
        {
            while (true)
            {
                LineRead read = lines.Read(out ReadOnlySpan<byte> line);
                if (read == LineRead.End)
                {
                    break;
                }

                if (pending is not null)
                {
                    // A bad line with more after it is not a torn tail but damage.
                    firstBad = pending;
                    pending = null;
                    lines.DrainToEnd();
                    break;
                }

                if (read == LineRead.TooLong)
                {
                    firstBad = new ValidationError(path, lines.LineNumber, "$", $"the line is longer than {JsonlLineReader.MaxLineBytes} bytes; no record is that long");
                    lines.DrainToEnd();
                    break;
                }

                if (read == LineRead.Fragment)
                {
                    // The last bytes have no '\n': whatever they hold, they are not a whole record.
                    break;
                }

                long t;
                try
                {
                    t = ReadRecord(line, manifest, device, scratch, path, lines.LineNumber);
                }
                catch (SessionFormatException ex)
                {
                    pending = ValidationError.From(ex);
                    pendingOffset = lines.LineOffset;
                    continue;
                }

                if (t < lastT)
                {
                    firstBad = new ValidationError(path, lines.LineNumber, "t", $"is {t} ns, before the previous record's {lastT} ns; a stream's times never go back");
                    lines.DrainToEnd();
                    break;
                }

                lastT = t;
                records++;
                kept = lines.NextOffset;
            }
        }

        if (pending is not null)
        {
            // An unparsable last line: a torn tail (the bytes a crash left half-written).
            kept = pendingOffset;
        }

        long fileBytes = new FileInfo(path).Length;
        return new StreamScan(records, fileBytes, kept, Convert.ToHexStringLower(hash.GetHashAndReset()), firstBad);
    }

    private static long ReadRecord(ReadOnlySpan<byte> line, SessionManifest manifest, SessionDevice? device, Dynamics128Vector? scratch, string path, int lineNumber)
    {
        if (device is not null)
        {
            SensorFrame frame = SensorRecordCodec.Read(line, manifest.Skeletons, path, lineNumber);
            if (frame.DeviceId != device.Id)
            {
                throw new SessionFormatException(path, lineNumber, "device", $"is '{frame.DeviceId}' in the stream of device '{device.Id}'");
            }

            if (frame.Kind != device.Kind)
            {
                throw new SessionFormatException(path, lineNumber, "kind", $"is {frame.Kind} but device '{device.Id}' is {device.Kind}");
            }

            if (frame is SkeletonFrame skeleton && !ReferenceEquals(skeleton.Definition, device.Skeleton) && skeleton.Definition.Name != device.Skeleton?.Name)
            {
                throw new SessionFormatException(path, lineNumber, "skeleton", $"is '{skeleton.Definition.Name}' but device '{device.Id}' uses '{device.Skeleton?.Name}'");
            }

            return frame.HostTimeNs;
        }

        if (scratch is not null)
        {
            Dynamics128RecordCodec.Read(line, scratch, path, lineNumber);
            return scratch.TimeNs;
        }

        return TimedRecordCheck.Read(line, path, lineNumber);
    }

    private static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
