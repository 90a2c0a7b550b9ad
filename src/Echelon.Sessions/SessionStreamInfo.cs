namespace Echelon.Sessions;

/// <summary>
/// A stream in the manifest (<c>streams[]</c>): its name and file, the producer that wrote its records,
/// its nominal rate, and once the session is closed or repaired its record count, byte count and
/// sha256. <see cref="Dropped"/> and <see cref="Rejected"/> are the recorder's counts of records it was
/// given but did not write.
/// </summary>
/// <remarks>Immutable; checks itself at construction.</remarks>
public sealed class SessionStreamInfo
{
    /// <summary>Creates a stream entry.</summary>
    /// <param name="name">A valid stream name (<see cref="SessionLayout.IsValidStreamName"/>).</param>
    /// <param name="producer">What wrote the records (a source name, or a builder id with layout version and configuration hash); not empty.</param>
    /// <param name="rateHz">Nominal records per second, finite and &gt; 0.</param>
    /// <param name="records">Whole records in the file; with <paramref name="bytes"/> and <paramref name="sha256"/> all given or all null.</param>
    /// <param name="bytes">Length of the file.</param>
    /// <param name="sha256">SHA-256 of the whole file, 64 lowercase hex digits.</param>
    /// <param name="dropped">Records the recorder dropped because its queue was full or it was closed (null when unknown).</param>
    /// <param name="rejected">Records the recorder refused: non-finite values, wrong kind or skeleton, time going backwards (null when unknown).</param>
    /// <exception cref="ArgumentException">A value is out of range; the message says which and why.</exception>
    public SessionStreamInfo(
        string name,
        string producer,
        double rateHz,
        long? records = null,
        long? bytes = null,
        string? sha256 = null,
        long? dropped = null,
        long? rejected = null)
    {
        ThrowIfProblem(CheckName(name), nameof(name));
        ThrowIfProblem(CheckProducer(producer), nameof(producer));
        ThrowIfProblem(SessionDevice.CheckRate(rateHz), nameof(rateHz));
        ThrowIfProblem(CheckCount(records), nameof(records));
        ThrowIfProblem(CheckCount(bytes), nameof(bytes));
        ThrowIfProblem(CheckSha256(sha256), nameof(sha256));
        ThrowIfProblem(CheckCount(dropped), nameof(dropped));
        ThrowIfProblem(CheckCount(rejected), nameof(rejected));
        ThrowIfProblem(CheckCountsTogether(records.HasValue, bytes.HasValue, sha256 is not null), nameof(records));
        Name = name;
        File = SessionLayout.StreamFile(name);
        Producer = producer;
        RateHz = rateHz;
        Records = records;
        Bytes = bytes;
        Sha256 = sha256;
        Dropped = dropped;
        Rejected = rejected;
    }

    /// <summary>The stream's name, e.g. <c>sensors.phone</c> or <c>dynamics128</c>.</summary>
    public string Name { get; }

    /// <summary>The file relative to the session folder: <c>streams/&lt;name&gt;.jsonl</c>.</summary>
    public string File { get; }

    /// <summary>What wrote the records.</summary>
    public string Producer { get; }

    /// <summary>Nominal records per second.</summary>
    public double RateHz { get; }

    /// <summary>Whole records in the file, once known.</summary>
    public long? Records { get; }

    /// <summary>Bytes in the file, once known.</summary>
    public long? Bytes { get; }

    /// <summary>SHA-256 of the file (lowercase hex), once known.</summary>
    public string? Sha256 { get; }

    /// <summary>Records dropped by the recorder (full queue, closed), when known.</summary>
    public long? Dropped { get; }

    /// <summary>Records refused by the recorder (bad values, time going backwards), when known.</summary>
    public long? Rejected { get; }

    /// <summary>True when <see cref="Records"/>, <see cref="Bytes"/> and <see cref="Sha256"/> are known.</summary>
    public bool HasCounts => Records.HasValue;

    /// <summary>A copy with counts and hash set.</summary>
    public SessionStreamInfo WithCounts(long records, long bytes, string sha256, long? dropped, long? rejected) =>
        new(Name, Producer, RateHz, records, bytes, sha256, dropped, rejected);

    /// <summary>A copy without counts and hash (as written when recording starts).</summary>
    public SessionStreamInfo WithoutCounts() => new(Name, Producer, RateHz);

    internal static string? CheckName(string? name) =>
        SessionLayout.IsValidStreamName(name) ? null : SessionLayout.StreamNameRule(name);

    internal static string? CheckProducer(string? producer) =>
        string.IsNullOrEmpty(producer) ? "producer must be a non-empty string" : null;

    internal static string? CheckCount(long? count) =>
        count is < 0 ? $"count {count} must be >= 0" : null;

    internal static string? CheckSha256(string? sha256)
    {
        if (sha256 is null)
        {
            return null;
        }

        if (sha256.Length != 64)
        {
            return $"sha256 '{sha256}' must be 64 lowercase hex digits";
        }

        foreach (char c in sha256)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return $"sha256 '{sha256}' must be 64 lowercase hex digits";
            }
        }

        return null;
    }

    internal static string? CheckCountsTogether(bool records, bool bytes, bool sha256) =>
        records == bytes && bytes == sha256 ? null : "records, bytes and sha256 are given together or not at all";

    private static void ThrowIfProblem(string? problem, string parameter)
    {
        if (problem is not null)
        {
            throw new ArgumentException(problem, parameter);
        }
    }
}
