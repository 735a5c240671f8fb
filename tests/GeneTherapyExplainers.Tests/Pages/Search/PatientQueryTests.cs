using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Pages.Search;

namespace GeneTherapyExplainers.Tests.Pages.Search;

/// <summary>The shipped content and synonym list (content/), indexed once for every query below: with ShippedContentTests, the checks of what ships.</summary>
public sealed class ShippedSearchFixture : IDisposable
{
    public ShippedSearchFixture()
    {
        var change = new CatalogBuilder(RepositoryPaths.ShippedContent).Build();
        Index = new SearchIndex(change, () => change.Catalog);
    }

    public SearchIndex Index { get; }

    public void Dispose() => Index.Dispose();
}

/// <summary>
/// Searches as patients and families type them, each with the page (explainer, section or glossary term) it should
/// find first. A query that stops finding its page first fails here, whether content, synonyms or ranking moved it.
/// </summary>
public class PatientQueryTests(ShippedSearchFixture fixture) : IClassFixture<ShippedSearchFixture>
{
    public static TheoryData<string, string> Queries => new()
    {
        // US and UK spellings
        { "hemophilia", "/glossary/haemophilia" },
        { "haemophilia", "/glossary/haemophilia" },
        { "hemophilia gene therapy", "/glossary/haemophilia" },
        { "thalassemia", "/glossary/beta-thalassaemia" },
        { "hemoglobin", "/glossary/haemoglobin" },
        { "genetic counseling", "/glossary/genetic-counselling" },
        { "neutralizing antibodies", "/glossary/neutralising-antibodies" },
        { "randomized trial", "/glossary/randomisation" },
        { "leukemia", "/explainers/car-t-cell-therapy" },
        // Everyday words for the site's words
        { "side effects", "/glossary/side-effect" },
        { "gene therapy side effects", "/explainers/what-treatment-involves#serious-risks-after-treatment" },
        { "CAR-T side effects", "/explainers/car-t-cell-therapy#the-risks" },
        { "is gene therapy safe", "/explainers/what-treatment-involves#serious-risks-after-treatment" },
        { "CRISPR", "/explainers/gene-editing" },
        { "crispr cas9", "/explainers/gene-editing" },
        { "cost", "/explainers/paying-for-gene-therapy#what-gene-therapies-cost" },
        { "how much does gene therapy cost", "/explainers/paying-for-gene-therapy" },
        { "price of zolgensma", "/explainers/paying-for-gene-therapy#what-gene-therapies-cost" },
        { "why is gene therapy so expensive", "/explainers/paying-for-gene-therapy" },
        { "insurance", "/explainers/paying-for-gene-therapy" },
        { "sickle cell anemia", "/glossary/sickle-cell-disease" },
        { "cytokine storm", "/glossary/cytokine-release-syndrome" },
        { "sugar pill", "/glossary/placebo" },
        { "questions to ask my doctor", "/explainers/questions-to-ask-your-care-team" },
        { "heart inflammation", "/glossary/myocarditis" },
        { "designer babies", "/glossary/germline" },
        { "fertility", "/explainers/gene-therapy-and-families#fertility-and-treatment" },
        { "pregnant", "/explainers/gene-therapy-and-families" },
        { "jab", "/glossary/vaccine" },
        { "sight loss", "/glossary/retina" },
        { "join a trial", "/explainers/clinical-trials" },
        { "licensed gene therapies", "/explainers/approved-gene-therapies" },
        // The site's own words, as patients type them
        { "what is gene therapy", "/explainers/what-is-gene-therapy" },
        { "SMA", "/glossary/spinal-muscular-atrophy" },
        { "DMD", "/glossary/duchenne-muscular-dystrophy" },
        { "Casgevy", "/explainers/gene-editing#casgevy-the-first-approved-gene-editing-medicine" },
        { "phases of a clinical trial", "/explainers/clinical-trials#the-phases-of-a-trial" },
        { "placebo", "/glossary/placebo" },
        { "chemo before treatment", "/explainers/what-treatment-involves#chemotherapy-before-stem-cell-treatments" },
        { "steroids liver", "/explainers/what-treatment-involves#steroids-and-the-liver" },
        { "messenger RNA", "/glossary/mrna" },
        { "adeno associated virus", "/glossary/aav" },
        { "is it passed on to my children", "/explainers/gene-therapy-and-families#why-treatment-is-not-passed-on" },
        { "long term follow up", "/glossary/long-term-follow-up" },
        { "which gene therapies are approved", "/explainers/approved-gene-therapies" },
        { "monoclonal antibody side effects", "/explainers/monoclonal-antibodies#side-effects" },
        { "blood cancer treatment", "/glossary/car-t" },
        { "edits in the wrong place", "/explainers/gene-editing#what-can-go-wrong" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void APatientQueryFindsItsPageFirst(string query, string expected)
    {
        // A page without a section named matches any row of that page; a section must be the one found.
        var hits = fixture.Index.Search(query);
        var first = hits.Count == 0 ? "" : expected.Contains('#', StringComparison.Ordinal) ? hits[0].Url : hits[0].Url.Split('#')[0];
        Assert.True(first == expected,
            $"“{query}” should find {expected} first; it found:\n" + string.Join('\n', hits.Take(5).Select(h => h.Url)));
    }

    [Fact]
    public void TheListHoldsAtLeastFortyQueries() => Assert.True(Queries.Count >= 40);
}
