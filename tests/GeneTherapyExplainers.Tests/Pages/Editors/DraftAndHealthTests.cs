using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Editors;

public sealed class DraftSiteFixture : IAsyncLifetime, IDisposable
{
    public const string Editor = "editor@example.org";
    private readonly TempContent content = BrokenContent.Create();

    public DraftSiteFixture()
    {
        content.Write("explainers/secret-draft.md", "---\ntitle: Secret draft\nsummary: Not ready.\ncategory: Tests\ndraft: true\n---\n\nWork in progress about genes.\n");
        Site = new SiteFactory(content.Root) { Settings = { ["Accounts:SignInPermitLimit"] = "10000", ["Content:MinimumSources"] = "3" } };
    }

    public SiteFactory Site { get; }

    public async Task InitializeAsync() => await Site.AddUserAsync(Editor, "Editor", Session.Password);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Site.Dispose();
        content.Dispose();
    }
}

public class DraftAndHealthTests(DraftSiteFixture fixture) : IClassFixture<DraftSiteFixture>
{
    [Fact]
    public async Task ADraftIsOnNoPublicPageOrList()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.GetPageAsync("/explainers/secret-draft")).Response.StatusCode);
        foreach (var url in new[] { "/", "/explainers", "/glossary/gene" })
        {
            var (_, doc) = await fixture.Site.GetPageAsync(url);
            Assert.DoesNotContain("Secret draft", doc.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEditorPreviewsADraftWithABanner()
    {
        using var session = fixture.Site.NewSession();
        await session.SignInAsync(DraftSiteFixture.Editor);
        var (response, doc) = await session.GetAsync("/editors/preview/secret-draft");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Secret draft", doc.Text("h1"));
        Assert.Contains("Draft.", doc.Text(".draft-banner"), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task AnonymousVisitorsCannotPreviewOrSeeContentHealth()
    {
        using var session = fixture.Site.NewSession();
        foreach (var url in new[] { "/editors/preview/secret-draft", "/editors/content-health" })
        {
            var (response, _) = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ContentHealthListsEveryFileWithItsErrorsAndWarnings()
    {
        using var session = fixture.Site.NewSession();
        await session.SignInAsync(DraftSiteFixture.Editor);
        var (response, doc) = await session.GetAsync("/editors/content-health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = doc.QuerySelectorAll("table.health tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("OK", rows["explainers/good.md"].QuerySelector(".state")!.TextContent);
        Assert.Equal("Errors", rows["explainers/empty.md"].QuerySelector(".state")!.TextContent);
        Assert.Equal("Warnings", rows["explainers/term-unused.md"].QuerySelector(".state")!.TextContent);
        foreach (var expected in BrokenContent.Problems)
        {
            var items = rows[expected.Path].QuerySelectorAll("li").Select(li => li.TextContent).ToList();
            Assert.Contains(items, i => i.StartsWith($"{expected.Line}:", StringComparison.Ordinal) && i.Contains(expected.Fragment, StringComparison.Ordinal));
        }

        var grade = doc.QuerySelectorAll("table.readability tbody tr").First(r => r.QuerySelector("th a")!.TextContent == "Good");
        Assert.NotNull(grade.QuerySelector("td.grade"));
    }
}
