using System.Text.Json;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Testing;
using Microsoft.Playwright;

namespace Echelon.Studio.Tests.Web;

[Trait("Peer", "chromium")]
[Collection(SharedChromium.Name)]
public sealed class DashboardBrowserTests(ChromiumFixture chromium)
{
    private static readonly string[] s_panels = ["phase", "latent", "residual", "coupling", "khist", "levels", "transport", "devices", "recorder", "listen"];
    private static readonly string[] s_canvases = ["phase", "latent", "residual", "coupling", "khist", "levels", "beat"];

    /// <summary>Hashes every canvas's pixels and reads each panel's text, in the page.</summary>
    private const string SnapshotScript = """
        () => {
          const hash = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); } return (h >>> 0).toString(16); };
          const canvases = {};
          for (const c of document.querySelectorAll('canvas')) canvases[c.id] = hash(c.toDataURL());
          const texts = {};
          for (const p of document.querySelectorAll('section[data-panel]')) texts[p.dataset.panel] = p.innerText;
          return { canvases, texts };
        }
        """;

    [PeerFact("chromium")]
    public async Task Dashboard_RendersEveryPanel_WithChangingData_AtLeast30Fps()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        var console = new List<string>();
        IPage page = await chromium.NewPageAsync(console);
        await page.GotoAsync(rig.Host.DashboardUrl.ToString());
        await WaitFor(page, "() => window.echelonStats && window.echelonStats.telemetry.messages > 15 && window.echelonStats.frames > 15", console);

        string[] panels = await page.EvalOnSelectorAllAsync<string[]>("section[data-panel]", "els => els.map(e => e.dataset.panel)");
        Assert.Equal(s_panels.Order(StringComparer.Ordinal), panels.Order(StringComparer.Ordinal));
        foreach (string panel in s_panels)
        {
            Assert.True(await page.IsVisibleAsync($"section[data-panel='{panel}']"), $"panel {panel} is not visible");
        }

        Snapshot before = await Take(page);

        // Frames per second over 2.5 s, counted by the page itself (requestAnimationFrame calls).
        JsonElement start = await page.EvaluateAsync<JsonElement>("() => [window.echelonStats.frames, performance.now()]");
        await Task.Delay(2500);
        JsonElement end = await page.EvaluateAsync<JsonElement>("() => [window.echelonStats.frames, performance.now()]");
        double fps = (end[0].GetDouble() - start[0].GetDouble()) / ((end[1].GetDouble() - start[1].GetDouble()) / 1000);
        Console.WriteLine($"dashboard: {fps:0.0} fps over {(end[1].GetDouble() - start[1].GetDouble()) / 1000:0.00} s");
        Assert.True(fps >= 30, $"the dashboard drew {fps:0.0} frames per second; it must draw at least 30");

        Snapshot after = await Take(page);
        string[] still = [.. s_canvases.Where(c => before.Canvases[c] == after.Canvases[c])];
        Assert.True(still.Length == 0, $"canvases that did not change in 2.5 s: {string.Join(", ", still)}");
        Assert.True(before.Texts["transport"] != after.Texts["transport"], $"the transport panel did not change: {after.Texts["transport"]}");
        Assert.True(before.Texts["devices"] != after.Texts["devices"], $"the device panel did not change: {after.Texts["devices"]}");
        Assert.Contains("dancer", after.Texts["devices"], StringComparison.Ordinal);
        Assert.Contains("synthetic", after.Texts["devices"], StringComparison.Ordinal);

