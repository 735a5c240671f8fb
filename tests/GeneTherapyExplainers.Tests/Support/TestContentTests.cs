using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Web.Data;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>
/// The small content the tests run on (<see cref="RepositoryPaths.Content"/>) loads cleanly under the shipped rules and
/// holds something of each kind the page tests look at, so a test that finds nothing fails here first, saying what is
/// missing, rather than passing on nothing.
/// </summary>
public class TestContentTests
{
    [Fact]
    public void TheTestContentLoadsWithoutAProblemUnderTheShippedRules()
    {
        var catalog = ContentLoader.Load(RepositoryPaths.Content);
        Assert.True(catalog.Problems.Count == 0, string.Join('\n', catalog.Problems.Select(p => $"{p.Path}:{p.Line}: {p.Message}")));
        Assert.All(catalog.Published, e => Assert.True(e.Readability.FleschKincaidGrade <= new ContentOptions().ReadabilityTargetGrade, e.Slug));
    }

    [Fact]
    public void TheTestContentHoldsEachKindOfThingThePagesShow()
    {
        var catalog = ContentLoader.Load(RepositoryPaths.Content);
        var published = catalog.Published;
        Assert.InRange(published.Count, 4, 8);
        Assert.True(published.Select(e => e.Category).Distinct().Count() >= 3, "three categories");
        Assert.True(published.GroupBy(e => e.Series).Any(g => g.Key is not null && g.Count() >= 3), "a series of three or more");
        Assert.All(published, e => Assert.NotEmpty(e.KeyPoints));
        Assert.All(published, e => Assert.NotEmpty(e.KeyTerms));
        Assert.Contains(published, e => e.AuthorKey is not null && e.MedicalReviewerKey is not null && e.TechnicalReviewerKey is not null);
        Assert.Contains(published, e => e.RelatedKeys.Count >= 3);
        Assert.Contains(published, e => e.Published is not null);
        Assert.Contains(published, e => e.BodyHtml.Contains("href=\"/explainers/", StringComparison.Ordinal));
        var picture = Assert.Single(published, e => e.Infographic is not null).Infographic!;
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Content, "media", picture.Image)), picture.Image);
        Assert.InRange(catalog.Glossary.Count, 10, 20);
        Assert.NotEmpty(catalog.Synonyms.Spellings);
        Assert.NotEmpty(catalog.Synonyms.Phrases);

        var (people, items) = StoreSeeder.Keys(RepositoryPaths.Content);
        Assert.All(published.SelectMany(e => new[] { e.AuthorKey, e.MedicalReviewerKey, e.TechnicalReviewerKey }).OfType<string>(), key => Assert.Contains(key, people));
        Assert.All(published.SelectMany(e => e.RelatedKeys), key => Assert.Contains(key, items));
    }
}
