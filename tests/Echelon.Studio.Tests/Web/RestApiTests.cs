using System.Net;
using System.Text.Json;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;

namespace Echelon.Studio.Tests.Web;

public sealed class RestApiTests
{
    [Fact]
    public async Task Devices_ListsWhatTheRuntimeReports_InCamelCase()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using JsonDocument body = await ControlsApiTests.GetJson(rig, "/api/v1/devices");
        JsonElement dancer = Assert.Single(body.RootElement.EnumerateArray());
        Assert.Equal("dancer", dancer.GetProperty("id").GetString());
        Assert.Equal("skeleton", dancer.GetProperty("kind").GetString());
        Assert.Equal("synthetic", dancer.GetProperty("source").GetString());
        Assert.True(dancer.GetProperty("rateHz").GetDouble() > 0);
        Assert.True(dancer.GetProperty("lastSeenSeconds").GetDouble() >= 0);
        Assert.True(dancer.TryGetProperty("frames", out _));
        Assert.True(dancer.TryGetProperty("dropouts", out _));
    }

    [Fact]
    public async Task Recorder_StartsAndStops()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using (JsonDocument idle = await ControlsApiTests.GetJson(rig, "/api/v1/recorder"))
        {
            Assert.False(idle.RootElement.GetProperty("recording").GetBoolean());
        }

        using (HttpResponseMessage start = await rig.Http.PostAsync(new Uri("/api/v1/recorder/start", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            using JsonDocument status = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
            Assert.True(status.RootElement.GetProperty("recording").GetBoolean());
            Assert.Equal("/recordings/take-1", status.RootElement.GetProperty("directory").GetString());
        }

        Assert.True(rig.Runtime.Recorder.Recording);
        using (HttpResponseMessage stop = await rig.Http.PostAsync(new Uri("/api/v1/recorder/stop", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
            using JsonDocument status = JsonDocument.Parse(await stop.Content.ReadAsStringAsync());
            Assert.False(status.RootElement.GetProperty("recording").GetBoolean());
        }

        Assert.False(rig.Runtime.Recorder.Recording);
    }

    [Fact]
    public async Task Sessions_ListsTheRecordings()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using JsonDocument body = await ControlsApiTests.GetJson(rig, "/api/v1/sessions");
        JsonElement[] sessions = [.. body.RootElement.EnumerateArray()];
        Assert.Equal(["2025-01-02-dance", "2025-01-01-warmup"], sessions.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("complete", sessions[0].GetProperty("status").GetString());
        Assert.Equal(36_000, sessions[0].GetProperty("records").GetInt64());
        Assert.Equal(JsonValueKind.Null, sessions[1].GetProperty("startedUtc").ValueKind);
    }

    [Fact]
    public async Task Mappings_AreEmpty_WhenTheRuntimeDoesNotListThem()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using JsonDocument body = await ControlsApiTests.GetJson(rig, "/api/v1/mappings");
        Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);
        Assert.Empty(body.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Mappings_AreListed_WhenTheRuntimeIsAMappingCatalog()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(runtime: new MappedRuntime());
        using JsonDocument body = await ControlsApiTests.GetJson(rig, "/api/v1/mappings");
        JsonElement mapping = Assert.Single(body.RootElement.EnumerateArray());
        Assert.Equal("lean-brightness", mapping.GetProperty("name").GetString());
        Assert.Equal("x*[3]", mapping.GetProperty("source").GetString());
        Assert.Equal("composer.brightness", mapping.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Audio_DescribesTheStream()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { AudioClientLimit = 7 });
        using JsonDocument body = await ControlsApiTests.GetJson(rig, "/api/v1/audio");
        JsonElement audio = body.RootElement;
        Assert.Equal(StudioHostRig.SampleRate, audio.GetProperty("sampleRate").GetInt32());
        Assert.Equal(2, audio.GetProperty("channels").GetInt32());
        Assert.Equal(PcmPacket.Version, audio.GetProperty("packetVersion").GetInt32());
        Assert.Equal(PcmPacket.HeaderBytes, audio.GetProperty("headerBytes").GetInt32());
        Assert.Equal(7, audio.GetProperty("listenerLimit").GetInt32());
        Assert.Equal(0, audio.GetProperty("listeners").GetInt32());
    }

    [Fact]
    public async Task Healthz_IsOk_WhenTheEngineRuns_And503BeforeItsFirstFrame()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using (JsonDocument ok = await ControlsApiTests.GetJson(rig, "/healthz"))
        {
            Assert.Equal("ok", ok.RootElement.GetProperty("status").GetString());
            Assert.True(ok.RootElement.GetProperty("frame").GetInt64() >= 0);
        }

        rig.Runtime.TelemetryReady = false;
        using HttpResponseMessage starting = await rig.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await starting.Content.ReadAsStringAsync());
        Assert.Equal("starting", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryRestEndpoint_AndTheControlsBody()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using JsonDocument doc = await ControlsApiTests.GetJson(rig, "/openapi/v1.json");
        JsonElement root = doc.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Echelon studio", root.GetProperty("info").GetProperty("title").GetString());
        JsonElement paths = root.GetProperty("paths");
        foreach ((string path, string method) in new[]
        {
            ("/api/v1/controls", "get"), ("/api/v1/controls", "put"), ("/api/v1/devices", "get"), ("/api/v1/recorder", "get"),
            ("/api/v1/recorder/start", "post"), ("/api/v1/recorder/stop", "post"), ("/api/v1/sessions", "get"),
            ("/api/v1/mappings", "get"), ("/api/v1/audio", "get"), ("/healthz", "get"), ("/metrics", "get"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out JsonElement item), $"{path} missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} missing from the OpenAPI document");
        }

        JsonElement put = paths.GetProperty("/api/v1/controls").GetProperty("put");
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(root.GetProperty("components").GetProperty("schemas").TryGetProperty("ControlsPatch", out JsonElement patch));
        Assert.Equal(
            ["agents", "bpm", "intensity", "key", "mode"],
            patch.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("string", patch.GetProperty("properties").GetProperty("bpm").GetProperty("type").GetRawText(), StringComparison.Ordinal);
        Assert.False(paths.TryGetProperty("/", out _), "pages are not part of the API");
    }

    [Fact]
    public async Task UnknownPath_Is404ProblemDetails()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await rig.Http.GetAsync(new Uri("/api/v1/nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WebSocketPaths_AskedWithPlainHttp_Are400ProblemDetails()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        foreach (string path in new[] { "/ws/audio", "/ws/telemetry", "/ws/sensors" })
        {
            using HttpResponseMessage response = await rig.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private sealed class MappedRuntime : FakeStudioRuntime, IMappingCatalog
    {
        public IReadOnlyList<MappingSummary> Mappings { get; } = [new("lean-brightness", "x*[3]", "composer.brightness", "leaning forward brightens")];
    }
}
