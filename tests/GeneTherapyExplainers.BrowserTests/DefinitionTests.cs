using GeneTherapyExplainers.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace GeneTherapyExplainers.BrowserTests;

/// <summary>
/// A key term's definition opens over the text, by mouse, keyboard and touch, and closes again, without moving the
/// paragraph it sits in; with it open, the page still passes axe in light, dark and at 320 px.
/// </summary>
[Collection(BrowserGroup.Name)]
public class DefinitionTests(BrowserSite browser)
{
    private const string Page = "/explainers/gene-therapy-explained";
    private const string Term = "button.term[popovertarget='def-vector']";

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    private IWebElement Button => Driver.FindElement(By.CssSelector(".body " + Term));

    private IWebElement Popover => Driver.FindElement(By.Id("def-vector"));

    private bool IsOpen => (bool)Driver.ExecuteScript("return arguments[0].matches(':popover-open');", Popover)!;

    /// <summary>The box of the paragraph (or list item) holding the term, in page coordinates.</summary>
    private string ParagraphBox() => (string)Driver.ExecuteScript("""
        const r = arguments[0].closest('p, li').getBoundingClientRect();
        return [r.left + scrollX, r.top + scrollY, r.width, r.height].map(n => n.toFixed(1)).join(' ');
        """, Button)!;

    private void Open()
    {
        Driver.ExecuteScript("arguments[0].scrollIntoView({ block: 'center' });", Button);
    }

    [Fact]
    public void ByMouseTheDefinitionOpensOverTheTextWithTheGlossaryLinkAndClosesOnAClickElsewhere() => browser.Run("definition-mouse", () =>
    {
        browser.Go(Page);
        Open();
        var before = ParagraphBox();
        Assert.False(IsOpen);
        new Actions(Driver).MoveToElement(Button).Click().Perform();
        Assert.True(IsOpen, "A click on the term opens its definition.");
        Assert.Equal(before, ParagraphBox());
        Assert.Contains("carrier", Popover.Text, StringComparison.Ordinal);
        Assert.EndsWith("/glossary/vector", Popover.FindElement(By.CssSelector("a.term-glossary")).GetAttribute("href"), StringComparison.Ordinal);
        var overlap = (bool)Driver.ExecuteScript("""
            const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
            return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            """, Button, Popover)!;
        Assert.False(overlap, "The definition does not cover the term that opened it.");

        new Actions(Driver).MoveToElement(Driver.FindElement(By.TagName("h1"))).Click().Perform();
        Assert.False(IsOpen, "A click elsewhere closes the definition.");
        Assert.Equal(before, ParagraphBox());
    });

    [Fact]
    public void ByKeyboardEnterOpensTabReachesTheGlossaryLinkAndEscapeClosesAndReturnsFocus() => browser.Run("definition-keyboard", () =>
    {
        browser.Go(Page);
        Open();
        var before = ParagraphBox();
        Driver.ExecuteScript("arguments[0].focus();", Button);
        new Actions(Driver).SendKeys(Keys.Enter).Perform();
        Assert.True(IsOpen, "Enter on the focused term opens its definition.");
        Assert.Equal(before, ParagraphBox());

        new Actions(Driver).SendKeys(Keys.Tab).Perform();
        var active = Driver.SwitchTo().ActiveElement();
        Assert.Equal("a", active.TagName);
        Assert.EndsWith("/glossary/vector", active.GetAttribute("href"), StringComparison.Ordinal);

        new Actions(Driver).SendKeys(Keys.Escape).Perform();
        Assert.False(IsOpen, "Escape closes the definition.");
        Assert.True(Driver.SwitchTo().ActiveElement().Equals(Button), "Focus goes back to the term.");
        Assert.Equal(before, ParagraphBox());

        new Actions(Driver).SendKeys(Keys.Space).Perform();
        Assert.True(IsOpen, "Space opens it too.");
        new Actions(Driver).SendKeys(Keys.Tab).SendKeys(Keys.Tab).SendKeys(Keys.Enter).Perform();
        Assert.False(IsOpen, "The close button inside closes it.");
    });

