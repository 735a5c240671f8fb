using GeneTherapyExplainers.Web.Data.Entities;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

/// <summary>
/// What a related interview or article without a link says instead: where it was published, as its source names it,
/// so the card reads as complete rather than broken.
/// </summary>
public static class RelatedWhere
{
    public static string Describe(RelatedItem item)
    {
        var host = item.People.FirstOrDefault(p => p.Role == RelatedItemRole.Host)?.Person?.DisplayName;
        var what = item.Kind switch
        {
            RelatedItemKind.VideoInterview => "interview",
            RelatedItemKind.Analysis => "analysis",
            _ => "article",
        };
        return (item.Series, item.Source) switch
        {
            ({ } series, _) => $"Published in {series}{(host is null ? "" : ", hosted by " + host)}. We have no link to this {what} yet: search for its title in {series}.",
            (null, { } source) => $"We have no link to this {what} yet: search for its title together with its source, {source}.",
            _ => $"We have no link to this {what} yet.",
        };
    }
}
