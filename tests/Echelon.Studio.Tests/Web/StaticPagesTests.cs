using System.Net;
using System.Text.RegularExpressions;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;

namespace Echelon.Studio.Tests.Web;

public sealed partial class StaticPagesTests
{
    [Theory]
    [InlineData("/", "text/html", "Echelon studio")]
    [InlineData("/listen", "text/html", "Echelon — listen")]
    [InlineData("/pair", "text/html", "Echelon — pair")]
    [InlineData("/assets/dashboard.js", "text/javascript", "requestAnimationFrame")]
    [InlineData("/assets/listen.js", "text/javascript", "AudioWorkletNode")]
    [InlineData("/assets/pcm-worklet.js", "text/javascript", "registerProcessor")]
    [InlineData("/assets/pair.js", "text/javascript", "devicemotion")]
    [InlineData("/assets/style.css", "text/css", "--accent")]
    public async Task Pages_AreServedFromTheAssembly(string path, string type, string content)
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await rig.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_LoadNothingFromOtherSites()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        foreach (string path in new[] { "/", "/listen", "/pair" })
        {
            string html = await rig.Http.GetStringAsync(new Uri(path, UriKind.Relative));
            string[] sources = [.. SourceAttribute().Matches(html).Select(m => m.Groups[1].Value)];
            Assert.NotEmpty(sources);
            Assert.All(sources, s => Assert.True(
                (s.StartsWith('/') && !s.StartsWith("//", StringComparison.Ordinal)) || s.StartsWith("data:", StringComparison.Ordinal),
                $"{path} refers to {s}, not on this host"));
        }
    }

    [Theory]
    [InlineData("/assets/nothing.js")]
    [InlineData("/assets/..%2Fappsettings.json")]
    [InlineData("/assets/.hidden")]
    public async Task UnknownAssets_Are404(string path)
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using HttpResponseMessage response = await rig.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StaticFilesDirectory_ServesPagesFromDisk()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "index.html"), "<!doctype html><title>edited live</title>");
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { StaticFilesDirectory = folder.Path });
        Assert.Contains("edited live", await rig.Http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex SourceAttribute();
}
