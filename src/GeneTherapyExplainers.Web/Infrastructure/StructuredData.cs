using System.Text.Encodings.Web;
using System.Text.Json;
using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// schema.org JSON-LD for search engines. Serialized with an encoder that escapes &lt;, &gt; and &amp;, so no value
/// can close the script element it is written into.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Explainer(Explainer e, ExplainerEditorial editorial, SiteUrls urls)
    {
        var review = editorial.Review;
        return Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["@id"] = urls.Absolute(SitePaths.Explainer(e.Slug)),
            ["url"] = urls.Absolute(SitePaths.Explainer(e.Slug)),
            ["headline"] = e.Title,
            ["name"] = e.Title,
            ["description"] = e.Summary,
            ["inLanguage"] = "en",
            ["author"] = editorial.Author is { } author ? Person(author, urls) : null,
            // Only a recorded review names a reviewer: a reviewer named in front matter has not necessarily reviewed yet.
            ["reviewedBy"] = editorial.LastReview?.Reviewer is { } reviewer ? Person(reviewer, urls) : null,
            ["lastReviewed"] = review.Last?.ReviewedOn.ToString("yyyy-MM-dd", Format.Culture),
            ["datePublished"] = review.PublishedOn(e).ToString("yyyy-MM-dd", Format.Culture),
            // The last change of the text itself; a review is lastReviewed, not a modification.
            ["dateModified"] = editorial.LastChange(e).UtcDateTime.ToString("yyyy-MM-dd", Format.Culture),
            ["publisher"] = Publisher(urls),
            ["audience"] = new Dictionary<string, object?> { ["@type"] = "MedicalAudience", ["audienceType"] = "Patient" },
            ["about"] = new Dictionary<string, object?> { ["@type"] = "MedicalTherapy", ["name"] = e.Title },
            ["publishingPrinciples"] = urls.Absolute(SitePaths.EditorialStandards),
            ["mentions"] = e.KeyTerms.Select(t => Term(t, urls)).ToList(),
        });
    }

    public static string Glossary(IReadOnlyList<GlossaryTerm> terms, SiteUrls urls) => Serialize(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "DefinedTermSet",
        ["@id"] = urls.Absolute(SitePaths.Glossary),
        ["name"] = "Glossary of key terms",
        ["url"] = urls.Absolute(SitePaths.Glossary),
        ["hasDefinedTerm"] = terms.Select(t => Term(t, urls)).ToList(),
    });

    public static string GlossaryTerm(GlossaryTerm term, SiteUrls urls)
    {
        var defined = Term(term, urls);
        defined["@context"] = "https://schema.org";
        defined["inDefinedTermSet"] = urls.Absolute(SitePaths.Glossary);
        return Serialize(defined);
    }

    public static string Profile(Data.Entities.Person person, SiteUrls urls) => Serialize(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "ProfilePage",
        ["url"] = urls.Absolute(SitePaths.Person(person.Key)),
        ["mainEntity"] = new Dictionary<string, object?>
        {
            ["@type"] = "Person",
            ["name"] = person.Name,
            ["honorificPrefix"] = person.Honorific,
            ["jobTitle"] = person.RoleTitles.Count > 0 ? string.Join(", ", person.RoleTitles) : null,
            ["description"] = person.Bio,
            ["affiliation"] = person.Affiliations.Select(a => new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = a }).ToList(),
            ["url"] = urls.Absolute(SitePaths.Person(person.Key)),
        },
    });

    private static Dictionary<string, object?> Person(Data.Entities.Person person, SiteUrls urls) => new()
    {
        ["@type"] = "Person",
        ["name"] = person.DisplayName,
        ["url"] = urls.Absolute(SitePaths.Person(person.Key)),
    };

    private static Dictionary<string, object?> Term(GlossaryTerm term, SiteUrls urls) => new()
    {
        ["@type"] = "DefinedTerm",
        ["name"] = term.Term,
        ["description"] = term.Definition,
        ["url"] = urls.Absolute(SitePaths.Term(term.Key)),
        ["alternateName"] = term.Aliases.Count > 0 ? term.Aliases.ToList() : null,
    };

    private static Dictionary<string, object?> Publisher(SiteUrls urls) => new()
    {
        ["@type"] = "Organization",
        ["name"] = "Gene Therapy Explainers",
        ["url"] = urls.Absolute("/"),
    };

    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json);
}
