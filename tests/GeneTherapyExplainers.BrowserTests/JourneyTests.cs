using GeneTherapyExplainers.Tests.Support;
using OpenQA.Selenium;

namespace GeneTherapyExplainers.BrowserTests;

[Collection(BrowserGroup.Name)]
public class JourneyTests(BrowserSite browser)
{
    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    [Fact]
    public void AReaderGoesFromHomeToAnExplainerOpensADefinitionVisitsTheGlossaryAndComesBack() => browser.Run(nameof(AReaderGoesFromHomeToAnExplainerOpensADefinitionVisitsTheGlossaryAndComesBack), () =>
    {
        browser.Go("/");
        browser.LoadsNewPage(() => Driver.FindElement(By.PartialLinkText("explainers by topic")).Click());
        Assert.EndsWith("/explainers", Driver.Url, StringComparison.Ordinal);
        browser.LoadsNewPage(() => Driver.FindElement(By.LinkText("Gene Therapy Explained: Treating Disease at Its Source")).Click());
        Assert.EndsWith("/explainers/gene-therapy-explained", Driver.Url, StringComparison.Ordinal);
        Assert.Equal("Gene Therapy Explained: Treating Disease at Its Source", Driver.FindElement(By.TagName("h1")).Text);

        var term = Driver.FindElement(By.CssSelector(".body button.term[popovertarget='def-vector']"));
        var definition = Driver.FindElement(By.Id(term.GetAttribute("popovertarget")!));
        Assert.False(definition.Displayed, "The definition waits until the reader opens it.");
        term.Click();
        Assert.True(definition.Displayed, "The definition opens over the text, without JavaScript.");
        Assert.Contains("carrier", definition.Text, StringComparison.Ordinal);

        browser.LoadsNewPage(definition.FindElement(By.CssSelector("a.term-glossary")).Click);
        Assert.EndsWith("/glossary/vector", Driver.Url, StringComparison.Ordinal);
        Assert.Equal("Vector", Driver.FindElement(By.TagName("h1")).Text);
        browser.LoadsNewPage(Driver.Navigate().Back);
        Assert.EndsWith("/explainers/gene-therapy-explained", Driver.Url, StringComparison.Ordinal);
    });

    [Fact]
    public void TheSearchFormFindsAGlossaryTerm() => browser.Run(nameof(TheSearchFormFindsAGlossaryTerm), () =>
    {
        browser.Go("/explainers");
        var box = Driver.FindElement(By.Id("site-search-q"));
        box.SendKeys("vectors");
        browser.LoadsNewPage(() => box.SendKeys(Keys.Enter));
        Assert.Contains("/search?q=vectors", Driver.Url, StringComparison.Ordinal);
        var first = Driver.FindElements(By.CssSelector(".result h2 a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(first, href => href!.EndsWith("/glossary/vector", StringComparison.Ordinal));
        Assert.NotEmpty(Driver.FindElements(By.CssSelector(".result .snippet mark")));
    });

    [Fact]
    public void PreviousAndNextMoveThroughTheSeries() => browser.Run(nameof(PreviousAndNextMoveThroughTheSeries), () =>
    {
        browser.Go("/explainers/gene-therapy-explained");
        browser.LoadsNewPage(() => Driver.FindElement(By.CssSelector(".series-nav a[rel=next]")).Click());
        Assert.Equal("mRNA Technology", Driver.FindElement(By.TagName("h1")).Text);
        browser.LoadsNewPage(() => Driver.FindElement(By.CssSelector(".series-nav a[rel=prev]")).Click());
        Assert.Equal("Gene Therapy Explained: Treating Disease at Its Source", Driver.FindElement(By.TagName("h1")).Text);
        browser.LoadsNewPage(() => Driver.FindElement(By.CssSelector(".series-nav a[rel=prev]")).Click());
        Assert.Equal("Monoclonal Antibodies", Driver.FindElement(By.TagName("h1")).Text);
    });

    [Fact]
    public void AReviewerSignsInRecordsAReviewAndSeesItOnThePublicPage() => browser.Run(nameof(AReviewerSignsInRecordsAReviewAndSeesItOnThePublicPage), () =>
    {
        browser.SignIn();
        browser.Go("/review");
        Assert.Equal("Review dashboard", Driver.FindElement(By.TagName("h1")).Text);
        browser.LoadsNewPage(() => Driver.FindElement(By.LinkText("mRNA Technology")).Click());
        Driver.FindElement(By.Id("Input_Notes")).SendKeys("Checked in the browser against the NHGRI glossary.");
        browser.LoadsNewPage(() => Driver.FindElement(By.CssSelector("main form button[type=submit]")).Click());
        Assert.Contains("The review is recorded", Driver.FindElement(By.CssSelector(".notice")).Text, StringComparison.Ordinal);

        browser.Go("/explainers/mrna-technology");
        var today = TestClock.Today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"Last reviewed {today} by Georgios Anagas", Driver.FindElement(By.CssSelector(".review-line")).Text, StringComparison.Ordinal);
    });

    [Fact]
    public void TheContentHealthPageListsTheFilesForASignedInReviewer() => browser.Run(nameof(TheContentHealthPageListsTheFilesForASignedInReviewer), () =>
    {
        browser.SignIn();
        browser.Go("/editors/content-health");
        Assert.Equal("Content health", Driver.FindElement(By.TagName("h1")).Text);
        var files = Driver.FindElements(By.CssSelector("table.health tbody th")).Select(th => th.Text).ToList();
        Assert.Contains("explainers/gene-therapy-explained.md", files);
        Assert.Contains("explainers/draft-page.md", files);
        browser.LoadsNewPage(() => Driver.FindElement(By.CssSelector("table.readability a[href^='/editors/preview/']")).Click());
        Assert.Contains("Draft.", Driver.FindElement(By.CssSelector(".draft-banner")).Text, StringComparison.Ordinal);
    });

    [Fact]
    public void OnA320PixelPhoneNothingOnTheContentHealthPageIsOffScreen() => browser.Run(nameof(OnA320PixelPhoneNothingOnTheContentHealthPageIsOffScreen), () =>
    {
        browser.SignIn();
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = 320, ["height"] = 800, ["deviceScaleFactor"] = 1, ["mobile"] = true,
        });
        try
        {
            browser.Go("/editors/content-health");
            // Every visible element's right edge within the 320 px screen, scroll areas included.
            var offScreen = (System.Collections.ObjectModel.ReadOnlyCollection<object>)((IJavaScriptExecutor)Driver).ExecuteScript(
                "return [...document.querySelectorAll('main *')].filter(e => { const r = e.getBoundingClientRect();"
                + " return r.width > 1 && r.height > 1 && r.right > document.documentElement.clientWidth + 0.5; })"
                + ".map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40));")!;
            Assert.True(offScreen.Count == 0, string.Join('\n', offScreen));
            Assert.NotEmpty(Driver.FindElements(By.CssSelector("table.readability tbody tr")));
        }
        finally
        {
            Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
        }
    });
}
