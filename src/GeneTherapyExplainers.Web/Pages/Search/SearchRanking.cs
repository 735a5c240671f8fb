using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Web.Pages.Search;

/// <summary>
/// Puts search results in order, one row per page. First come pages whose title is the query, or holds all its words,
/// as typed, then as the synonym list reads it ("hemophilia" is the title "Haemophilia", "insurance" finds "Paying for
/// gene therapy"); then rows holding every word of a reading before rows found only through a term's other names; then
/// rows whose page title and section heading together hold the words ("gene therapy side effects" is the section "The
/// risks" of a gene therapy page); then FTS5's bm25 score. Each page is shown by its best row.
/// </summary>
internal static class SearchRanking
{
    public static IReadOnlyList<SearchHit> Order(IEnumerable<SearchHit> hits, string query, SynonymList synonyms, int limit)
    {
        var typed = TextStatistics.Words(query).Select(w => w.ToLowerInvariant()).ToList();
        var readings = QueryExpansion.Readings(query, synonyms).Select(r => QueryExpansion.SiteSpelling(r, synonyms)).ToList();
        return [.. hits
            .Select(h => (Hit: h, Typed: TitleMatch(h.Title, typed), Title: readings.Max(r => TitleMatch(h.Title, r)),
                Heading: readings.Max(r => TitleMatch(h.Title + " " + h.Section, r))))
            .OrderByDescending(x => x.Typed).ThenByDescending(x => x.Title).ThenBy(x => x.Hit.Tier).ThenByDescending(x => x.Heading).ThenBy(x => x.Hit.Score)
            .GroupBy(x => x.Hit.Url.Split('#')[0]).Select(g => g.First().Hit)
            .Take(limit)];
    }

    /// <summary>
    /// 3 when the title is exactly the words, 2 when it is the same words but for plurals, 1 when every word starts a word
    /// of the title (or is one of its words in the plural), else 0.
    /// </summary>
    internal static int TitleMatch(string title, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        var titleWords = TextStatistics.Words(title).Select(w => w.ToLowerInvariant()).ToList();
        if (titleWords.SequenceEqual(words))
        {
            return 3;
        }

        if (titleWords.Count == words.Count && titleWords.Zip(words).All(p => Stem(p.First) == Stem(p.Second)))
        {
            return 2;
        }

        return words.All(w => titleWords.Any(t => t.StartsWith(w, StringComparison.Ordinal) || Stem(t) == Stem(w))) ? 1 : 0;
    }

    /// <summary>A plural as its singular, roughly: "antibodies" → "antibody", "effects" → "effect".</summary>
    private static string Stem(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };
}
