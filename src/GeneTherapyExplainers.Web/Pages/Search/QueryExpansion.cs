using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Web.Pages.Search;

/// <summary>
/// The ways a search can be read with the synonym list (<c>content/synonyms.yml</c>): the words as typed, then the same
/// words with each everyday phrase in them replaced by the site's words for it ("side effects" → "risks"). Words are
/// compared in the site's spelling, so a phrase matches however it is spelt. Search accepts a page that matches any
/// reading; the words to ignore ("how", "does") are left out of each reading unless nothing else is left.
/// </summary>
internal static class QueryExpansion
{
    /// <summary>At most this many readings, whatever the list holds.</summary>
    public const int MaxReadings = 8;

    /// <summary>The readings of a query, each a list of lower-case words; none when it has no words.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Readings(string? query, SynonymList synonyms)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length > SearchIndex.MaxQueryLength ? query[..SearchIndex.MaxQueryLength] : query;
        var words = TextStatistics.Words(text).Take(SearchIndex.MaxWords).Select(w => w.Replace('’', '\'').ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var readings = new List<IReadOnlyList<string>> { words };
        for (var i = 0; i < readings.Count && readings.Count < MaxReadings; i++)
        {
            foreach (var (phrase, meanings) in synonyms.Phrases)
            {
                var phraseWords = phrase.Split(' ');
                var at = IndexOf(readings[i], phraseWords, synonyms);
                if (at < 0)
                {
                    continue;
                }

                foreach (var meaning in meanings)
                {
                    List<string> reading = [.. readings[i].Take(at), .. meaning.Split(' '), .. readings[i].Skip(at + phraseWords.Length)];
                    if (readings.Count < MaxReadings && !readings.Any(r => r.SequenceEqual(reading)))
                    {
                        readings.Add(reading);
                    }
                }
            }
        }

        return readings;
    }

    /// <summary>The words that carry meaning: the reading without the ignored words, or all of it if nothing else is left.</summary>
    public static IReadOnlyList<string> Meaningful(IReadOnlyList<string> reading, SynonymList synonyms)
    {
        var kept = reading.Where(w => !synonyms.Ignored.Contains(w)).ToList();
        return kept.Count > 0 ? kept : reading;
    }

    /// <summary>The meaningful words in the site's spelling: what titles are compared with.</summary>
    public static IReadOnlyList<string> SiteSpelling(IReadOnlyList<string> reading, SynonymList synonyms) =>
        [.. Meaningful(reading, synonyms).Select(synonyms.SiteSpelling)];

    /// <summary>Whether the reading holds one of the phrases (normalized) as whole words, in any spelling.</summary>
    public static bool Contains(IReadOnlyList<string> reading, IEnumerable<string> phrases, SynonymList synonyms) =>
        phrases.Any(p => IndexOf(reading, p.Split(' '), synonyms) >= 0);

    /// <summary>The FTS5 expression for the readings of the query alone, each with all its words required; null when no word is left.</summary>
    public static string? Expression(string? query, SynonymList synonyms)
    {
        var readings = QueryExpansion.Readings(query, synonyms);
        return readings.Count == 0 ? null : string.Join(" OR ", readings
            .Select(r => "(" + string.Join(" AND ", QueryExpansion.Meaningful(r, synonyms).Select(w => Spellings(w, synonyms))) + ")")
            .Distinct(StringComparer.Ordinal));
    }

    /// <summary>A word in any of its spellings, each prefix-matched: <c>("hemophilia"* OR "haemophilia"*)</c>.</summary>
    private static string Spellings(string word, SynonymList synonyms)
    {
        var spellings = synonyms.SpellingsOf(word);
        return spellings.Count == 1 ? Quote(word) + "*" : "(" + string.Join(" OR ", spellings.Select(w => Quote(w) + "*")) + ")";
    }

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static int IndexOf(IReadOnlyList<string> words, string[] phrase, SynonymList synonyms)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var j = 0;
            while (j < phrase.Length && synonyms.SiteSpelling(words[i + j]) == synonyms.SiteSpelling(phrase[j]))
            {
                j++;
            }

            if (j == phrase.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
