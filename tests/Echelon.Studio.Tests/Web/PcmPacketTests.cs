using Echelon.Studio.Web;

namespace Echelon.Studio.Tests.Web;

public sealed class PcmPacketTests
{
    [Fact]
    public void Header_RoundTrips_AsDocumented()
    {
        byte[] packet = new byte[PcmPacket.SizeOf(3, 2)];
        var header = new PcmPacketHeader(0x0102030405060708, 48_000, 2, 3, Discontinuity: true);
        PcmPacket.WriteHeader(packet, header);

        // The documented layout, byte by byte.
        Assert.Equal(
            new byte[] { 0x45, 0x50, 1, 1, 2, 0, 3, 0, 0x80, 0xBB, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1 },
            packet[..PcmPacket.HeaderBytes]);
        Assert.True(PcmPacket.TryReadHeader(packet, out PcmPacketHeader read, out string? problem));
        Assert.Null(problem);
        Assert.Equal(header, read);
    }

    [Theory]
    [InlineData(0, 0x46, "magic")]
    [InlineData(2, 2, "version 2")]
    public void TryReadHeader_WrongMagicOrVersion_SaysWhich(int offset, byte value, string expected)
    {
        byte[] packet = new byte[PcmPacket.SizeOf(1, 2)];
        PcmPacket.WriteHeader(packet, new PcmPacketHeader(0, 48_000, 2, 1, false));
        packet[offset] = value;
        Assert.False(PcmPacket.TryReadHeader(packet, out _, out string? problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadHeader_LengthNotMatchingTheFrameCount_IsRefused()
    {
        byte[] packet = new byte[PcmPacket.SizeOf(4, 2)];
        PcmPacket.WriteHeader(packet, new PcmPacketHeader(0, 48_000, 2, 4, false));
        Assert.False(PcmPacket.TryReadHeader(packet.AsSpan(0, packet.Length - 2), out _, out string? problem));
        Assert.Contains("4 frames of 2 channels need 36", problem, StringComparison.Ordinal);
        Assert.False(PcmPacket.TryReadHeader(packet.AsSpan(0, 10), out _, out problem));
        Assert.Contains("20-byte header", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHeader_OutOfRangeFields_Throw()
    {
        byte[] packet = new byte[64];
        Assert.Throws<ArgumentOutOfRangeException>(() => PcmPacket.WriteHeader(packet, new PcmPacketHeader(0, 48_000, 2, 70_000, false)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PcmPacket.WriteHeader(packet, new PcmPacketHeader(-1, 48_000, 2, 1, false)));
        Assert.Throws<ArgumentException>(() => PcmPacket.WriteHeader(packet.AsSpan(0, 19), new PcmPacketHeader(0, 48_000, 2, 1, false)));
    }
}
