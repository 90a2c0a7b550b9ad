using Microsoft.Playwright;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>
/// One headless Chromium for a test class: Debian's <c>/usr/bin/chromium</c> (found by the peer harness), driven by
/// Microsoft.Playwright through its <c>ExecutablePath</c>. Playwright never downloads a browser here; where Chromium
/// is missing the tests using this fixture are skipped by <see cref="PeerFactAttribute"/> (failed under
/// ECHELON_REQUIRE_PEERS=1) and this fixture starts nothing.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>The flags PEERS.md gives for headless runs, plus autoplay without a gesture and fake media prompts.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--autoplay-policy=no-user-gesture-required",
        "--use-fake-ui-for-media-stream",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(PeerTool.Get("chromium").MissingMessage);

    public async Task InitializeAsync()
    {
        PeerTool chromium = PeerTool.Get("chromium");
        if (!chromium.IsAvailable)
        {
            return; // The tests skip (or, with peers required, fail on Browser with the install hint).
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium.Path,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// A fresh page in a fresh context, printing the page's console errors to the test output on failure.
    /// <paramref name="ignoreHttpsErrors"/> is the test's stand-in for a performer who accepted the studio's
    /// self-signed certificate on the phone.
    /// </summary>
    public async Task<IPage> NewPageAsync(List<string>? console = null, bool ignoreHttpsErrors = false)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            IgnoreHTTPSErrors = ignoreHttpsErrors,
        });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        if (console is not null)
        {
            page.Console += (_, message) => { lock (console) { console.Add($"{message.Type}: {message.Text}"); } };
            page.PageError += (_, error) => { lock (console) { console.Add("pageerror: " + error); } };
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
