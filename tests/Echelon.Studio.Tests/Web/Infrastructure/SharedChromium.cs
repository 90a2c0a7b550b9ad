namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>
/// The browser tests share one Chromium and run one at a time: on a small shared machine three browsers drawing and
/// playing at once would measure the machine, not the pages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
