using System.Text.Json;
using Echelon.Audio.Devices;
using Echelon.Motion.Synthetic;
using Echelon.Studio.Engine;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Echelon.Studio.Tests.Web;

/// <summary>The dashboard on the real instrument: the engine, the synthetic dancer and the null output playing in real time.</summary>
[Trait("Peer", "chromium")]
[Collection(SharedChromium.Name)]
public sealed class LiveStudioBrowserTests(ChromiumFixture chromium)
{
    private const string CanvasHashes = """
        () => {
          const hash = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); } return (h >>> 0).toString(16); };
          const out = {};
          for (const c of document.querySelectorAll('canvas')) out[c.id] = hash(c.toDataURL());
          return out;
        }
        """;

    [PeerFact("chromium")]
    public async Task Dashboard_OnTheRealEngine_ShowsTheDancer_MovesEveryPanel_AndPlaysTheMix()
    {
        var broadcast = new AudioBroadcast(48_000);
        using var engine = new StudioEngine(new EngineOptions
        {
            Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 600 })],
            AudioSinks = [broadcast],
            RecordingsDirectory = Path.Combine(Path.GetTempPath(), "echelon-live-browser-" + Guid.NewGuid().ToString("N")),
        });
        using var output = new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        await using StudioWebHost host = StudioWebHost.Create(engine, broadcast, new StudioWebHostOptions
        {
            Port = 0,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        });
        await host.StartAsync();
        engine.Start();
        output.Start(new EngineAudioCallback(engine));
        try
        {
            var console = new List<string>();
            IPage page = await chromium.NewPageAsync(console);
            await page.GotoAsync(host.DashboardUrl.ToString());
            await DashboardBrowserTests.WaitFor(page, "() => window.echelonStats && window.echelonStats.telemetry.messages > 30", console);

            var before = await page.EvaluateAsync<Dictionary<string, string>>(CanvasHashes);
            await Task.Delay(1500);
            var after = await page.EvaluateAsync<Dictionary<string, string>>(CanvasHashes);
            // The listen meter moves only once Listen plays; every other canvas draws telemetry.
            string[] still = [.. before.Keys.Where(k => k != "listen-meter" && before[k] == after[k])];
            Assert.True(still.Length == 0, $"canvases that did not change on the live engine: {string.Join(", ", still)}");

            // The level panel meters the engine's own stems, and the k_used histogram counts every control frame.
            await DashboardBrowserTests.WaitFor(page, "() => Object.values(window.echelonStats.levels.stems).some(s => s.peakDbfs > -60)", console);
            JsonElement levels = await DashboardBrowserTests.Stats(page, "levels");
            Assert.Equal(StudioControls.AgentNames, levels.GetProperty("stems").EnumerateObject().Select(p => p.Name));
            Assert.All(levels.GetProperty("stems").EnumerateObject(), p => Assert.InRange(p.Value.GetProperty("peakDbfs").GetDouble(), -120, 0));
            JsonElement k = await DashboardBrowserTests.Stats(page, "kHistogram");
            Assert.Equal(k.GetProperty("frame").GetInt64() + 1, k.GetProperty("total").GetInt64());
            Assert.True(k.GetProperty("windowFrames").GetInt64() > 100, k.ToString());

            string devices = await page.InnerTextAsync("section[data-panel='devices']");
            Assert.Contains("dancer", devices, StringComparison.Ordinal);
            Assert.Contains("phone", devices, StringComparison.Ordinal);

            // Listen: the engine's own mix through /ws/audio and the AudioWorklet.
            await page.ClickAsync("#listen");
            await DashboardBrowserTests.WaitFor(page, "() => window.echelonStats.listen.rms > 0.005", console);
            double rms = await DashboardBrowserTests.LoudestRms(page, "window.echelonStats.listen");
            Assert.InRange(rms, 0.005, 1.0);
            Assert.DoesNotContain(console, line => line.StartsWith("pageerror", StringComparison.Ordinal));
            Assert.Equal(0, engine.Counters.LateNotes);
        }
        finally
        {
            output.Stop();
            engine.Stop();
        }
    }
}
