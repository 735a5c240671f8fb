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
    public static ReadabilityReport Measure(IEnumerable<string> blocks, int longest = 3) => Measure(blocks, null, longest);

    /// <summary>
    /// Measures blocks of text, and hands each sentence with its block's index and its word count to
    /// <paramref name="eachSentence"/>, so a caller can judge sentences without splitting the text again.
    /// </summary>
    public static ReadabilityReport Measure(IEnumerable<string> blocks, Action<int, string, int>? eachSentence, int longest = 3)
    {
        var words = 0;
        var syllables = 0;
        var sentences = 0;
        // The longest sentences so far, longest first; the first of equals stays first.
        var longestSentences = new List<(string Sentence, int Words)>(longest + 1);
        var index = 0;
        foreach (var block in blocks)
        {
            foreach (var sentence in SplitSentences(block))
            {
                var (inSentence, sounds) = TextStatistics.CountWordsAndSyllables(sentence);
                if (inSentence == 0)
                {
                    continue;
                }

                words += inSentence;
                syllables += sounds;
                sentences++;
                eachSentence?.Invoke(index, sentence, inSentence);
                var at = longestSentences.FindIndex(l => l.Words < inSentence);
                if (at >= 0 || longestSentences.Count < longest)
                {
                    longestSentences.Insert(at >= 0 ? at : longestSentences.Count, (sentence, inSentence));
                    if (longestSentences.Count > longest)
                    {
                        longestSentences.RemoveAt(longest);
                    }
                }
            }

            index++;
        }

        return new ReadabilityReport(words, sentences, syllables, [.. longestSentences.Select(l => l.Sentence)]);
    }

    /// <summary>
    /// Sentences end at ., ! or ? followed by white space and a capital or digit (or a quote or bracket before one), but
    /// not after common abbreviations such as "Dr." or "e.g."; and at the end of the block.
    /// </summary>
    public static IReadOnlyList<string> SplitSentences(string block)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 1; i < block.Length; i++)
        {
            if (!char.IsWhiteSpace(block[i]) || block[i - 1] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var next = i;
            while (next < block.Length && char.IsWhiteSpace(block[next]))
            {
                next++;
            }

            if (StartsSentence(block, next) && !EndsAbbreviation(block, i - 1))
            {
                AddTrimmed(sentences, block.AsSpan(start, i - start));
                start = next;
            }

            i = next - 1;
        }

        AddTrimmed(sentences, block.AsSpan(start));
        return sentences;
    }

    private static bool StartsSentence(string text, int at) =>
        at < text.Length && (IsCapitalOrDigit(text[at])
            || (text[at] is '"' or '“' or '‘' or '\'' or '(' or '[' && at + 1 < text.Length && IsCapitalOrDigit(text[at + 1])));

    private static bool IsCapitalOrDigit(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    /// <summary>Whether the full stop at <paramref name="dot"/> ends an abbreviation (the longest, "approx.", is 7 characters).</summary>
    private static bool EndsAbbreviation(string text, int dot) =>
        text[dot] == '.' && Abbreviation().IsMatch(text.AsSpan(Math.Max(0, dot - 7), Math.Min(dot, 7) + 1));

    private static void AddTrimmed(List<string> sentences, ReadOnlySpan<char> sentence)
    {
        sentence = sentence.Trim();
        if (!sentence.IsEmpty)
        {
            sentences.Add(sentence.ToString());
        }
    }

    /// <summary>
    /// Syllables estimated from the spelling: groups of vowels, less a silent final "e" (but not "-le"), at least one.
    /// Numbers count as one syllable per digit group.
    /// </summary>
    public static int CountSyllables(string word) => CountSyllables(word.AsSpan());

    /// <summary>The same count for a word within a longer text, without copying it.</summary>
    public static int CountSyllables(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var length = word.ToLowerInvariant(buffer);
        ReadOnlySpan<char> w = buffer[..length].Trim(['\'', '’']);
        if (w.Length == 0)
        {
            return 0;
        }

        if (char.IsDigit(w[0]) || w.Length <= 3)
        {
            return 1;
        }

        if (w.EndsWith("es") || w.EndsWith("ed"))
        {
            // "genes", "changed": the e is silent unless after t or d ("treated", "needed") or a sibilant ("causes").
            var stem = w[..^2];
            var es = w.EndsWith("es");
            if (!(stem.EndsWith("t") || stem.EndsWith("d") || (es && (stem.EndsWith("s") || stem.EndsWith("x") || stem.EndsWith("z") || stem.EndsWith("ch") || stem.EndsWith("sh") || stem.EndsWith("ce") || stem.EndsWith("ge")))))
            {
                // The stem, plus the e of "es" (which the next rule may then drop).
                w = w[..(es ? w.Length - 1 : w.Length - 2)];
            }
        }

        if (w.EndsWith("e") && !w.EndsWith("le") && !w.EndsWith("ee"))
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

    // Abbreviations after which a full stop does not end a sentence, as a whole word, at the end of the text.
    [GeneratedRegex(@"\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|etc|e\.g|i\.e|approx|No|no|Fig|fig)\.\z")]
    private static partial Regex Abbreviation();

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
