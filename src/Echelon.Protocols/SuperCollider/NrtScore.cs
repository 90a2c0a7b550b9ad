using System.Buffers.Binary;
using Echelon.Protocols.Osc;

namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// A non-real-time score for <c>scsynth -N</c>: OSC bundles in time order, each stored as a 32-bit
/// big-endian length followed by the bundle, time tags counting seconds from the start of the render
/// as 32.32 fixed point. scsynth runs each bundle when the render reaches its time; the last bundle's
/// time sets the file's length (rounded up to a control block).
/// </summary>
public sealed class NrtScore
{
    private readonly List<(double Seconds, long Order, OscMessage Message)> _events = [];
    private long _order;

    /// <summary>Number of messages in the score.</summary>
    public int Count => _events.Count;

    /// <summary>
    /// Schedules <paramref name="message"/> at <paramref name="seconds"/> from the start. Messages at the
    /// same time run in the order they were added, in one bundle.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is negative, not finite, or past the 32-bit seconds of a time tag.</exception>
    public void Add(double seconds, OscMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!(seconds >= 0 && seconds < uint.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "a score time must be finite, ≥ 0 s and below 2^32 s.");
        }

        _events.Add((seconds, _order++, message));
    }

    /// <summary>The time tag of <paramref name="seconds"/> from the start (32.32 fixed point, rounded to the nearest tick).</summary>
    public static OscTimeTag TimeTag(double seconds) => new((ulong)Math.Round(seconds * 4_294_967_296.0));

    /// <summary>Encodes the score as scsynth reads it.</summary>
    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var group in _events.OrderBy(e => e.Seconds).ThenBy(e => e.Order).GroupBy(e => TimeTag(e.Seconds)))
        {
            var bundle = new OscBundle(group.Key, group.Select(e => (OscPacket)e.Message));
            byte[] bytes = bundle.ToArray();
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            output.Write(length);
            output.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Writes the score to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllBytes(path, ToArray());
    }

    /// <summary>Reads a score file back into its bundles, in file order.</summary>
    /// <exception cref="OscFormatException">A length runs past the end, or a bundle does not decode; the message names the byte offset.</exception>
    public static IReadOnlyList<OscBundle> Read(ReadOnlySpan<byte> file)
    {
        var bundles = new List<OscBundle>();
        int offset = 0;
        while (offset < file.Length)
        {
            if (file.Length - offset < 4)
            {
                throw new OscFormatException(offset, OscFormatError.Truncated, $"score: {file.Length - offset} bytes left where a 4-byte bundle length belongs.");
            }

            int length = BinaryPrimitives.ReadInt32BigEndian(file[offset..]);
            if (length <= 0 || length > file.Length - offset - 4)
            {
                throw new OscFormatException(offset, OscFormatError.Truncated, $"score: bundle length {length} at byte {offset} does not fit in the {file.Length - offset - 4} bytes after it.");
            }

            try
            {
                bundles.Add(OscBundle.Decode(file.Slice(offset + 4, length)));
            }
            catch (OscFormatException e)
            {
                throw new OscFormatException(offset + 4 + e.Offset, e.Error, $"score: bundle at byte {offset}: {e.Message}");
            }

            offset += 4 + length;
        }

        return bundles;
    }
}
