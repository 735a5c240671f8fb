using GeneTherapyExplainers.Content.Markdown;

namespace GeneTherapyExplainers.Content.Model;

/// <summary>
/// The words readers use next to the words the site uses, from <c>content/synonyms.yml</c>: spellings of one word
/// ("haemophilia", "hemophilia"), everyday phrases with the site's words for them ("side effects" → "risks"), and
/// words that say nothing on their own in a question ("how", "does"). Search uses all three; the glossary linker uses
/// the spellings, so a term written in another spelling is still marked. Words are kept in lower case.
/// </summary>
public sealed class SynonymList
{
    private readonly Dictionary<string, string[]> spellingsOf = new(StringComparer.Ordinal);

    /// <param name="spellings">Groups of spellings of one word; the first is the site's own.</param>
    /// <param name="phrases">Each everyday phrase with the site's words for it.</param>
    /// <param name="ignore">Words left out of a search when other words remain.</param>
    public SynonymList(
        IEnumerable<IReadOnlyList<string>> spellings,
        IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> phrases,
        IEnumerable<string> ignore)
    {
        Spellings = [.. spellings.Select(g => (IReadOnlyList<string>)[.. g.Select(Normalize)])];
        foreach (var group in Spellings)
        {
            foreach (var word in group)
            {
                spellingsOf[word] = [.. group];
            }
        }

        Phrases = [.. phrases.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(Normalize(p.Key), [.. p.Value.Select(Normalize)]))];
        Ignored = new HashSet<string>(ignore.Select(Normalize), StringComparer.Ordinal);
    }

    /// <summary>No synonyms: what there is without a synonyms file.</summary>
    public static SynonymList Empty { get; } = new([], [], []);

    public IReadOnlyList<IReadOnlyList<string>> Spellings { get; }

    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Phrases { get; }

    public IReadOnlySet<string> Ignored { get; }

    /// <summary>Every spelling of a word, itself first; just the word when it has no others.</summary>
    public IReadOnlyList<string> SpellingsOf(string word)
    {
        var lower = word.ToLowerInvariant();
        return spellingsOf.TryGetValue(lower, out var group) ? [lower, .. group.Where(w => w != lower)] : [lower];
    }

    /// <summary>The site's own spelling of a word (the first of its group), in lower case.</summary>
    public string SiteSpelling(string word)
    {
        var lower = word.ToLowerInvariant();
        return spellingsOf.TryGetValue(lower, out var group) ? group[0] : lower;
    }

    /// <summary>
    /// The phrase in every combination of its words' spellings, itself first ("beta thalassaemia", "beta thalassemia").
    /// Capped, so a phrase of many words with many spellings stays a handful.
    /// </summary>
    public IReadOnlyList<string> SpellingsOfPhrase(string phrase)
    {
        var words = TextStatistics.Words(phrase).ToList();
        if (words.Count == 0 || !words.Any(w => spellingsOf.ContainsKey(w.ToLowerInvariant())))
        {
            return [phrase];
        }

        var results = new List<string> { phrase };
        IEnumerable<string> combinations = [""];
        foreach (var word in words)
        {
            var options = SpellingsOf(word);
            combinations = [.. combinations.SelectMany(c => options.Select(o => c.Length == 0 ? o : c + " " + o)).Take(16)];
        }

        results.AddRange(combinations.Where(c => !string.Equals(c, string.Join(' ', words), StringComparison.OrdinalIgnoreCase)));
        return results;
    }

    /// <summary>Lower case, with single spaces between words: the form every word and phrase is compared in.</summary>
    public static string Normalize(string phrase) =>
        string.Join(' ', TextStatistics.Words(phrase.Replace('’', '\''))).ToLowerInvariant();
}
