using System.Net;
using System.Xml.Linq;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>The site on the shipped content and seed, started once for the tests below that need it.</summary>
public sealed class ShippedSiteFixture : IDisposable
{
    /// <summary>The site as it ships, with every content rule as shipped (test sites let explainers go without sources).</summary>
    public SiteFactory Site { get; } = new(RepositoryPaths.ShippedContent)
    {
        Settings = { ["Content:MinimumSources"] = new ContentOptions().MinimumSources.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// The content that ships with the site (content/), checked here and only here: every file loads and validates, every
/// explainer keeps the editorial rules (reading grade, sources, key terms), every link on its pages and every glossary
/// link leads somewhere, the seed loads and knows every person and item the explainers name, the pictures follow the
/// reader's colour scheme, every word the synonym list leads to is on the site, and each repeated fact is said one way.
/// The searches patients make are checked against it too (<c>Pages/Search/PatientQueryTests</c>). Every other test runs
/// on the small test content (<see cref="RepositoryPaths.Content"/>) or on files it writes, so editing an explainer
/// breaks nothing else.
/// </summary>
public class ShippedContentTests(ShippedSiteFixture fixture) : IClassFixture<ShippedSiteFixture>
{
    private static readonly string[] RuleWarnings = ["reading grade", "lists no sources", "lists no key terms"];

    [Fact]
    public void EveryShippedExplainerMeetsTheReadingGradeSourceAndKeyTermRules()
    {
        var options = new ContentOptions();
        var catalog = ContentLoader.Load(RepositoryPaths.ShippedContent, options);
        Assert.DoesNotContain(catalog.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.DoesNotContain(catalog.Problems, p => RuleWarnings.Any(w => p.Message.Contains(w, StringComparison.Ordinal)));
        Assert.True(catalog.Published.Count >= 12, "the site should carry at least twelve explainers");
        foreach (var e in catalog.Published)
        {
            Assert.True(e.Readability.FleschKincaidGrade <= options.ReadabilityTargetGrade, $"{e.Slug} reads at grade {e.Readability.FleschKincaidGrade:0.0}");
            Assert.True(Readability.Measure([e.Summary]).FleschKincaidGrade <= options.ReadabilityTargetGrade, $"the summary of {e.Slug} is too hard");
            Assert.True(e.Sources.Count >= 3, $"{e.Slug} has fewer than three sources");
            Assert.NotEmpty(e.KeyTerms);
            Assert.NotEmpty(e.KeyPoints);
        }
    }

    [Fact]
    public void EveryShippedContentFileLoadsWithoutAnError()
    {
        var catalog = ContentLoader.Load(RepositoryPaths.ShippedContent);
        Assert.Empty(catalog.Problems);
        Assert.True(catalog.Published.Count >= 4);
        Assert.True(catalog.Glossary.Count >= 25);
        foreach (var e in catalog.Published)
        {
            Assert.True(e.KeyPoints.Count > 0, $"{e.Slug} has no key points");
            Assert.True(e.Sources.Count >= 3, $"{e.Slug} has fewer than three sources");
        }
    }

    [Fact]
    public void TheShippedContentValidatesCleanly()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ValidateCommand.Run(["validate", RepositoryPaths.ShippedContent], output, error);
        Assert.Equal(0, code);
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task EveryLinkOnTheShippedPagesLeadsSomewhere()
    {
        var site = fixture.Site;
        var catalog = ContentLoader.Load(RepositoryPaths.ShippedContent);
        var pages = catalog.Published.Select(e => SitePaths.Explainer(e.Slug)).Concat(catalog.Glossary.Select(t => SitePaths.Term(t.Key))).ToList();

        // Glossary links in the text and in the definitions are among them; the home page, the lists and a search with
        // no result name key terms of their own.
        string[] siteLinks = ["/", "/explainers", "/glossary", "/search?q=xq"];
        var links = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages.Concat(siteLinks))
        {
            var (response, doc) = await site.GetPageAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {response.StatusCode}");
            links.UnionWith(doc.QuerySelectorAll("main a[href^='/'], main img[src^='/']")
                .Select(a => (a.GetAttribute("href") ?? a.GetAttribute("src"))!.Split('#')[0])
                .Where(href => href.Length > 0 && !pages.Contains(href)));
        }

        Assert.Contains(links, l => l.StartsWith("/media/", StringComparison.Ordinal));
        var broken = new List<string>();
        foreach (var link in links)
        {
            var (response, _) = await site.GetPageAsync(link);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                broken.Add(link);
            }
        }

        Assert.True(broken.Count == 0, "Links to nowhere on the shipped pages:\n" + string.Join('\n', broken));
    }

    [Fact]
    public async Task TheShippedSeedLoadsAndKnowsEveryPersonAndItemTheExplainersName()
    {
        var site = fixture.Site;
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync("/")).Response.StatusCode);
        var problems = site.Services.GetRequiredService<StoreProblems>().Current;
        Assert.True(problems.Count == 0, string.Join('\n', problems.Select(p => $"{p.Path}:{p.Line}: {p.Message}")));

        var published = ContentLoader.Load(RepositoryPaths.ShippedContent).Published.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
        var (people, items) = StoreSeeder.Keys(RepositoryPaths.ShippedContent);
        Assert.NotEmpty(people);
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            Assert.Equal(people.Order(StringComparer.Ordinal), (await db.People.Select(p => p.Key).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(items.Order(StringComparer.Ordinal), (await db.RelatedItems.Select(r => r.Key).ToListAsync()).Order(StringComparer.Ordinal));
            var reviews = await db.ReviewRecords.Where(r => r.RecordedBy == "seed").ToListAsync();
            Assert.NotEmpty(reviews);
            Assert.All(reviews, r => Assert.True(published.Contains(r.ExplainerSlug) && r.ReviewerId is not null, $"the seeded review of {r.ExplainerSlug}"));
            var schedules = await db.ExplainerSchedules.Where(s => s.SourcePage != null).Select(s => s.ExplainerSlug).ToListAsync();
            Assert.All(schedules, slug => Assert.Contains(slug, published));
        });
    }

