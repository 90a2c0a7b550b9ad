using System.Net;
using System.Text.Json;
using Echelon.Motion.Frames;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;
using Echelon.Testing;
using Microsoft.Playwright;

namespace Echelon.Studio.Tests.Web;

[Trait("Peer", "chromium")]
[Collection(SharedChromium.Name)]
public sealed class PhonePageBrowserTests(ChromiumFixture chromium)
{
    private const string Token = "pairtest2345";

    /// <summary>What a phone's browser fires: an orientation, then 60 motion events 16 ms apart (W3C DeviceMotionEvent init).</summary>
    private const string MoveScript = """
        async () => {
          window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', { alpha: 30, beta: 60, gamma: -10, absolute: false }));
          for (let i = 0; i < 60; i++) {
            window.dispatchEvent(new DeviceMotionEvent('devicemotion', {
              acceleration: { x: 0.1 * i, y: 0.2, z: -0.3 },
              accelerationIncludingGravity: { x: 0.1 * i, y: 8.7, z: 4.6 },
              rotationRate: { alpha: 10, beta: 20 + i, gamma: 30 },
              interval: 16,
            }));
            await new Promise((r) => setTimeout(r, 16));
          }
        }
        """;

    [PeerFact("chromium")]
    public async Task PairPage_WithSyntheticMotion_MakesANewDevice_InTheDevicePanelAndTheApi()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { PairingToken = Token });
        var console = new List<string>();
        IPage phone = await chromium.NewPageAsync(console);
        await phone.GotoAsync(rig.Host.PairUrl.ToString());
        await DashboardBrowserTests.WaitFor(phone, "() => window.echelonPair.state === 'paired'", console);

        // The page shows the token it pairs with.
        Assert.Equal(Token, await phone.InnerTextAsync("#token"));
        string device = await phone.EvaluateAsync<string>("() => window.echelonPair.device");
        Assert.Matches("^phone-[0-9a-f]{6}$", device);

        await phone.EvaluateAsync(MoveScript);
        string pairState = (await phone.EvaluateAsync<JsonElement>("() => window.echelonPair")).GetRawText();
        await Eventually.TrueAsync(() => rig.Runtime.Published.Count >= 60, $"60 motion frames reach the engine (the page: {pairState}; the engine has {rig.Runtime.Published.Count})");
        ImuFrame[] frames = [.. rig.Runtime.Published.Cast<ImuFrame>()];
        Assert.All(frames, f => Assert.Equal(device, f.DeviceId));
        Assert.Equal(new System.Numerics.Vector3(0, 8.7f, 4.6f), frames[0].Acceleration);
        Assert.NotNull(frames[0].Orientation);
        Assert.NotNull(frames[0].RotationRate);
        Assert.Equal(frames.Select(f => f.DeviceTimeNs).Order(), frames.Select(f => f.DeviceTimeNs));
        Assert.Equal("phone", rig.Runtime.Registered[device].Source);

        // In /api/v1/devices …
        using JsonDocument devices = await ControlsApiTests.GetJson(rig, "/api/v1/devices");
        JsonElement listed = Assert.Single(devices.RootElement.EnumerateArray(), d => d.GetProperty("id").GetString() == device);
        Assert.Equal(60, listed.GetProperty("frames").GetInt64());

        // … and in the dashboard's device panel.
        IPage dashboard = await chromium.NewPageAsync(console);
        await dashboard.GotoAsync(rig.Host.DashboardUrl.ToString());
        ILocator row = dashboard.Locator($"#devices tr[data-device='{device}']");
        await row.WaitForAsync();
        string text = await row.InnerTextAsync();
        Assert.Contains("imu", text, StringComparison.Ordinal);
        Assert.Contains("phone", text, StringComparison.Ordinal);
        Assert.Contains("60", text, StringComparison.Ordinal);
    }

    [PeerFact("chromium")]
    public async Task PairPage_WithoutTheToken_IsRefused_AndSaysWhy()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { PairingToken = Token });
        var console = new List<string>();
        IPage phone = await chromium.NewPageAsync(console);
        await phone.GotoAsync(new Uri(rig.Host.BaseAddress, "/pair").ToString());
        await DashboardBrowserTests.WaitFor(phone, "() => window.echelonPair.state === 'refused'", console);
        Assert.Contains("pairing token", await phone.InnerTextAsync("#error"), StringComparison.Ordinal);
        Assert.Empty(rig.Runtime.Registered);
    }

    [PeerFact("chromium")]
    public async Task PairPage_OverHttpsOnTheNetwork_IsASecureContext_AndItsMotionReachesTheDevices()
    {
        // Exposed beyond loopback, the host serves HTTPS by itself (server.https: auto) with a self-signed certificate;
        // the context's IgnoreHTTPSErrors stands for the performer tapping "proceed" on the phone once.
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { BindAddress = IPAddress.Any, PairingToken = Token });
        Uri? lan = rig.Host.PairUrlsBeyondLoopback() is [Uri first, ..] ? first : null;
        Uri pair = lan ?? rig.Host.PairUrl; // a machine with no network interface but loopback can only show the https half
        Assert.Equal("https", pair.Scheme);
        var console = new List<string>();
        IPage phone = await chromium.NewPageAsync(console, ignoreHttpsErrors: true);
        await phone.GotoAsync(pair.ToString());
        await DashboardBrowserTests.WaitFor(phone, "() => window.echelonPair.state === 'paired'", console);
        Assert.True(await phone.EvaluateAsync<bool>("() => window.isSecureContext"));
        Assert.Equal("https:", await phone.EvaluateAsync<string>("() => location.protocol"));
        Assert.Equal(string.Empty, await phone.InnerTextAsync("#error"));

        string device = await phone.EvaluateAsync<string>("() => window.echelonPair.device");
        await phone.EvaluateAsync(MoveScript);
        await Eventually.TrueAsync(() => rig.Runtime.Published.Count >= 60, $"60 motion frames reach the engine over wss (the engine has {rig.Runtime.Published.Count})");
        using JsonDocument devices = await ControlsApiTests.GetJson(rig, "/api/v1/devices");
        JsonElement listed = Assert.Single(devices.RootElement.EnumerateArray(), d => d.GetProperty("id").GetString() == device);
        Assert.Equal(60, listed.GetProperty("frames").GetInt64());

        if (lan is null)
        {
            return;
        }

        // The same page over plain HTTP on the network address is not a secure context, and the page says what to do.
        await using StudioHostRig plain = await StudioHostRig.StartAsync(new StudioWebHostOptions { BindAddress = IPAddress.Any, PairingToken = Token, Https = HttpsMode.Off });
        Uri insecure = plain.Host.PairUrlsBeyondLoopback().First(u => u.Host == lan.Host);
        Assert.Equal("http", insecure.Scheme);
        IPage other = await chromium.NewPageAsync(console);
        await other.GotoAsync(insecure.ToString());
        Assert.False(await other.EvaluateAsync<bool>("() => window.isSecureContext"));
        Assert.Contains("server.https", await other.InnerTextAsync("#error"), StringComparison.Ordinal);
    }
}
