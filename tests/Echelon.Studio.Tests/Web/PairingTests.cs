using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Tests.Web;

public sealed class PairingTests
{
    [Fact]
    public async Task OnLoopback_NoTokenIsNeeded()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        Assert.Null(rig.Host.PairingToken);
        Assert.Equal("/pair", rig.Host.PairUrl.PathAndQuery);
        using HttpResponseMessage put = await ControlsApiTests.Put(rig, """{"bpm": 100}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task ExposedBeyondLoopback_ATokenIsGenerated_Printed_AndChangesNeedIt()
    {
        using var logs = new CapturedLogs();
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions
        {
            BindAddress = IPAddress.Any,
            ConfigureLogging = logging => logging.ClearProviders().AddProvider(logs),
        });
        string token = Assert.IsType<string>(rig.Host.PairingToken);
        Assert.Matches("^[a-z2-9]{12}$", token);

        // Printed at start, with the phone link that carries it.
        (int _, LogLevel level, string text) = Assert.Single(logs.Entries, e => e.EventId == 1602);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains($"pairing token {token} is required", text, StringComparison.Ordinal);
        Assert.Contains($"/pair?token={token}", text, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId == 1601 && e.Text.Contains(rig.Host.BaseAddress.ToString(), StringComparison.Ordinal));
        Assert.Equal($"/pair?token={token}", rig.Host.PairUrl.PathAndQuery);
        Assert.All(rig.Host.PairUrlsBeyondLoopback(), u => Assert.EndsWith($"/pair?token={token}", u.ToString(), StringComparison.Ordinal));

        // Reading needs no token; changing does, in the header, as a bearer token or in the query.
        using (HttpResponseMessage get = await rig.Http.GetAsync(new Uri("/api/v1/controls", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        }

        using (HttpResponseMessage without = await ControlsApiTests.Put(rig, """{"bpm": 100}"""))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
            using JsonDocument problem = JsonDocument.Parse(await without.Content.ReadAsStringAsync());
            Assert.Equal("Pairing token required", problem.RootElement.GetProperty("title").GetString());
        }

        using (HttpResponseMessage wrong = await ControlsApiTests.Put(rig, """{"bpm": 100}""", token: "wrongtoken12"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        Assert.Equal(0, rig.Runtime.SetControlsCalls);
        using (HttpResponseMessage right = await ControlsApiTests.Put(rig, """{"bpm": 100}""", token))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }

        using (var bearer = new HttpRequestMessage(HttpMethod.Post, "/api/v1/recorder/start"))
        {
            bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using HttpResponseMessage started = await rig.Http.SendAsync(bearer);
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        using (HttpResponseMessage stopWithout = await rig.Http.PostAsync(new Uri("/api/v1/recorder/stop", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stopWithout.StatusCode);
        }

        using (HttpResponseMessage stopQuery = await rig.Http.PostAsync(new Uri($"/api/v1/recorder/stop?token={token}", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, stopQuery.StatusCode);
        }

        var counters = (WebCounters)rig.Host.Services.GetService(typeof(WebCounters))!;
        Assert.Equal(3, counters.TokenRejected);
    }

    [Fact]
    public async Task SensorsWithoutTheToken_AreClosedWithPolicyViolation_AndNothingReachesTheEngine()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { PairingToken = "s3cretToken" });
        using (ClientWebSocket refused = await rig.ConnectAsync("/ws/sensors", token: "nottheright1"))
        {
            SocketClient.Message close = await refused.ReceiveAsync();
            Assert.Equal(WebSocketMessageType.Close, close.Type);
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, refused.CloseStatus);
            Assert.Contains("pairing token", refused.CloseStatusDescription, StringComparison.Ordinal);
        }

        using ClientWebSocket paired = await rig.ConnectAsync("/ws/sensors", token: "s3cretToken");
        await paired.SendTextAsync("""{"type":"hello","device":"phone-1"}""");
        Assert.Contains("\"accepted\":true", (await paired.ReceiveAsync()).Text, StringComparison.Ordinal);
        Assert.Equal(["phone-1"], rig.Runtime.Registered.Keys);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space in it")]
    public void MalformedConfiguredToken_IsRefused(string token)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new StudioWebHostOptions { PairingToken = token }.Validate());
        Assert.Equal("PairingToken", e.ParamName);
    }
}
