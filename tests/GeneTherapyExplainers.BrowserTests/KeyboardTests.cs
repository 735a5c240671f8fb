using OpenQA.Selenium;

namespace GeneTherapyExplainers.BrowserTests;

[Collection(BrowserGroup.Name)]
public class KeyboardTests(BrowserSite browser)
{
    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    private IWebElement Active => Driver.SwitchTo().ActiveElement();

    private void Tab() => new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(Keys.Tab).Perform();

    [Fact]
    public void TheSkipLinkComesFirstIsVisibleOnFocusAndMovesToTheContent() => browser.Run(nameof(TheSkipLinkComesFirstIsVisibleOnFocusAndMovesToTheContent), () =>
    {
        browser.Go("/explainers/gene-therapy-explained");
        Tab();
        Assert.Equal("Skip to main content", Active.Text);
        Assert.True(Active.Displayed && Active.Location.X >= 0, "The skip link is on screen when focused.");
        Active.SendKeys(Keys.Enter);
        Assert.Equal("main", Active.GetAttribute("id"));
        Tab();
        var next = Active;
        Assert.True((bool)Driver.ExecuteScript("return document.getElementById('main').contains(arguments[0]);", next)!,
            "After the skip link, Tab continues inside the main content.");
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/explainers/gene-therapy-explained")]
    [InlineData("/glossary")]
    [InlineData("/account/sign-in")]
    public void EveryLinkAndControlIsReachedByTabInDocumentOrderWithVisibleFocus(string path) => browser.Run("keyboard" + path.Replace('/', '-'), () =>
    {
        browser.Go(path);
        var js = Driver;
        var expected = Convert.ToInt32(js.ExecuteScript("""
            return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
              .filter(e => !e.disabled && e.getClientRects().length > 0 || e.classList.contains('skip-link')).length;
            """), System.Globalization.CultureInfo.InvariantCulture);
        var seen = new List<IWebElement>();
        for (var i = 0; i < expected + 3; i++)
        {
            Tab();
            var element = Active;
            if (element.TagName == "body" || seen.Any(s => s.Equals(element)))
            {
                break;
            }

            var outline = (string)js.ExecuteScript("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;", element)!;
            Assert.False(outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal),
                $"Focus is not visible on <{element.TagName}> '{element.Text}' ({outline}) on {path}");
            seen.Add(element);
        }

        Assert.Equal(expected, seen.Count);
        for (var i = 1; i < seen.Count; i++)
        {
            var follows = (bool)js.ExecuteScript("return !!(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING);", seen[i - 1], seen[i])!;
            Assert.True(follows, $"Tab order jumps backwards at '{seen[i].Text}' on {path}");
        }
    });

    [Fact]
    public void TheFeedbackFormWorksFromTheKeyboardAndItsHiddenTrapIsNeverReached() => browser.Run(nameof(TheFeedbackFormWorksFromTheKeyboardAndItsHiddenTrapIsNeverReached), () =>
    {
        browser.Go("/feedback/explainers/gene-therapy-explained");
        var reached = new List<string>();
        var seen = new List<IWebElement>();
        for (var i = 0; i < 60; i++)
        {
            Tab();
            var element = Active;
            if (element.TagName == "body" || seen.Any(s => s.Equals(element)))
            {
                break;
            }

            seen.Add(element);
            var name = element.GetAttribute("id") is { Length: > 0 } id ? id : element.TagName + ":" + element.Text;
            reached.Add(name);
            if (name == "helpful-yes")
            {
                // Arrow keys move within the yes/no group, as in any radio group.
                element.SendKeys(Keys.ArrowDown);
                Assert.True(Driver.FindElement(By.Id("helpful-no")).Selected);
                reached.Add("helpful-no");
            }
        }

        Assert.DoesNotContain("Input_Website", reached);
        var form = reached.Where(n => n is "helpful-no" or "Input_Report" or "Input_Comment" || n.StartsWith("button:Send", StringComparison.Ordinal)).ToList();
        Assert.True(form.SequenceEqual(["helpful-no", "Input_Report", "Input_Comment", "button:Send"]), string.Join(" | ", reached));
    });
}
