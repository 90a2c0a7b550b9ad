using System.Net.WebSockets;
using System.Text.Json;
using Echelon.Motion.Frames;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Web;

public sealed class SensorsApiTests
{
    private const string Motion = """
        {"type":"motion","device":"phone-7","t":{0},"accelerationIncludingGravity":{"x":0.1,"y":9.7,"z":0.4},
         "acceleration":{"x":0.1,"y":-0.1,"z":0.4},"rotationRate":{"alpha":10,"beta":20,"gamma":30},"orientation":{"alpha":5,"beta":80,"gamma":1}}
        """;

    [Fact]
    public async Task Hello_RegistersThePhone_AndMotionReachesTheEngine_AsImuFrames()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/sensors");
        await socket.SendTextAsync("""{"type":"hello","device":"phone-7","description":"test phone","rateHz":50}""");
        using (JsonDocument hello = (await socket.ReceiveAsync()).Json())
        {
            Assert.Equal("hello", hello.RootElement.GetProperty("type").GetString());
            Assert.True(hello.RootElement.GetProperty("accepted").GetBoolean());
        }

        (var device, string source) = rig.Runtime.Registered["phone-7"];
        Assert.Equal((SensorKind.Imu, 50.0, "test phone", "phone"), (device.Kind, device.NominalRateHz, device.Description, source));

        for (int i = 0; i < SensorsApi.StatusEvery; i++)
        {
            await socket.SendTextAsync(Motion.Replace("{0}", (1000 + (i * 20)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        using (JsonDocument status = (await socket.ReceiveAsync()).Json())
        {
            Assert.Equal("status", status.RootElement.GetProperty("type").GetString());
            Assert.Equal(SensorsApi.StatusEvery, status.RootElement.GetProperty("accepted").GetInt64());
            Assert.Equal(0, status.RootElement.GetProperty("rejected").GetInt64());
        }

        ImuFrame[] frames = [.. rig.Runtime.Published.Cast<ImuFrame>()];
        Assert.Equal(SensorsApi.StatusEvery, frames.Length);
        Assert.Equal(Enumerable.Range(0, frames.Length).Select(i => (1000L + (i * 20)) * 1_000_000), frames.Select(f => f.DeviceTimeNs));
        Assert.All(frames, f => Assert.True(f.IsFinite() && f.RotationRate is not null && f.Orientation is not null && f.Gravity is not null));

        // And it is a device now, for the REST API and the dashboard.
        using JsonDocument devices = await ControlsApiTests.GetJson(rig, "/api/v1/devices");
        JsonElement phone = Assert.Single(devices.RootElement.EnumerateArray(), d => d.GetProperty("id").GetString() == "phone-7");
        Assert.Equal(SensorsApi.StatusEvery, phone.GetProperty("frames").GetInt64());
        Assert.Equal("phone", phone.GetProperty("source").GetString());
    }

    [Fact]
    public async Task MotionWithoutHello_RegistersTheDeviceWithDefaults()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/sensors");
        await socket.SendTextAsync(Motion.Replace("{0}", "12", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => rig.Runtime.Published.Count == 1);
        Assert.Equal(60, rig.Runtime.Registered["phone-7"].Device.NominalRateHz);
    }

    [Fact]
    public async Task BadMessages_AreAnsweredWithTheField_Counted_AndTheConnectionStays()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/sensors");
        string[] bad =
        [
            "{",
            """{"type":"motion","device":"phone-7","t":1,"accelerationIncludingGravity":{"x":1,"y":1e6,"z":0}}""",
            """{"type":"motion","device":"phone-7","t":1}""",
            "[]",
        ];
        string[] fields = ["message", "accelerationIncludingGravity.y", "accelerationIncludingGravity", "message"];
        foreach ((string message, string field) in bad.Zip(fields))
        {
            await socket.SendTextAsync(message);
            using JsonDocument error = (await socket.ReceiveAsync()).Json();
            Assert.Equal("error", error.RootElement.GetProperty("type").GetString());
            Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
            Assert.StartsWith(field + ":", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // Binary and oversized messages are refused the same way.
        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Contains("binary", (await socket.ReceiveAsync()).Text, StringComparison.Ordinal);
        await socket.SendTextAsync("{\"pad\":\"" + new string('x', SensorsApi.MaxMessageBytes * 2) + "\"}");
        Assert.Contains("8192-byte limit", (await socket.ReceiveAsync()).Text, StringComparison.Ordinal);

        // Still open, still working.
        await socket.SendTextAsync(Motion.Replace("{0}", "5", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => rig.Runtime.Published.Count == 1);
        var counters = (WebCounters)rig.Host.Services.GetService(typeof(WebCounters))!;
        Assert.Equal(6, counters.SensorRejected);
        Assert.Equal(1, counters.SensorMessages);
        Assert.Equal(5_000_000, Assert.Single(rig.Runtime.Published).DeviceTimeNs);
    }

    [Fact]
    public async Task FramesTheEngineDrops_AreCounted()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        rig.Runtime.SensorQueueFull = true;
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/sensors");
        for (int i = 0; i < SensorsApi.StatusEvery; i++)
        {
            await socket.SendTextAsync(Motion.Replace("{0}", "1", StringComparison.Ordinal));
        }

        using JsonDocument status = (await socket.ReceiveAsync()).Json();
        Assert.Equal(SensorsApi.StatusEvery, status.RootElement.GetProperty("dropped").GetInt64());
        var counters = (WebCounters)rig.Host.Services.GetService(typeof(WebCounters))!;
        Assert.Equal(SensorsApi.StatusEvery, counters.SensorDropped);
    }

    [Fact]
    public async Task OneConnection_CarriesAtMostFourDevices()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/sensors");
        for (int i = 0; i < SensorsApi.MaxDevicesPerConnection; i++)
        {
            await socket.SendTextAsync($$"""{"type":"hello","device":"p{{i}}"}""");
            Assert.Contains("\"hello\"", (await socket.ReceiveAsync()).Text, StringComparison.Ordinal);
        }

        await socket.SendTextAsync("""{"type":"hello","device":"one-too-many"}""");
        Assert.Contains("at most 4 devices", (await socket.ReceiveAsync()).Text, StringComparison.Ordinal);
        Assert.False(rig.Runtime.Registered.ContainsKey("one-too-many"));
    }
}