    [Fact]
    public void OnATouchScreenATapOpensTheDefinitionWithoutLeavingThePageAndATapElsewhereClosesIt() => browser.Run("definition-touch", () =>
    {
        browser.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = 390, ["height"] = 844, ["deviceScaleFactor"] = 1, ["mobile"] = true,
        });
        browser.EmulateTouch(true);
        try
        {
            browser.Go(Page);
            Open();
            var before = ParagraphBox();
            Tap(Button);
            Assert.True(Becomes(open: true), "A tap on the term opens its definition.");
            Assert.EndsWith(Page, Driver.Url, StringComparison.Ordinal);
            Assert.Equal(before, ParagraphBox());
            var inside = (bool)Driver.ExecuteScript("const r = arguments[0].getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;", Popover)!;
            Assert.True(inside, "The definition fits on the phone's screen.");

            TapAt(5, 5); // the page's margin, away from the definition and from any link
            Assert.True(Becomes(open: false), "A tap elsewhere closes it.");
            Assert.Equal(before, ParagraphBox());
        }
        finally
        {
            browser.Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
            browser.EmulateTouch(false);
        }
    });

    [Fact]
    public void WithoutJavaScriptTheDefinitionStillOpens() => browser.Run("definition-no-script", () =>
    {
        using var reader = Browser.Start(javaScript: false);
        try
        {
            reader.Navigate().GoToUrl(browser.BaseUrl + Page);
            var popover = reader.FindElement(By.Id("def-vector"));
            Assert.False(popover.Displayed);
            reader.FindElement(By.CssSelector(".body " + Term)).Click();
            Assert.True(popover.Displayed, "The popover attribute needs no script.");
        }
        finally
        {
            reader.Quit();
        }
    });

    [Fact]
    public void WithADefinitionOpenThePagePassesAxeInLightAndDarkAndAt320Pixels() => browser.Run("definition-axe", () =>
    {
        var failures = new List<string>();
        foreach (var (mode, dark, narrow) in new[] { ("light", false, false), ("dark", true, false), ("320px", false, true) })
        {
            browser.EmulateMedia(("prefers-color-scheme", dark ? "dark" : "light"));
            if (narrow)
            {
                Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
                {
                    ["width"] = 320, ["height"] = 800, ["deviceScaleFactor"] = 1, ["mobile"] = true,
                });
            }

            try
            {
                browser.Go(Page);
                Open();
                Button.Click();
                Assert.True(IsOpen);
                failures.AddRange(Axe.Violations(Driver).Select(v => $"{mode}: {v}"));
                var width = (string)Driver.ExecuteScript("return document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth;")!;
                var parts = width.Split(' ');
                if (parts[0] != parts[1])
                {
                    failures.Add($"{mode}: the page scrolls sideways with the definition open ({width})");
                }
            }
            finally
            {
                Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
                browser.EmulateMedia();
            }

            TestSummary.Write($"axe-core: checked the explainer with a definition open in {mode}.");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    });

    /// <summary>A finger's tap on the middle of the element (scrolled into view), as a touch screen sends it.</summary>
    private void Tap(IWebElement element)
    {
        Open();
        var point = (IReadOnlyCollection<object>)Driver.ExecuteScript("const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];", element)!;
        TapAt(Convert.ToDouble(point.First(), System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(point.Last(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A finger's tap at a point of the window.</summary>
    private void TapAt(double x, double y)
    {
        Driver.ExecuteCdpCommand("Input.dispatchTouchEvent", new Dictionary<string, object?>
        {
            ["type"] = "touchStart", ["touchPoints"] = new[] { new Dictionary<string, object?> { ["x"] = x, ["y"] = y } },
        });
        Driver.ExecuteCdpCommand("Input.dispatchTouchEvent", new Dictionary<string, object?> { ["type"] = "touchEnd", ["touchPoints"] = Array.Empty<object>() });
    }

    /// <summary>Whether the popover reaches the state within a few seconds: a tap turns into a click a moment later.</summary>
    private bool Becomes(bool open)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (IsOpen != open && DateTime.UtcNow < deadline)
        {
            Thread.Yield();
        }

        return IsOpen == open;
    }
}
