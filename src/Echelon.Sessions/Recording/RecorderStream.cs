using System.Buffers;
using System.Security.Cryptography;
using Echelon.Motion.Skeleton;

namespace Echelon.Sessions.Recording;

/// <summary>One stream file being recorded, and its counters.</summary>
/// <remarks>
/// The writer task alone touches the file, the pending buffer, the hash, <see cref="LastTimeNs"/> and
/// <see cref="PendingRecords"/>. The counters are read from any thread and changed with Interlocked.
/// </remarks>
internal sealed class RecorderStream(SessionStreamInfo info, SessionDevice? device, FileStream file) : IDisposable
{
    public SessionStreamInfo Info { get; } = info;

    /// <summary>The device of a sensor stream; null for a Dynamics128 stream.</summary>
    public SessionDevice? Device { get; } = device;

    public FileStream File { get; } = file;

    public ArrayBufferWriter<byte> Pending { get; } = new(16 * 1024);

    public IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long LastTimeNs { get; set; } = long.MinValue;

    public int PendingRecords { get; set; }

    /// <summary>The last skeleton definition seen to match the device's; lets the check skip the structural compare.</summary>
    public SkeletonDefinition? LastMatchedSkeleton { get; set; }

    // Fields, not properties, so they can be updated with Interlocked.
    public long Records;
    public long Bytes;
    public long Dropped;
    public long Rejected;

    public void Dispose()
    {
        File.Dispose();
        Hash.Dispose();
    }
}
