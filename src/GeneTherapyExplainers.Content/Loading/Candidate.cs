using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>A link in a file to another explainer or glossary term, checked once every file is known.</summary>
internal sealed record InternalLink(string Kind, string Key, string Url, int Line, int Column);

/// <summary>
/// One file parsed on its own: the explainer or term when it has no errors of its own, its problems, its links to other
/// pages, what it needs from other files (<c>term:key</c>, <c>media:name</c>), and an explainer's text by section for search.
/// </summary>
internal sealed record Candidate(
    object? Item,
    IReadOnlyList<ContentProblem> Problems,
    IReadOnlyList<InternalLink> Links,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<Section>? Sections)
{
    public static Candidate Failed(IReadOnlyList<ContentProblem> problems, IReadOnlyList<InternalLink>? links = null, IReadOnlyList<string>? dependencies = null) =>
        new(null, problems, links ?? [], dependencies ?? [], null);
}
