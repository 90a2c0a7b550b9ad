using Echelon.Protocols.Osc.Transport;

namespace Echelon.Protocols.Tests.Osc.Transport;

public sealed class OscEndPointsTests
{
    [Theory]
    [InlineData("localhost:9000", "localhost", 9000)]
    [InlineData("192.168.1.5:8000", "192.168.1.5", 8000)]
    [InlineData("[::1]:57120", "::1", 57120)]
    public void TrySplit_ReadsHostAndPort(string text, string host, int port)
    {
        Assert.True(OscEndPoints.TrySplit(text, out string? h, out int p, out _));
        Assert.Equal(host, h);
        Assert.Equal(port, p);
    }

    [Theory]
    [InlineData("localhost", "is not HOST:PORT")]
    [InlineData("localhost:", "is not HOST:PORT")]
    [InlineData(":9000", "is not HOST:PORT")]
    [InlineData("localhost:0", "allowed 1–65535")]
    [InlineData("localhost:65536", "allowed 1–65535")]
    [InlineData("localhost:-1", "allowed 1–65535")]
    [InlineData("::1:9000", "without brackets")]
    public void TrySplit_NamesWhatIsAllowed(string text, string words)
    {
        Assert.False(OscEndPoints.TrySplit(text, out _, out _, out string? problem));
        Assert.Contains(words, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PrefersIPv4ForLocalhost()
    {
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, OscEndPoints.Resolve("localhost", 9000).AddressFamily);
        Assert.Throws<ArgumentOutOfRangeException>(() => OscEndPoints.Resolve("localhost", 0));
    }
}
