using System.Net;
using System.Text;
using System.Text.Json;
using Echelon.Music.Theory;
using Echelon.Studio.Engine;
using Echelon.Studio.Tests.Web.Infrastructure;

namespace Echelon.Studio.Tests.Web;

public sealed class ControlsApiTests
{
    [Fact]
    public async Task Get_ReturnsTheControlsInForce()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using JsonDocument body = await GetJson(rig, "/api/v1/controls");
        JsonElement root = body.RootElement;
        Assert.Equal("C", root.GetProperty("key").GetString());
        Assert.Equal("aeolian", root.GetProperty("mode").GetString());
        Assert.Equal(120, root.GetProperty("bpm").GetDouble());
        Assert.Equal(0.5, root.GetProperty("intensity").GetDouble());
        Assert.Equal(
            StudioControls.AgentNames.Order(StringComparer.Ordinal),
            root.GetProperty("agents").EnumerateObject().Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.True(root.GetProperty("agents").GetProperty("drums").GetProperty("level").GetDouble() == 1);
    }

    [Fact]
    public async Task PartialPut_ChangesOnlyTheNamedFields()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await Put(rig, """{"bpm": 96.5, "agents": {"bass": {"mute": true}}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        StudioControls now = rig.Runtime.Controls;
        Assert.Equal(96.5, now.Bpm.Value);
        Assert.True(now.Agents["bass"].Mute);
        Assert.Equal(1.0, now.Agents["bass"].Level);
        Assert.Equal(StudioControls.Default.Key, now.Key);
        Assert.Equal(StudioControls.Default.Mode, now.Mode);
        Assert.Equal(StudioControls.Default.Intensity, now.Intensity);
        Assert.All(now.Agents.Where(a => a.Key != "bass"), a => Assert.Equal(new AgentControl(), a.Value));

        // The answer is the whole new state, and a second partial change keeps the first.
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(96.5, answer.RootElement.GetProperty("bpm").GetDouble());
        using HttpResponseMessage second = await Put(rig, """{"key": "Bb", "mode": "dorian", "intensity": 0.75, "agents": {"drums": {"level": 1.5}}}""");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        now = rig.Runtime.Controls;
        Assert.Equal((10, Mode.Dorian, 96.5, 0.75, 1.5, true), (now.Key, now.Mode, now.Bpm.Value, now.Intensity, now.Agents["drums"].Level, now.Agents["bass"].Mute));
    }

    [Theory]
    [InlineData("""{"key": 7}""", 7)]
    [InlineData("""{"key": "f#"}""", 6)]
    [InlineData("""{"key": "C♯"}""", 1)]
    public async Task Put_Key_TakesANameOrAPitchClass(string body, int expected)
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await Put(rig, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, rig.Runtime.Controls.Key);
    }

    [Theory]
    [InlineData("""{"bpm": 250}""", "bpm", "40–200")]
    [InlineData("""{"bpm": 39.9}""", "bpm", "40–200")]
    [InlineData("""{"bpm": "fast"}""", "bpm", "40–200")]
    [InlineData("""{"intensity": 1.5}""", "intensity", "0–1")]
    [InlineData("""{"intensity": -0.01}""", "intensity", "0–1")]
    [InlineData("""{"intensity": null}""", "intensity", "0–1")]
    [InlineData("""{"key": "H"}""", "key", "German")]
    [InlineData("""{"key": 12}""", "key", "0–11")]
    [InlineData("""{"key": true}""", "key", "0–11")]
    [InlineData("""{"mode": "blues"}""", "mode", "ionian, dorian")]
    [InlineData("""{"mode": 3}""", "mode", "ionian, dorian")]
    [InlineData("""{"agents": {"drums": {"level": 2.5}}}""", "agents.drums.level", "0–2")]
    [InlineData("""{"agents": {"drums": {"level": -1}}}""", "agents.drums.level", "0–2")]
    [InlineData("""{"agents": {"drums": {"mute": "yes"}}}""", "agents.drums.mute", "true or false")]
    [InlineData("""{"agents": {"drums": {"volume": 1}}}""", "agents.drums.volume", "mute, level")]
    [InlineData("""{"agents": {"kazoo": {"mute": true}}}""", "agents.kazoo", "drums")]
    [InlineData("""{"agents": {"drums": 1}}""", "agents.drums", "0–2")]
    [InlineData("""{"agents": []}""", "agents", "drums")]
    [InlineData("""{"tempo": 120}""", "tempo", "key, mode, bpm, intensity, agents")]
    [InlineData("""{"bpm": 100, "bpm": 110}""", "bpm", "more than once")]
    [InlineData("""[1, 2]""", "body", "key, mode, bpm, intensity, agents")]
    [InlineData("""{"bpm": 1""", "body", "not valid JSON")]
    [InlineData("", "body", "not valid JSON")]
    public async Task Put_BadField_Is400NamingTheFieldAndWhatItAllows_AndChangesNothing(string body, string field, string allowed)
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await Put(rig, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        string[] messages = [.. problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!)];
        Assert.Contains(messages, m => m.Contains(allowed, StringComparison.Ordinal));
        Assert.Equal(0, rig.Runtime.SetControlsCalls);
        Assert.Same(StudioControls.Default, rig.Runtime.Controls);
    }

    [Fact]
    public async Task Put_SeveralBadFieldsAndOneGood_NamesEveryBadField_AndChangesNothing()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await Put(rig, """{"bpm": 300, "intensity": 2, "key": "D", "agents": {"melody": {"level": 9}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["agents.melody.level", "bpm", "intensity"],
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Nothing was changed", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, rig.Runtime.SetControlsCalls);
        Assert.Equal(StudioControls.Default.Key, rig.Runtime.Controls.Key);
    }

    [Fact]
    public async Task Put_EmptyObject_ChangesNothing_AndReturnsTheControls()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await Put(rig, "{}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StudioControls.Default with { }, rig.Runtime.Controls);
    }

    [Fact]
    public async Task Put_TheGetAnswerBack_IsAccepted_AndChangesNothing()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        string current = await rig.Http.GetStringAsync(new Uri("/api/v1/controls", UriKind.Relative));
        using HttpResponseMessage response = await Put(rig, current);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        StudioControls now = rig.Runtime.Controls;
        Assert.Equal(
            (StudioControls.Default.Key, StudioControls.Default.Mode, StudioControls.Default.Bpm, StudioControls.Default.Intensity),
            (now.Key, now.Mode, now.Bpm, now.Intensity));
        Assert.Equal(StudioControls.Default.Agents, now.Agents);
    }

    [Fact]
    public async Task ConcurrentPartialPuts_KeepEachOthersChanges()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        string[] agents = [.. StudioControls.AgentNames];
        await Task.WhenAll(agents.Select(async (name, i) =>
        {
            string body = JsonSerializer.Serialize(new { agents = new Dictionary<string, object> { [name] = new { level = (i + 1) * 0.25 } } });
            using HttpResponseMessage r = await Put(rig, body);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }));
        Assert.Equal(agents.Select((_, i) => (i + 1) * 0.25), agents.Select(a => rig.Runtime.Controls.Agents[a].Level));
    }

    internal static async Task<HttpResponseMessage> Put(StudioHostRig rig, string json, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/controls")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Echelon-Token", token);
        }

        return await rig.Http.SendAsync(request);
    }

    internal static async Task<JsonDocument> GetJson(StudioHostRig rig, string path)
    {
        using HttpResponseMessage response = await rig.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
