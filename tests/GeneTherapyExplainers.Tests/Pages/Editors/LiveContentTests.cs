using System.Net;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Editors;

/// <summary>Files written while the site runs: the site changes with them, without a restart.</summary>
public class LiveContentTests
{
    private static string Page(string title, string body = "Plain words.", string extra = "") =>
        $"---\ntitle: {title}\nsummary: A summary.\ncategory: Tests\n{extra}---\n\n{body}\n";

    [Fact]
    public async Task AFileWrittenWhileTheSiteRunsAppearsWithoutARestart()
    {
        using var content = new TempContent();
        content.Write("explainers/first.md", Page("First"));
        using var site = new SiteFactory(content.Root);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync("/explainers/added-later")).Response.StatusCode);

        content.Write("explainers/added-later.md", Page("Added later"));
        await Eventually.Until(async () => (await site.GetPageAsync("/explainers/added-later")).Response.StatusCode, s => s == HttpStatusCode.OK);

        content.Write("explainers/added-later.md", Page("Added and changed"));
        await Eventually.Until(async () => (await site.GetPageAsync("/explainers/added-later")).Document.Text("h1"), t => t == "Added and changed");

        File.Move(Path.Combine(content.Root, "explainers/added-later.md"), Path.Combine(content.Root, "explainers/renamed.md"));
        await Eventually.Until(async () => (await site.GetPageAsync("/explainers/renamed")).Response.StatusCode, s => s == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync("/explainers/added-later")).Response.StatusCode);

        File.Delete(Path.Combine(content.Root, "explainers/renamed.md"));
        await Eventually.Until(async () => (await site.GetPageAsync("/explainers/renamed")).Response.StatusCode, s => s == HttpStatusCode.NotFound);

        content.Term("vector", "Vector", "A carrier.");
        await Eventually.Until(async () => (await site.GetPageAsync("/glossary/vector")).Response.StatusCode, s => s == HttpStatusCode.OK);
    }

    [Fact]
    public async Task ABrokenEditKeepsTheLastGoodVersionOnlineUntilItIsFixed()
    {
        using var content = new TempContent();
        content.Write("explainers/page.md", Page("Good version"));
        using var site = new SiteFactory(content.Root);
        var provider = site.Services.GetRequiredService<ContentCatalogProvider>();

        content.Write("explainers/page.md", "---\ntitle: Broken version\nsumary: typo\n---\n\nText.\n");
        content.Write("explainers/new-and-broken.md", "---\ntitle: [\n---\n");
        await Eventually.Until(() => Task.FromResult(provider.Current.Problems.Count(p => p.Path == "explainers/page.md" && p.Severity == ProblemSeverity.Error)), n => n >= 1);

        var (response, doc) = await site.GetPageAsync("/explainers/page");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Good version", doc.Text("h1"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync("/explainers/new-and-broken")).Response.StatusCode);
        Assert.Equal(["explainers/page.md"], provider.Current.KeptOnline);
        Assert.DoesNotContain(provider.Current.Problems, p => p.Message.Contains("last good version", StringComparison.Ordinal));

        content.Write("explainers/page.md", Page("Fixed version"));
        await Eventually.Until(async () => (await site.GetPageAsync("/explainers/page")).Document.Text("h1"), t => t == "Fixed version");
    }

    [Fact]
    public async Task ABurstOfSavesCausesOneRebuild()
    {
        using var content = new TempContent();
        content.Write("explainers/start.md", Page("Start"));
        using var site = new SiteFactory(content.Root);
        var provider = site.Services.GetRequiredService<ContentCatalogProvider>();
        _ = site.Server;
        var before = provider.Builds;

        for (var i = 0; i < 20; i++)
        {
            content.Write($"explainers/burst-{i}.md", Page($"Burst {i}"));
        }

        await Eventually.Until(() => Task.FromResult(provider.Current.Published.Count), n => n == 21);
        await Task.Delay(1000);
        Assert.Equal(before + 1, provider.Builds);
    }
}
