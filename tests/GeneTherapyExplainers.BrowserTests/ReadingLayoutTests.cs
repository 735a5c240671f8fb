using OpenQA.Selenium;

namespace GeneTherapyExplainers.BrowserTests;

/// <summary>A long explainer on a small phone, in dark mode and in print: the article comes before the apparatus.</summary>
[Collection(BrowserGroup.Name)]
public class ReadingLayoutTests(BrowserSite browser)
{
    private const string Long = "/explainers/gene-therapy-explained";

    private OpenQA.Selenium.Chrome.ChromeDriver Script => browser.Driver;

    [Fact]
    public void OnAPhoneTheContentsAreFoldedAndTheArticleTextStartsWithinTheFirstScreens() => browser.Run(nameof(OnAPhoneTheContentsAreFoldedAndTheArticleTextStartsWithinTheFirstScreens), () =>
    {
        Phone(390, 844, () =>
        {
            browser.Go(Long);
            var fold = browser.Driver.FindElement(By.CssSelector("details.toc-fold"));
            Assert.True(fold.Displayed);
            Assert.Null(fold.GetAttribute("open"));
            Assert.False(browser.Driver.FindElement(By.CssSelector("nav.toc")).Displayed);
            Assert.False(fold.FindElement(By.CssSelector("nav a")).Displayed);

            // Title, summary, byline, review status and key points come first; then the text, not a list and a video box.
            var start = Number("return document.querySelector('.body p').getBoundingClientRect().top + window.scrollY;");
            var keyPointsEnd = Number("return document.querySelector('.key-points').getBoundingClientRect().bottom + window.scrollY;");
            Assert.True(start - keyPointsEnd < 200, $"The text starts {start - keyPointsEnd}px after the key points.");
            Assert.True(start < 3 * 844, $"The text starts at {start}px on an 844px screen.");

            fold.FindElement(By.TagName("summary")).Click();
            Assert.NotNull(fold.GetAttribute("open"));
            Assert.True(fold.FindElement(By.CssSelector("nav a")).Displayed);
        });
    });

    [Fact]
    public void OnADesktopTheContentsAreAPlainList() => browser.Run(nameof(OnADesktopTheContentsAreAPlainList), () =>
    {
        browser.Go(Long);
        Assert.True(browser.Driver.FindElement(By.CssSelector("nav.toc a")).Displayed);
        Assert.False(browser.Driver.FindElement(By.CssSelector("details.toc-fold")).Displayed);
    });

    [Theory]
    [InlineData("dark", false)]
    [InlineData("light", true)]
    public void TheInfographicFollowsTheColourScheme(string scheme, bool light) => browser.Run("infographic-" + scheme, () =>
    {
        browser.EmulateMedia(("prefers-color-scheme", scheme));
        try
        {
            browser.Go(Long);
            // The picture's own background, drawn into a canvas and read back (same origin, so the canvas may be read).
            var brightness = Number("""
                const img = document.querySelector('.infographic img');
                const canvas = document.createElement('canvas');
                canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                const context = canvas.getContext('2d');
                context.drawImage(img, 0, 0);
                const [r, g, b] = context.getImageData(5, 5, 1, 1).data;
                return (r + g + b) / 3;
                """);
            Assert.True(light ? brightness > 200 : brightness < 60, $"{scheme}: background brightness {brightness}");
        }
        finally
        {
            browser.EmulateMedia();
        }
    });

    [Fact]
    public void PrintingShowsTheArticleAndNotTheApparatus() => browser.Run(nameof(PrintingShowsTheArticleAndNotTheApparatus), () =>
    {
        browser.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        try
        {
            browser.Go(Long);
            string[] hidden = [".site-header nav", ".site-search", ".breadcrumb", "details.toc-fold", "nav.toc", ".video-placeholder", ".related", ".contributors", ".review-history", ".page-feedback", ".series-nav", ".site-footer"];
            string[] shown = ["h1", ".review-line", ".review-notice", ".key-points", ".body", ".infographic", ".key-terms", ".sources", ".disclaimer"];
            foreach (var selector in hidden)
            {
                Assert.True(Display(selector) == "none", $"{selector} is printed");
            }

            foreach (var selector in shown)
            {
                Assert.True(Display(selector) != "none", $"{selector} is not printed");
            }
        }
        finally
        {
            browser.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "" });
        }
    });

    private string Display(string selector) =>
        (string)Script.ExecuteScript("const e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : 'missing';", selector)!;

    private double Number(string script) => Convert.ToDouble(Script.ExecuteScript(script), System.Globalization.CultureInfo.InvariantCulture);

    private void Phone(int width, int height, Action step)
    {
        browser.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = true,
        });
        browser.EmulateTouch(true);
        try
        {
            step();
        }
        finally
        {
            browser.Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
            browser.EmulateTouch(false);
        }
    }
}
