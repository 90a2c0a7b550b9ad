namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>
/// The browser tests share one Chromium and run one at a time, after the parallel tests and alone: on a small shared
/// machine three browsers drawing and playing at once, or a browser beside the rest of the suite, would measure the
/// machine, not the pages.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
