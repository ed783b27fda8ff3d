using Microsoft.Playwright;

namespace Alerts.Cli.Tests.Browser;

/// <summary>
/// Issue 15 item 9: headless Chromium draws Chinese and Japanese as glyphs, not as boxes (test.sh installs
/// fonts-noto-cjk with Chromium). A character no font has is drawn as the "missing glyph" box; a CJK character must
/// not look like it.
/// </summary>
public sealed class CjkRenderingTests : IAsyncLifetime
{
    private const string Chromium = "/usr/lib/chromium/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task<byte[]> GlyphAsync(string text)
    {
        var page = await _browser.NewPageAsync();
        await page.SetContentAsync($"<html><body style='margin:0;background:#fff'><span id='g' style='font-size:64px;line-height:1;color:#000'>{text}</span></body></html>");
        var shot = await page.Locator("#g").ScreenshotAsync();
        await page.CloseAsync();
        return shot;
    }

    [Theory]
    [InlineData("商")]
    [InlineData("管")]
    [InlineData("輸")]
    [InlineData("で")]
    public async Task Chromium_CjkCharacter_IsDrawnAsAGlyphNotAMissingGlyphBox(string character)
    {
        // U+10FFFD is a private-use code point no installed font draws: Chromium shows its missing-glyph box.
        var missing = await GlyphAsync("&#x10FFFD;");

        var drawn = await GlyphAsync(character);

        drawn.ShouldNotBe(missing);
    }
}
