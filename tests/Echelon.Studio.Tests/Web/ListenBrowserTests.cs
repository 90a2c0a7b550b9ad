using System.Text.Json;
using Echelon.Studio.Tests.Web.Infrastructure;
using Microsoft.Playwright;

namespace Echelon.Studio.Tests.Web;

[Trait("Peer", "chromium")]
[Collection(SharedChromium.Name)]
public sealed class ListenBrowserTests(ChromiumFixture chromium)
{
    [PeerFact("chromium")]
    public async Task ListenPage_PlaysTheStream_ThroughTheAudioWorklet()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using BroadcastWriter writer = BroadcastWriter.Sine(rig.Audio, speed: 1);
        var console = new List<string>();
        IPage page = await chromium.NewPageAsync(console);
        await page.GotoAsync(rig.Host.ListenUrl.ToString());
        await page.ClickAsync("#listen");

        // What the AnalyserNode after the worklet sees: the −6 dBFS sine (RMS 0.35).
        await DashboardBrowserTests.WaitFor(page, "() => window.echelonListen.rms > 0.05", console);
        double rms = await DashboardBrowserTests.LoudestRms(page, "window.echelonListen");
        JsonElement s = await page.EvaluateAsync<JsonElement>("() => window.echelonListen");
        Console.WriteLine($"listen page: RMS {rms:0.000}, {s.GetProperty("packets").GetInt32()} packets, {s.GetProperty("gaps").GetInt32()} gaps, {s.GetProperty("underruns").GetInt32()} underruns");
        Assert.InRange(rms, 0.2, 0.5);
        Assert.Equal(0, s.GetProperty("badPackets").GetInt32());
        Assert.Equal(48_000, s.GetProperty("sampleRate").GetInt32());
    }
}
