using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;
using Microsoft.Extensions.Time.Testing;

namespace GeneTherapyExplainers.Tests.Pages.Editors;

/// <summary>
/// The content health page of a running site after an editor adds a glossary term that takes a word another term has:
/// the new file is blamed, first on the page, with counts and links at the top; the site says when it picked the change
/// up; and <c>validate</c> reports exactly the same problems.
/// </summary>
public class ContentHealthTests
{
    private const string Editor = "health-editor@example.org";

    [Fact]
    public async Task AnAddedTermThatTakesAWordIsBlamedFirstOnTheHealthPageAndValidateSaysTheSame()
    {
        using var content = new TempContent();
        var started = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        content.Term("gene-editing", "Gene editing", "A way to change DNA at one spot.", "genome editing", "CRISPR")
            .Stamp("glossary/gene-editing.md", started.UtcDateTime.AddDays(-30));
        content.Write("explainers/editing.md", "---\ntitle: Editing\nsummary: A short plain line.\ncategory: Tests\nkeyTerms: [gene-editing]\n"
            + "sources:\n  - title: One\n    publisher: P\n    url: https://example.org/1\n  - title: Two\n    publisher: P\n    url: https://example.org/2\n"
            + "  - title: Three\n    publisher: P\n    url: https://example.org/3\n---\n\nGene editing changes one spot. See [the word](/glossary/gene-editing).\n");
        var clock = new FakeTimeProvider(started);
        using var site = new SiteFactory(content.Root) { Clock = clock, Settings = { ["Accounts:SignInPermitLimit"] = "10000" } };
        await site.AddUserAsync(Editor, "Editor", Session.Password);
        using var session = site.NewSession();
        await session.SignInAsync(Editor);
        var (_, before) = await session.GetAsync("/editors/content-health");
        Assert.Equal("None: every file loads.", before.Text(".no-errors"));

        clock.Advance(TimeSpan.FromMinutes(5));
        content.Term("crispr", "CRISPR", "A tool that finds one place in DNA.");
        var (response, doc) = await Eventually.Until(
            () => session.GetAsync("/editors/content-health"), page => page.Document.QuerySelector("ul.error-files") is not null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = doc.QuerySelectorAll("table.health tbody tr").ToList();
        Assert.Equal("glossary/crispr.md", rows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("Errors", rows[0].QuerySelector(".state")!.TextContent);
        Assert.All(rows.Skip(1), r => Assert.Equal("OK", r.QuerySelector(".state")!.TextContent));
        var problem = Assert.Single(rows[0].QuerySelectorAll("li"));
        Assert.StartsWith("2:", problem.TextContent, StringComparison.Ordinal);
        Assert.Contains("already a term or alias in glossary/gene-editing.md", problem.TextContent, StringComparison.Ordinal);

        var link = Assert.Single(doc.QuerySelectorAll("ul.error-files a"));
        Assert.Equal("#" + rows[0].Id, link.GetAttribute("href"));
        Assert.Contains("1 with errors (1 error)", doc.Text("ul.summary-counts"), StringComparison.Ordinal);
        Assert.DoesNotContain("Catalog built", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(started.AddMinutes(5).UtcDateTime, DateTime.Parse(doc.Find(".last-change time").GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.RoundtripKind));
        Assert.Contains("less than a minute ago", doc.Text(".last-change"), StringComparison.Ordinal);

        using var output = new StringWriter();
        ValidateCommand.Run(["validate", content.Root], output, new StringWriter());
        var validated = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1];
        var shown = rows.SelectMany(r => r.QuerySelectorAll("li").Select(li => $"{r.QuerySelector("th")!.TextContent.Trim()}:{li.TextContent.Split(' ')[0]}"));
        Assert.Equal(shown, validated.Select(l => string.Join(':', l.Split(':').Take(3))));
    }
}
