using System.Globalization;
using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;

namespace Echelon.Cli.Tests.Osc;

public sealed class OscSensorsCommandTests
{
    [Theory]
    [InlineData("--port", "70000", "port:", "0–65535")]
    [InlineData("--seconds", "0", "seconds:", "0.1–86400")]
    [InlineData("--count", "0", "count:", "1 or more")]
    public void BadValue_NamesTheFieldAndTheAllowedRange(string option, string value, string field, string allowed)
    {
        string[] args = option == "--port" ? ["osc", "sensors", option, value] : ["osc", "sensors", "--port", "0", option, value];
        (int code, _, string stderr) = EchelonProcess.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
        Assert.Contains(allowed, stderr, StringComparison.Ordinal);
    }

    [PeerFact("oscsend")]
    [Trait("Peer", "oscsend")]
    public void Sensors_PrintsAFramePerAccelerometerMessage_FromLiblo()
    {
        using EchelonServer server = EchelonServer.Start("osc", "sensors", "--port", "0", "--count", "2", "--seconds", "30");
        string port = server.Port.ToString(CultureInfo.InvariantCulture);
        PeerTool.Get("oscsend").Run(["localhost", port, "/unknown", "i", "1"]);
        PeerTool.Get("oscsend").Run(["localhost", port, "/accxyz", "fff", "0", "0", "1"]);
        PeerTool.Get("oscsend").Run(["localhost", port, "/echelon/imu/wrist", "fff", "1", "2", "3"]);
        Assert.Equal(0, server.WaitForExit());
        string[] lines = [.. server.Process.StandardOutput];
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("touchosc", first.RootElement.GetProperty("device").GetString());
        Assert.Equal(9.80665, first.RootElement.GetProperty("acc")[2].GetDouble(), 4);
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.Equal("wrist", second.RootElement.GetProperty("device").GetString());
        Assert.Equal("imu", second.RootElement.GetProperty("kind").GetString());
        Assert.Contains(server.Process.StandardError, l => l.Contains("\"unknown\":1", StringComparison.Ordinal));
    }
}
