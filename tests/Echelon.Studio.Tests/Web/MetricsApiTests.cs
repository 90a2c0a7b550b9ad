using System.Net.WebSockets;
using System.Net;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Testing;
using static Echelon.Studio.Tests.Web.Infrastructure.PrometheusText;

namespace Echelon.Studio.Tests.Web;

public sealed class MetricsApiTests
{
    [Fact]
    public async Task Metrics_ParseAsPrometheusText_WithHelpAndTypeForEveryFamily()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await rig.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        IReadOnlyDictionary<string, Family> families = Parse(await response.Content.ReadAsStringAsync());
        Assert.All(families.Values, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Help), $"{f.Name} has no HELP");
            Assert.True(f.TypeGiven, $"{f.Name} has no TYPE");
            Assert.NotEmpty(f.Samples);
            Assert.All(f.Samples, s => Assert.True(s.Value >= 0 && double.IsFinite(s.Value), $"{s.Name} = {s.Value}"));
            Assert.All(f.Samples.Where(_ => f.Type == "counter"), s => Assert.EndsWith("_total", s.Name, StringComparison.Ordinal));
        });

        string[] engineCounters =
        [
            "echelon_control_frames_total", "echelon_control_overruns_total", "echelon_skipped_slow_solves_total",
            "echelon_audio_blocks_total", "echelon_xruns_total", "echelon_audio_overruns_total", "echelon_audio_fallbacks_total",
            "echelon_late_notes_total", "echelon_dropped_notes_total", "echelon_sensor_frames_total",
            "echelon_dropped_sensor_frames_total", "echelon_rejected_sensor_frames_total",
        ];
        Assert.All(engineCounters, name => Assert.Equal("counter", families[name].Type));

        // The fake's constant counters come through as they are.
        Assert.Equal(1, Value(families, "echelon_xruns_total"));
        Assert.Equal(2, Value(families, "echelon_audio_overruns_total"));
        Assert.Equal(3, Value(families, "echelon_late_notes_total"));
        Assert.Equal(4, Value(families, "echelon_dropped_notes_total"));
        Assert.Equal(5, Value(families, "echelon_dropped_sensor_frames_total"));
        Assert.Equal(6, Value(families, "echelon_rejected_sensor_frames_total"));
        Assert.Equal(1, Value(families, "echelon_devices"));
        Assert.Equal("gauge", families["echelon_web_audio_clients"].Type);
        Assert.Equal("counter", families["echelon_web_audio_gaps_total"].Type);
        Assert.Equal("gauge", families["echelon_web_telemetry_clients"].Type);
    }

    [Fact]
    public async Task Metrics_FollowTheClients_AndTheEngine()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        double framesBefore = Value(await Scrape(rig), "echelon_control_frames_total");
        using ClientWebSocket audio = await rig.ConnectAsync("/ws/audio");
        using ClientWebSocket telemetry = await rig.ConnectAsync("/ws/telemetry");
        await Eventually.TrueAsync(() => rig.Audio.Readers == 1);
        await Task.Delay(200);

        IReadOnlyDictionary<string, Family> families = await Scrape(rig);
        Assert.Equal(1, Value(families, "echelon_web_audio_clients"));
        Assert.Equal(1, Value(families, "echelon_web_telemetry_clients"));
        Assert.True(Value(families, "echelon_control_frames_total") > framesBefore);
        Assert.True(Value(families, "echelon_web_telemetry_messages_total") >= 1);
    }

    [Theory]
    [InlineData("a 1", "newline")]
    [InlineData("a 1\nb{x=\"1} 2\n", "label value")]
    [InlineData("a one\n", "not a value")]
    [InlineData("# TYPE a countr\na 1\n", "TYPE must be")]
    [InlineData("a 1\n# TYPE a counter\n", "after its samples")]
    [InlineData("a 1\nb 1\na{x=\"y\"} 2\n", "one group")]
    [InlineData("a 1\na 2\n", "duplicate")]
    [InlineData("1a 1\n", "metric name")]
    [InlineData("a{x=\"\\q\"} 1\n", "unknown escape")]
    public void Parser_RefusesMalformedText(string text, string expected)
    {
        FormatException e = Assert.Throws<FormatException>(() => Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_ReadsLabelsEscapesSpecialValuesAndTimestamps()
    {
        IReadOnlyDictionary<string, Family> f = Parse(
            "# HELP h Help with \\\\ and \\n.\n# TYPE h histogram\nh_bucket{le=\"+Inf\",path=\"a\\\"b\"} 3 1700000000000\nh_sum NaN\nh_count 3\nu -Inf\n");
        Assert.Equal("Help with \\ and \n.", f["h"].Help);
        Assert.Equal(3, f["h"].Samples.Count);
        Assert.Equal("a\"b", f["h"].Samples[0].Labels["path"]);
        Assert.Equal(1700000000000, f["h"].Samples[0].Timestamp);
        Assert.True(double.IsNaN(f["h"].Samples[1].Value));
        Assert.Equal(double.NegativeInfinity, f["u"].Samples[0].Value);
    }

    private static async Task<IReadOnlyDictionary<string, Family>> Scrape(StudioHostRig rig) =>
        Parse(await rig.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

    private static double Value(IReadOnlyDictionary<string, Family> families, string name) =>
        Assert.Single(families[name].Samples).Value;
}
