using GeneTherapyExplainers.Tests.Support;
using OpenQA.Selenium;

namespace GeneTherapyExplainers.BrowserTests;

[Collection(BrowserGroup.Name)]
public class AccessibilityTests(BrowserSite browser)
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "home", "/", false },
        { "explainers", "/explainers", false },
        { "explainers-topic", "/explainers?category=advanced-therapy", false },
        { "review-history", "/explainers/gene-therapy-explained/reviews", false },
        { "page-history", "/explainers/" + BrowserSite.ChangedSinceReview + "/history", false },
        { "explainer-changed-since-review", "/explainers/" + BrowserSite.ChangedSinceReview, false },
        { "explainer", "/explainers/gene-therapy-explained", false },
        { "explainer-short", "/explainers/what-is-gene-therapy", false },
        { "glossary", "/glossary", false },
        { "glossary-term", "/glossary/aav", false },
        { "profile", "/people/guoping-feng", false },
        { "editorial-standards", "/editorial-standards", false },
        { "privacy", "/privacy", false },
        { "about", "/about", false },
        { "contact", "/contact", false },
        { "accessibility", "/accessibility", false },
        { "profile-host", "/people/ron-kleiman", false },
        { "explainer-thanks", "/explainers/gene-therapy-explained?thanks=1", false },
        { "feedback", "/feedback/explainers/gene-therapy-explained?helpful=no", false },
        { "feedback-report", "/feedback/glossary/aav?report=true", false },
        { "search-results", "/search?q=gene+therapy", false },
        { "search-none", "/search?q=zzzzqqq", false },
        { "not-found", "/explainers/no-such-page", false },
        { "sign-in", "/account/sign-in", false },
        { "dashboard", "/review", true },
        { "review-explainer", "/review/explainers/gene-therapy-explained", true },
        { "review-changes", "/review/explainers/" + BrowserSite.ChangedSinceReview, true },
        { "review-related", "/review/explainers/what-is-gene-therapy/related", true },
        { "review-items", "/review/related", true },
        { "review-item", "/review/related/feng-shank3-interview", true },
        { "review-people", "/review/people", true },
        { "review-person", "/review/people/achi-anagas", true },
        { "audit", "/review/audit", true },
        { "review-feedback", "/review/feedback", true },
        { "review-feedback-handled", "/review/feedback?show=handled", true },
        { "review-feedback-item", "/review/feedback/" + BrowserSite.SampleFeedbackId, true },
        { "review-feedback-item-handled", "/review/feedback/2", true },
        { "account", "/account", true },
        { "content-health", "/editors/content-health", true },
        { "draft-preview", "/editors/preview/draft-page", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryPageTypePassesWcag22AaInLightAndDarkAndAt320Pixels(string name, string path, bool signedIn) => browser.Run("axe-" + name, () =>
    {
        if (signedIn)
        {
            browser.SignIn();
        }

        var failures = new List<string>();
        foreach (var (mode, dark, narrow) in new[] { ("light", false, false), ("dark", true, false), ("320px", false, true) })
        {
            browser.EmulateMedia(("prefers-color-scheme", dark ? "dark" : "light"));
            if (narrow)
            {
                // A small phone: 320 CSS pixels wide, with a touch screen (so key-term definitions show inline).
                browser.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
                {
                    ["width"] = 320, ["height"] = 800, ["deviceScaleFactor"] = 1, ["mobile"] = true,
                });
                browser.EmulateTouch(true);
            }

            try
            {
                browser.Go(path);
                failures.AddRange(Axe.Violations(browser.Driver).Select(v => $"{mode}: {v}"));
                if (narrow)
                {
                    var overflow = (string)((IJavaScriptExecutor)browser.Driver).ExecuteScript(
                        "return document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth;")!;
                    var parts = overflow.Split(" > ");
                    if (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))
                    {
                        failures.Add($"320px: the page scrolls sideways ({overflow})");
                    }
                }
            }
            finally
            {
                browser.Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
                browser.EmulateTouch(false);
                browser.EmulateMedia();
            }

            TestSummary.Write($"axe-core: checked {name} ({path}) in {mode}.");
        }

        Assert.True(failures.Count == 0, $"{path}:\n" + string.Join('\n', failures));
    });
}
