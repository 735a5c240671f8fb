using System.Text.RegularExpressions;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>How hard a text is to read: words, sentences and the two Flesch measures.</summary>
/// <param name="Words">Words in the text.</param>
/// <param name="Sentences">Sentences in the text.</param>
/// <param name="Syllables">Syllables, estimated from the spelling.</param>
/// <param name="LongestSentences">The longest sentences, longest first.</param>
public sealed record ReadabilityReport(int Words, int Sentences, int Syllables, IReadOnlyList<string> LongestSentences)
{
    public double AverageSentenceLength => Sentences == 0 ? 0 : (double)Words / Sentences;

    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;

    /// <summary>Flesch–Kincaid grade level: the US school grade that can read the text; 6 is about age 11.</summary>
    public double FleschKincaidGrade => Words == 0 ? 0 : (0.39 * AverageSentenceLength) + (11.8 * SyllablesPerWord) - 15.59;

    /// <summary>Flesch reading ease: 0 to 100, higher is easier; 60–70 is plain English.</summary>
    public double FleschReadingEase => Words == 0 ? 100 : 206.835 - (1.015 * AverageSentenceLength) - (84.6 * SyllablesPerWord);
}

/// <summary>The project's own readability measures, so editors see the same numbers everywhere.</summary>
public static partial class Readability
{
    /// <summary>Measures blocks of text (paragraphs, list items); a block always ends a sentence.</summary>
    public static ReadabilityReport Measure(IEnumerable<string> blocks, int longest = 3)
    {
        var sentences = blocks.SelectMany(SplitSentences).ToList();
        var words = 0;
        var syllables = 0;
        var lengths = new List<(string Sentence, int Words)>();
        foreach (var sentence in sentences)
        {
            var inSentence = TextStatistics.Words(sentence).ToList();
            if (inSentence.Count == 0)
            {
                continue;
            }

            words += inSentence.Count;
            syllables += inSentence.Sum(CountSyllables);
            lengths.Add((sentence, inSentence.Count));
        }

        return new ReadabilityReport(words, lengths.Count, syllables,
            [.. lengths.OrderByDescending(l => l.Words).Take(longest).Select(l => l.Sentence)]);
    }

    /// <summary>Sentences end at ., ! or ? followed by a space and a capital, digit or quote, or at the end of the block.</summary>
    public static IEnumerable<string> SplitSentences(string block) =>
        SentenceEnd().Split(block.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>
    /// Syllables estimated from the spelling: groups of vowels, less a silent final "e" (but not "-le"), at least one.
    /// Numbers count as one syllable per digit group.
    /// </summary>
    public static int CountSyllables(string word)
    {
        var w = word.ToLowerInvariant().Trim('\'', '’');
        if (w.Length == 0)
        {
            return 0;
        }

        if (char.IsDigit(w[0]))
        {
            return 1;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        if (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
        {
            // "genes", "changed": the e is silent unless after t or d ("treated", "needed") or a sibilant ("causes").
            var stem = w[..^2];
            if (!(stem.EndsWith('t') || stem.EndsWith('d') || (w.EndsWith("es", StringComparison.Ordinal) && (stem.EndsWith('s') || stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal) || stem.EndsWith("ce", StringComparison.Ordinal) || stem.EndsWith("ge", StringComparison.Ordinal)))))
            {
                w = stem + (w.EndsWith("es", StringComparison.Ordinal) ? "e" : "");
            }
        }

        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (IsVowel(w[i]) && (i == 0 || !IsVowel(w[i - 1])))
            {
                count++;
            }
        }

        return Math.Max(1, count);
    }

    // Not after common abbreviations such as "Dr." or "e.g.".
    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|etc|e\.g|i\.e|approx|No|no|Fig|fig)\.)\s+(?=[""“‘'(\[]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
