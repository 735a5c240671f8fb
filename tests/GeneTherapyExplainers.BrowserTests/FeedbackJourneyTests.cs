using System.Net;
using AngleSharp.Html.Parser;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace GeneTherapyExplainers.BrowserTests;

/// <summary>
/// A reader with JavaScript switched off sends feedback; a reviewer reads it (the script in it never runs) and handles
/// it; a bot is dropped quietly; a burst meets the rate limit. One journey, in order: every browser test comes from
/// 127.0.0.1, so the feedback forms of this test are the only ones the limit counts.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class FeedbackJourneyTests(BrowserSite browser) : IDisposable
{
    private const string Explainer = "/explainers/gene-therapy-explained";
    private readonly Lazy<ChromeDriver> reader = new(() => Browser.Start(javaScript: false));

    private ChromeDriver Reviewer => browser.Driver;

    private ChromeDriver Reader => reader.Value;

    public void Dispose()
    {
        if (reader.IsValueCreated)
        {
            reader.Value.Quit();
            reader.Value.Dispose();
        }
    }

    /// <summary>Clicks and waits for the next page, in the reader's own browser (no script runs there to ask it).</summary>
    private void ReaderClicks(IWebElement element)
    {
        var old = Reader.FindElement(By.TagName("html"));
        element.Click();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                _ = old.Enabled;
            }
            catch (WebDriverException)
            {
                return;
            }

            Thread.Sleep(25);
        }

        throw new Xunit.Sdk.XunitException($"No new page loaded within 15 seconds; still at {Reader.Url}.");
    }

    [Fact]
    public void AReaderWithoutJavaScriptSendsFeedbackAReviewerReadsAndHandlesItAndBotsAndBurstsGetNowhere() => browser.Run(nameof(AReaderWithoutJavaScriptSendsFeedbackAReviewerReadsAndHandlesItAndBotsAndBurstsGetNowhere), () =>
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var hostile = $"Wrong dose {marker} <script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\">";

        // The reader's browser runs no script at all: a page's own script cannot even set its title.
        Reader.Navigate().GoToUrl("data:text/html,<title>before</title><script>document.title='scripted'</script>");
        Assert.Equal("before", Reader.Title);

        // The reader answers "No" at the end of the explainer, writes what was wrong and sends it.
        Reader.Navigate().GoToUrl(browser.BaseUrl + Explainer);
        ReaderClicks(Reader.FindElement(By.CssSelector("#feedback button[value=no]")));
        Assert.Contains("/feedback/explainers/gene-therapy-explained?helpful=no", Reader.Url, StringComparison.Ordinal);
        Assert.True(Reader.FindElement(By.Id("helpful-no")).Selected);
        Reader.FindElement(By.Id("Input_Comment")).SendKeys(hostile);
        ReaderClicks(Reader.FindElement(By.CssSelector("main form button[type=submit]")));
        Assert.EndsWith(Explainer + "?thanks=1#feedback-thanks", Reader.Url, StringComparison.Ordinal);
        Assert.True(Reader.FindElement(By.Id("feedback-thanks")).Displayed);
        Assert.Contains("Thank you", Reader.FindElement(By.Id("feedback-thanks")).Text, StringComparison.Ordinal);

        // The thank-you takes focus as the page loads, with no script of the site's own.
        browser.Go(Explainer + "?thanks=1#feedback-thanks");
        Assert.Equal("feedback-thanks", Reviewer.SwitchTo().ActiveElement().GetAttribute("id"));

        // A bot fills in every field, the hidden one too: thanked like anyone, and nothing is kept.
        var botText = $"Buy pills {marker}";
        Assert.Equal(HttpStatusCode.Redirect, PostAsBot(botText).GetAwaiter().GetResult());

        // The reviewer sees the reader's words as text: the script in them never runs.
        browser.SignIn();
        browser.Go("/review/feedback");
        var entry = Reviewer.FindElements(By.CssSelector(".feedback-list > li")).Single(li => li.Text.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(hostile, entry.FindElement(By.CssSelector(".reader-text")).Text);
        Assert.Empty(entry.FindElements(By.CssSelector(".reader-text img, .reader-text script")));
        Assert.NotEqual("owned", Reviewer.Title);
        Assert.DoesNotContain(botText, Reviewer.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        browser.Go("/review");
        Assert.NotEqual("owned", Reviewer.Title);
        Assert.Contains(Reviewer.FindElements(By.CssSelector("#waiting ~ .feedback-list .reader-text")), p => p.Text == hostile);

        // Handled with a note, it leaves the waiting list and the focus lands on the confirmation.
        browser.Go("/review/feedback");
        entry = Reviewer.FindElements(By.CssSelector(".feedback-list > li")).Single(li => li.Text.Contains(marker, StringComparison.Ordinal));
        browser.LoadsNewPage(() => entry.FindElement(By.CssSelector("h3 a")).Click());
        Assert.Contains("owned", Reviewer.FindElement(By.CssSelector(".reader-text")).Text, StringComparison.Ordinal);
        Reviewer.FindElement(By.Id("Input_Note")).SendKeys($"Checked {marker}: the dose is right; the reader misread the table.");
        browser.LoadsNewPage(() => Reviewer.FindElement(By.CssSelector("main form button[type=submit]")).Click());
        Assert.Contains("/review/feedback?handled=", Reviewer.Url, StringComparison.Ordinal);
        Assert.Equal("handled", Reviewer.SwitchTo().ActiveElement().GetAttribute("id"));
        Assert.DoesNotContain(marker, Reviewer.FindElement(By.CssSelector("ul.feedback-list")).Text, StringComparison.Ordinal);
        browser.Go("/review/feedback?show=handled");
        Assert.Contains($"Checked {marker}", Reviewer.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);

        // A burst from one client meets the limit: "Too many attempts", and the page says how long to wait.
        var sent = 0;
        while (sent <= BrowserSite.FeedbackPermitLimit && Reader.FindElements(By.XPath("//h1[.='Too many attempts']")).Count == 0)
        {
            Reader.Navigate().GoToUrl(browser.BaseUrl + "/feedback/explainers/mrna-technology?helpful=yes");
            ReaderClicks(Reader.FindElement(By.CssSelector("main form button[type=submit]")));
            sent++;
        }

        Assert.Equal("Too many attempts", Reader.FindElement(By.TagName("h1")).Text);
        Assert.Contains("minutes before you try again", Reader.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Assert.True(sent <= BrowserSite.FeedbackPermitLimit - 1, $"The limit came after {sent} more forms.");
    });

    /// <summary>A bot: no browser, just the form's fields, each filled in, from the same machine.</summary>
    private async Task<HttpStatusCode> PostAsBot(string text)
    {
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == browser.CertificateHash,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(browser.BaseUrl) };
        var form = new Uri("/feedback/explainers/gene-therapy-explained", UriKind.Relative);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(form));
        var fields = page.QuerySelectorAll("main form input[name], main form textarea[name]")
            .GroupBy(i => i.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.Key switch
            {
                "__RequestVerificationToken" => g.First().GetAttribute("value")!,
                "Input.Helpful" => "no",
                "Input.Report" => "true",
                _ => text,
            });
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(form, content);
        return response.StatusCode;
    }
}
