using System.Globalization;
using Alerts.Cli.Tests.Api;
using Alerts.Core.Assessments;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Playwright;

namespace Alerts.Cli.Tests.Browser;

/// <summary>
/// Opens the dashboard in headless Debian Chromium (never downloaded by Playwright) over the seeded fakes, checks the
/// numbers against the stores, follows a change to its diff, opens the company view, and saves screenshots under
/// TestResults/browser/.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/lib/chromium/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly ApiTestWorld _world = new();
    private ApiTestServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static string Shots
    {
        get
        {
            var path = Path.Combine(RepositoryPaths.Root, "TestResults", "browser");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        _server = await ApiTestServer.StartAsync(_world);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_server.BaseAddress, path).ToString());
        return page;
    }

    private static async Task<int> NumberAsync(IPage page, string testId) =>
        int.Parse((await page.GetByTestId(testId).TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Dashboard_ShowsTheStoresNumbers()
    {
        var page = await OpenAsync("dashboard");

        foreach (var severity in Enum.GetValues<Severity>())
        {
            var name = severity.ToString().ToLowerInvariant();
            (await NumberAsync(page, $"alerts-{name}")).ShouldBe(_world.Alerts.All.Count(a => a.Severity == severity), name);
        }

        (await NumberAsync(page, "changes-total")).ShouldBe(_world.Changes.All.Count);
        (await NumberAsync(page, "deliveries-24h-email-sent")).ShouldBe(_world.Ledger.All.Count(r => r.Channel == Core.Delivery.DeliveryChannel.Email && r.Outcome == Core.Delivery.DeliveryOutcome.Sent && r.At >= ApiTestWorld.Now.AddHours(-24)));
        (await NumberAsync(page, "deliveries-7d-teams-sent")).ShouldBe(_world.Ledger.All.Count(r => r.Channel == Core.Delivery.DeliveryChannel.Teams && r.At >= ApiTestWorld.Now.AddDays(-7)));
        (await NumberAsync(page, "queue-teams-dead")).ShouldBe(1);
        (await NumberAsync(page, "queue-alerts-active")).ShouldBe(3);
        (await NumberAsync(page, "failures-jp-meti-press")).ShouldBe(4);
        (await page.GetByTestId("recent-change").CountAsync()).ShouldBe(_world.Changes.All.Count);
        (await page.TitleAsync()).ShouldBe("Alerts — ops dashboard");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "dashboard-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task Dashboard_OnAPhone_HasNoHorizontalPageScroll()
    {
        var page = await OpenAsync("dashboard", width: 390, height: 844);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        overflow.ShouldBeLessThanOrEqualTo(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "dashboard-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task Dashboard_FollowingAChange_OpensItsHighlightedDiff()
    {
        var page = await OpenAsync("dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = _world.ComputedDiffChange.Change.Title }).ClickAsync();

        page.Url.ShouldEndWith($"/changes/{_world.ComputedDiffChange.Change.ChangeId}");
        (await page.Locator("[data-testid=diff] del").AllTextContentsAsync()).ShouldBe(["10"]);
        (await page.Locator("[data-testid=diff] ins").AllTextContentsAsync()).ShouldBe(["27"]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "change-diff.png"), FullPage = true });
    }

    [Fact]
    public async Task ChangePage_HostileTitle_IsShownAsText()
    {
        var page = await OpenAsync($"changes/{_world.StoredDiffChange.Change.ChangeId}");

        (await page.Locator("h1").TextContentAsync()).ShouldBe(_world.StoredDiffChange.Change.Title);
        (await page.Locator("[data-testid=diff] ins").AllTextContentsAsync()).ShouldBe(["遺憾の意"]);
    }

    [Fact]
    public async Task CompanyView_AfterTheKeyForm_ShowsOnlyItsAlertsNewestFirst()
    {
        var page = await OpenAsync($"companies/{ApiTestWorld.CompanyA}/alerts");
        await page.GetByLabel("Your company's API key (or the admin key)").FillAsync(_world.KeyA);

        await page.GetByRole(AriaRole.Button, new() { Name = "Show alerts" }).ClickAsync();

        var expected = _world.Alerts.All.Where(a => a.CompanyId == ApiTestWorld.CompanyA).OrderByDescending(a => a.CreatedAt).Select(a => a.Title).ToList();
        (await page.Locator("[data-testid=alert] h2").AllTextContentsAsync()).ShouldBe(expected);
        (await page.Locator("[data-testid=alert] blockquote").First.TextContentAsync()).ShouldNotBeNullOrEmpty();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "company-view.png"), FullPage = true });

        await page.GotoAsync(new Uri(_server.BaseAddress, $"companies/{ApiTestWorld.CompanyB}/alerts").ToString());
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Company not found");
    }

    // Issue 19: "The company view in Chromium (a browser test with a screenshot) shows open assessments sorted by due date."
    [Fact]
    public async Task CompanyView_OpenAssessments_AreSortedByDueDate()
    {
        var open = await _world.Assessments.ListAsync(ApiTestWorld.CompanyA, CancellationToken.None);
        open.Count.ShouldBeGreaterThanOrEqualTo(3);
        var today = DateOnly.FromDateTime(ApiTestWorld.Now.UtcDateTime);
        int[] offsets = [20, 3, 9, 30];
        var due = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        for (var i = 0; i < open.Count; i++)
        {
            // Due dates set out of order, so the page's order can only come from sorting.
            var date = today.AddDays(offsets[i % offsets.Length] + i);
            var result = await _world.Assessments.ApplyAsync(
                new AssessmentCommand(ApiTestWorld.CompanyA, open[i].NoticeKey, "browser-test", AssessmentChannel.Api) { Due = date }, CancellationToken.None);
            result.Outcome.ShouldBe(AssessmentOutcome.Applied);
            due[open[i].NoticeKey] = date;
        }

        var page = await OpenAsync($"companies/{ApiTestWorld.CompanyA}/alerts");
        await page.GetByLabel("Your company's API key (or the admin key)").FillAsync(_world.KeyA);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show alerts" }).ClickAsync();

        var rows = page.Locator("[data-testid=assessment]");
        var shown = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            shown.Add((await rows.Nth(i).GetAttributeAsync("data-notice"))!);
        }

        shown.ShouldBe([.. due.OrderBy(d => d.Value).Select(d => d.Key)]);
        (await page.Locator("[data-testid=assessment] [data-testid=due]").First.TextContentAsync())!
            .ShouldContain(due.Values.Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("assessments").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, "company-view-assessments.png") });
    }

    // Issue 19: the digest "in both the e-mail and a printable page".
    [Fact]
    public async Task CompanyView_PrintableDigest_PrintsItsSectionsWithoutNavigation()
    {
        var page = await OpenAsync($"companies/{ApiTestWorld.CompanyA}/alerts");
        await page.GetByLabel("Your company's API key (or the admin key)").FillAsync(_world.KeyA);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show alerts" }).ClickAsync();

        await page.GetByTestId("digest-link").ClickAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        page.Url.ShouldEndWith($"/companies/{ApiTestWorld.CompanyA}/alerts?view=digest");
        (await page.GetByTestId("digest-nav").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("section h3").AllTextContentsAsync()).ShouldContain("Open assessments");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-testid=digest-open]')).breakBefore")).ShouldBe("page");
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Shots, "digest-printable.pdf"), Format = "A4" });
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
    }

    [Fact]
    public async Task ReplayButton_WithAdminKey_ReplaysTheDeadLetter()
    {
        var page = await OpenAsync("dashboard");
        var letter = page.GetByTestId("deadletter").Filter(new() { HasText = "teams" });
        await letter.GetByPlaceholder("admin key").FillAsync(ApiTestWorld.AdminKey);

        await letter.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("Replayed dl-1");
        _world.DeadLetters.Replayed.ShouldBe(["dl-1"]);
    }

    [Fact]
    public async Task ReplayButton_IdWithASlash_ReplaysTheDeadLetter()
    {
        var page = await OpenAsync("dashboard");
        var letter = page.GetByTestId("deadletter").Filter(new() { HasText = "MaxDeliveryCountExceeded" });
        await letter.GetByPlaceholder("admin key").FillAsync(ApiTestWorld.AdminKey);

        await letter.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("Replayed email/dl-2");
        _world.DeadLetters.Replayed.ShouldBe(["email/dl-2"]);
        (await page.GetByTestId("deadletter").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Dashboard_At1366x768_ShowsWhatIsWrongAboveTheFold()
    {
        var page = await OpenAsync("dashboard", width: 1366, height: 768);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "dashboard-1366x768.png") });

        // The seeded world has a blocked source, a failed e-mail delivery and two dead letters: each is on the first screen.
        foreach (var problem in new[] { "problem-source-jp-meti-press", "problem-deliveries-email", "problem-deadletters" })
        {
            (await BottomAsync(page.GetByTestId(problem))).ShouldBeLessThanOrEqualTo(768, problem);
        }

        (await BottomAsync(page.GetByTestId("deadletter").First.GetByRole(AriaRole.Button, new() { Name = "Replay" }))).ShouldBeLessThanOrEqualTo(768);
        (await TopAsync(page.GetByTestId("changes-total"))).ShouldBeGreaterThan(768, "charts come after what needs action");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0);
    }

    [Fact]
    public async Task Root_RedirectsToTheDashboard()
    {
        var page = await OpenAsync("");

        page.Url.ShouldEndWith("/dashboard");
    }

    private static async Task<float> BottomAsync(ILocator locator)
    {
        var box = (await locator.BoundingBoxAsync()).ShouldNotBeNull();
        return box.Y + box.Height;
    }

    private static async Task<float> TopAsync(ILocator locator) => (await locator.BoundingBoxAsync()).ShouldNotBeNull().Y;
}