    [Fact]
    public void EveryShippedInfographicTakesItsColoursFromTheReadersScheme()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.ShippedContent, "media"), "*.svg").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var svg = XDocument.Load(file);
            XNamespace ns = "http://www.w3.org/2000/svg";
            var style = svg.Descendants(ns + "style").Single().Value;
            Assert.Contains("prefers-color-scheme:dark", style.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            // Every painted shape is drawn from the scheme's colours: nothing keeps a fixed fill or stroke without a class.
            var painted = svg.Descendants().Where(e => e.Name.LocalName is "rect" or "path" or "line" or "circle" or "ellipse" or "polygon");
            Assert.All(painted, e => Assert.False(string.IsNullOrEmpty((string?)e.Attribute("class")), $"{Path.GetFileName(file)}: <{e.Name.LocalName}> has no class"));
        }
    }

    [Fact]
    public void EveryWordTheShippedSynonymListLeadsToIsOnTheSite()
    {
        var catalog = ContentLoader.Load(RepositoryPaths.ShippedContent);
        Assert.DoesNotContain(catalog.Problems, p => p.Path == "synonyms.yml");
        Assert.NotEmpty(catalog.Synonyms.Spellings);
        var text = string.Join(' ', catalog.All.Select(e => e.Title + " " + e.BodyHtml).Concat(catalog.Glossary.Select(t => t.Term + " " + string.Join(' ', t.Aliases) + " " + t.Definition + " " + t.ExplanationHtml)));
        var words = TextStatistics.Words(text).Select(w => w.ToLowerInvariant()).ToHashSet();
        var targets = catalog.Synonyms.Spellings.Select(g => g[0]).Concat(catalog.Synonyms.Phrases.SelectMany(p => p.Value).SelectMany(v => v.Split(' ')));
        Assert.All(targets, word => Assert.True(words.Contains(word) || words.Any(w => w.StartsWith(word, StringComparison.Ordinal)), $"'{word}' is not on the site"));
    }

    [Fact]
    public void TheReadingGradeTargetIsGradeSeven() => Assert.Equal(7, new ContentOptions().ReadabilityTargetGrade);

    [Fact]
    public void EveryRepeatedFactIsStatedTheSameWayOnEveryPage()
    {
        var statements = SiteFacts.Find(RepositoryPaths.ShippedContent);
        foreach (var fact in SiteFacts.All)
        {
            var stated = statements.Where(s => s.Fact == fact.Name).ToList();
            Assert.True(stated.Count > 0, $"No page states '{fact.Name}': update its pattern in SiteFacts, or remove it.");
            var values = stated.GroupBy(s => s.Value).ToList();
            Assert.True(values.Count == 1,
                $"'{fact.Name}' is stated {values.Count} ways:\n" + string.Join('\n', stated.Select(s => $"  {s.Value} in {s.Path}: {s.Sentence}")));
        }
    }

    [Fact]
    public void TheFactsThatMatterMostAreStatedOnMoreThanOnePage()
    {
        var statements = SiteFacts.Find(RepositoryPaths.ShippedContent);
        foreach (var fact in new[] { "Zolgensma dose for each kilogram of body weight", "Year the FDA first approved Casgevy", "Longest recommended follow-up after gene therapy", "Zolgensma UK list price" })
        {
            Assert.True(statements.Where(s => s.Fact == fact).Select(s => s.Path).Distinct().Count() >= 2, $"'{fact}' is on only one page");
        }
    }

    [Fact]
    public void AFactStatedTwoWaysOnTwoPagesIsCaught()
    {
        using var content = new TempContent();
        content.Write("glossary/one.md", "---\nterm: One\ndefinition: A term.\n---\n\nZolgensma has a UK list price of £1,795,000.\n");
        content.Write("glossary/two.md", "---\nterm: Two\ndefinition: A term.\n---\n\nIn the UK, Zolgensma is listed at £1,950,000.\n");
        var statements = SiteFacts.Find(content.Root).Where(s => s.Fact == "Zolgensma UK list price").ToList();
        Assert.Equal(["£1,795,000", "£1,950,000"], statements.Select(s => s.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(statements, s => s.Value == "£1,950,000" && s.Path == "glossary/two.md");
    }

    [Theory]
    [InlineData("The dose is 110 trillion vector genomes for each kilogram of Zolgensma.", "1.1E+14")]
    [InlineData("Zolgensma: 1.1 × 10¹⁴ vector genomes per kilogram.", "1.1E+14")]
    [InlineData("Zolgensma is given at 1.1 x 10^14 vg per kg.", "1.1E+14")]
    [InlineData("Zolgensma is given at 11 billion per kilogram.", "1.1E+10")]
    public void DoseNumbersAreComparedByValueNotByHowTheyAreWritten(string sentence, string expected)
    {
        using var content = new TempContent();
        content.Write("glossary/dose.md", $"---\nterm: Dose\ndefinition: An amount.\n---\n\n{sentence}\n");
        var statement = Assert.Single(SiteFacts.Find(content.Root), s => s.Fact == "Zolgensma dose for each kilogram of body weight");
        Assert.Equal(expected, statement.Value);
    }
}
