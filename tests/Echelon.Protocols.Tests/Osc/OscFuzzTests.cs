using System.Globalization;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Tests.Osc.Infrastructure;
using Xunit.Abstractions;

namespace Echelon.Protocols.Tests.Osc;

/// <summary>
/// Bad input as a first-class subject: a million random and mutated packets (seeded, so a failure
/// reproduces) through every decoding path. Only <see cref="OscFormatException"/> may escape; the
/// non-throwing paths allocate nothing at all; the allocating model stays within a bound proportional
/// to the packet's size; whatever decodes re-encodes to bytes that decode to the same thing.
/// </summary>
public sealed class OscFuzzTests(ITestOutputHelper output)
{
    /// <summary>Packets to try; <c>ECHELON_OSC_FUZZ_COUNT</c> overrides it (the issue asks for a million).</summary>
    private static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("ECHELON_OSC_FUZZ_COUNT"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 1_000_000;

    /// <summary>
    /// Allocation allowed for decoding one packet into objects: a fixed part for the exception of a bad
    /// packet (object, message, stack trace) plus a part per packet byte (one value per type tag byte at
    /// worst, with its list and array wrappers).
    /// </summary>
    private const long FixedAllowance = 8 * 1024;
    private const long PerByteAllowance = 128;

    private static readonly OscDecodeOptions s_strictButAnyTimeOrder = new()
    {
        MissingTypeTags = OscMissingTypeTagPolicy.Reject,
        UnknownTypeTags = OscUnknownTypeTagPolicy.Reject,
        TrailingBytes = OscTrailingBytesPolicy.Reject,
        Padding = OscPaddingPolicy.Reject,
        ElementOverrun = OscElementOverrunPolicy.Reject,
        NestedTimeTags = OscNestedTimeTagPolicy.Accept,
    };

    [Fact]
    public void AMillionBadPackets_OnlyFormatExceptionsEscape_AndAllocationStaysBounded()
    {
        var packets = new OscFuzzPackets(seed: 5);
        var dispatcher = new OscDispatcher();
        long invocations = 0;
        dispatcher.Add("/SYNC", (m, _) => invocations += m.TypeTags.Length);
        dispatcher.Add("/*", (_, _) => invocations++);
        dispatcher.Add("/{a,b}/[0-9]*", (_, _) => invocations++);
        dispatcher.Fallback = (m, _) => invocations += m.Address.Length > 0 ? 0 : 1;

        long valid = 0;
        long rejected = 0;
        double worstRatio = 0;
        long worstAllocation = 0;
        var errors = new Dictionary<OscFormatError, int>();
        int count = Count;
        for (int i = 0; i < count; i++)
        {
            byte[] packet = packets.Next();
            OscDecodeOptions options = (i & 1) == 0 ? OscDecodeOptions.Lenient : OscDecodeOptions.Strict;

            bool ok = OscPacket.TryValidate(packet, options, out OscDecodeError error);
            dispatcher.TryDispatch(packet, out _);

            long before = GC.GetAllocatedBytesForCurrentThread();
            OscPacket? decoded = null;
            try
            {
                decoded = OscPacket.Decode(packet, options);
            }
            catch (OscFormatException e)
            {
                Assert.False(ok, $"packet {i}: validation accepted what decoding rejected ({e.Message})");
                Assert.Equal(error.Error, e.Error);
                Assert.Equal(error.Offset, e.Offset);
                Assert.InRange(e.Offset, 0, packet.Length);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            worstAllocation = Math.Max(worstAllocation, allocated);
            if (packet.Length >= 64)
            {
                worstRatio = Math.Max(worstRatio, (double)allocated / packet.Length);
            }

            Assert.True(allocated <= FixedAllowance + (PerByteAllowance * packet.Length), $"packet {i} ({packet.Length} bytes) allocated {allocated} bytes");

            if (decoded is null)
            {
                rejected++;
                errors[error.Error] = errors.GetValueOrDefault(error.Error) + 1;
                continue;
            }

            Assert.True(ok, $"packet {i}: decoding accepted what validation rejected");
            valid++;
            if ((i & 15) == 0)
            {
                // Whatever decodes re-encodes to a strictly valid packet (nested time order aside: the encoder
                // keeps the time tags it was given) that decodes to the same objects.
                Assert.Equal(decoded, OscPacket.Decode(decoded.ToArray(), s_strictButAnyTimeOrder));
            }
        }

        output.WriteLine($"{count} packets: {valid} valid, {rejected} rejected; most allocated for one packet {worstAllocation} bytes; most per byte of a packet of 64 bytes or more {worstRatio:0.0}");
        output.WriteLine(string.Join(", ", errors.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}")));
        // The non-throwing paths allocate nothing: validation and dispatch over the first 20,000 packets again,
        // warm, in three rounds (Echelon.Testing.AllocationProbe; a one-off runtime allocation cannot repeat).
        var replay = new OscFuzzPackets(seed: 5);
        byte[][] sample = [.. Enumerable.Range(0, Math.Min(count, 20_000)).Select(_ => replay.Next())];
        int next = 0;
        Assert.Equal(0, Echelon.Testing.AllocationProbe.SteadyStateBytes(
            () =>
            {
                byte[] packet = sample[next % sample.Length];
                OscPacket.TryValidate(packet, (next & 1) == 0 ? OscDecodeOptions.Lenient : OscDecodeOptions.Strict, out _);
                dispatcher.TryDispatch(packet, out _);
                next++;
            },
            warmUp: sample.Length,
            iterations: sample.Length));
        Assert.True(valid > count / 50, "the mutations should leave a share of packets valid");
        Assert.True(errors.Count >= 10, "the mutations should reach most kinds of error");
        Assert.True(invocations > 0);
    }
}