        // The recorder panel follows the recorder: start it from the page, watch its record count move.
        await page.ClickAsync("#rec-start");
        await WaitFor(page, "() => document.getElementById('recorder-status').textContent.includes('recording into /recordings/take-1')", console);
        Assert.True(rig.Runtime.Recorder.Recording, "the page said recording, the runtime does not");
        string recording = await page.InnerTextAsync("#recorder-status");
        await WaitFor(page, $"() => document.getElementById('recorder-status').textContent !== {JsonSerializer.Serialize(recording)}", console);
        await page.ClickAsync("#rec-stop");
        await WaitFor(page, "() => document.getElementById('recorder-status').textContent === 'stopped'", console);
        Assert.DoesNotContain(console, line => line.StartsWith("pageerror", StringComparison.Ordinal));
    }

    [PeerFact("chromium")]
    public async Task Dashboard_LevelPanel_MetersEveryStem_AndTheKHistogramDrawsTheServersCounts()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        var console = new List<string>();
        IPage page = await chromium.NewPageAsync(console);
        await page.GotoAsync(rig.Host.DashboardUrl.ToString());
        await WaitFor(page, "() => window.echelonStats.levels && Object.keys(window.echelonStats.levels.stems).length === 5 && window.echelonStats.kHistogram && window.echelonStats.kHistogram.windowSeconds > 0", console);

        // A meter per stem, labelled by agent, moving with the telemetry.
        JsonElement before = await Stats(page, "levels");
        Assert.Equal(Echelon.Studio.Engine.StudioControls.AgentNames, before.GetProperty("stems").EnumerateObject().Select(p => p.Name));
        await Task.Delay(1000);
        JsonElement after = await Stats(page, "levels");
        foreach (string agent in Echelon.Studio.Engine.StudioControls.AgentNames)
        {
            double a = before.GetProperty("stems").GetProperty(agent).GetProperty("rmsDbfs").GetDouble();
            double b = after.GetProperty("stems").GetProperty(agent).GetProperty("rmsDbfs").GetDouble();
            Assert.InRange(b, -60, 0);
            Assert.True(a != b, $"the {agent} meter did not move in a second ({a} dBFS)");
        }

        // The histogram is the server's: every frame counted (frame + 1 in all), the window the exact difference.
        JsonElement k = await Stats(page, "kHistogram");
        Assert.Equal(FakeStudioRuntime.MaxIterations + 1, k.GetProperty("counts").GetArrayLength());
        Assert.Equal(k.GetProperty("frame").GetInt64() + 1, k.GetProperty("total").GetInt64());
        Assert.Equal(k.GetProperty("windowFrames").GetInt64(), k.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()));
        double frames = k.GetProperty("windowFrames").GetInt64();
        double seconds = k.GetProperty("windowSeconds").GetDouble();
        Assert.InRange(frames / seconds, 95, 105); // 100 control frames a second, not the 30 Hz telemetry

        // A muted agent's meter reads silent; the others play on.
        await page.CheckAsync("[data-agent='drums'][data-field='mute']");
        await WaitFor(page, "() => { const s = window.echelonStats.levels.stems; return s.drums.mute && s.drums.peakDbfs === -120 && s.drums.rmsDbfs === -120 && s.bass.peakDbfs > -120; }", console);
        Assert.DoesNotContain(console, line => line.StartsWith("pageerror", StringComparison.Ordinal));
    }

    [PeerFact("chromium")]
    public async Task Dashboard_Controls_ChangeTheEngine_AndShowTheFieldOfAnError()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        var console = new List<string>();
        IPage page = await chromium.NewPageAsync(console);
        await page.GotoAsync(rig.Host.DashboardUrl.ToString());
        await WaitFor(page, "() => document.querySelectorAll('#key option').length === 12", console);

        await page.SelectOptionAsync("#key", "F#");
        await page.SelectOptionAsync("#mode", "lydian");
        await page.CheckAsync("[data-agent='drums'][data-field='mute']");
        await Eventually.TrueAsync(() => rig.Runtime.Controls is { Key: 6, Mode: Echelon.Music.Theory.Mode.Lydian } c && c.Agents["drums"].Mute, "the page's changes reach the engine");

        // An out-of-range tempo typed into the box: the page shows the API's message and nothing changes.
        await page.FillAsync("#set-bpm", "250");
        await page.DispatchEventAsync("#set-bpm", "change");
        await WaitFor(page, "() => document.getElementById('controls-error').textContent.includes('40–200')", console);
        Assert.Equal(120, rig.Runtime.Controls.Bpm.Value);
    }

    [PeerFact("chromium")]
    public async Task Dashboard_Listen_PlaysTheStream()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using BroadcastWriter writer = BroadcastWriter.Sine(rig.Audio, speed: 1);
        var console = new List<string>();
        IPage page = await chromium.NewPageAsync(console);
        await page.GotoAsync(rig.Host.DashboardUrl.ToString());
        await page.ClickAsync("#listen");
        await WaitFor(page, "() => window.echelonStats.listen.rms > 0.05", console);
        double rms = await LoudestRms(page, "window.echelonStats.listen");
        JsonElement listen = await page.EvaluateAsync<JsonElement>("() => window.echelonStats.listen");
        Console.WriteLine($"dashboard listen: RMS {rms:0.000}, {listen.GetProperty("packets").GetInt32()} packets, {listen.GetProperty("gaps").GetInt32()} gaps, {listen.GetProperty("underruns").GetInt32()} underruns");
        Assert.InRange(rms, 0.2, 0.5);
        Assert.True(listen.GetProperty("packets").GetInt32() > 0);
        Assert.Equal(1, rig.Audio.Readers);
    }

    /// <summary>
    /// The loudest RMS the page's AnalyserNode measured over one second: the −6 dBFS sine reads 0.35. The loudest,
    /// because a starved headless audio clock can underrun for a moment on a busy machine (the player counts those).
    /// </summary>
    internal static Task<double> LoudestRms(IPage page, string stats) =>
        page.EvaluateAsync<double>($$"""
            () => new Promise((resolve) => {
              let loudest = 0;
              const timer = setInterval(() => { loudest = Math.max(loudest, {{stats}}.rms); }, 20);
              setTimeout(() => { clearInterval(timer); resolve(loudest); }, 1000);
            })
            """);

    /// <summary>
    /// <c>window.echelonStats[name]</c> as JSON text parsed here (a <see cref="JsonElement"/> straight from Playwright
    /// carries its own <c>$id</c> reference fields).
    /// </summary>
    internal static async Task<JsonElement> Stats(IPage page, string name)
    {
        string json = await page.EvaluateAsync<string>($"() => JSON.stringify(window.echelonStats[{JsonSerializer.Serialize(name)}])");
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    internal static async Task WaitFor(IPage page, string condition, List<string> console)
    {
        try
        {
            await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 50 });
        }
        catch (TimeoutException e)
        {
            string log;
            lock (console)
            {
                log = string.Join("\n", console);
            }

            throw new TimeoutException($"the page never reached {condition}\npage console:\n{log}", e);
        }
    }

    private static async Task<Snapshot> Take(IPage page)
    {
        JsonElement s = await page.EvaluateAsync<JsonElement>(SnapshotScript);
        return new Snapshot(
            s.GetProperty("canvases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            s.GetProperty("texts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    private sealed record Snapshot(Dictionary<string, string> Canvases, Dictionary<string, string> Texts);
}
