using System.Text.RegularExpressions;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>Word counts and reading time from plain text.</summary>
public static partial class TextStatistics
{
    /// <summary>Words a minute for an unhurried adult reader of health information.</summary>
    public const int WordsPerMinute = 200;

    public static int CountWords(string text)
    {
        var count = 0;
        for (var at = 0; NextWord(text, ref at, out _);)
        {
            count++;
        }

        return count;
    }

    /// <summary>Words and their syllables (see <see cref="Readability.CountSyllables(string)"/>), in one pass without copying a word.</summary>
    public static (int Words, int Syllables) CountWordsAndSyllables(string text)
    {
        var (words, syllables) = (0, 0);
        for (var at = 0; NextWord(text, ref at, out var start);)
        {
            words++;
            syllables += Readability.CountSyllables(text.AsSpan(start, at - start));
        }

        return (words, syllables);
    }

    /// <summary>The words of a text, by the same rule as <see cref="CountWords"/>.</summary>
    public static IEnumerable<string> Words(string text)
    {
        for (var at = 0; NextWord(text, ref at, out var start);)
        {
            yield return text[start..at];
        }
    }

    /// <summary>
    /// Finds the next word at or after <paramref name="at"/>: letters and digits, joined by apostrophes and hyphens
    /// ("it's", "one-time"), and by commas and points between digits ("20,000"). The same rule as <see cref="WordPattern"/>,
    /// written out because it runs on every word of every file.
    /// </summary>
    private static bool NextWord(string text, ref int at, out int start)
    {
        while (at < text.Length && !IsWordChar(text[at]))
        {
            at++;
        }

        start = at;
        if (at >= text.Length)
        {
            return false;
        }

        while (true)
        {
            while (at < text.Length && IsWordChar(text[at]))
            {
                at++;
            }

            if (at + 1 < text.Length && IsWordChar(text[at + 1])
                && (text[at] is '\'' or '’' or '-' || (text[at] is ',' or '.' && char.IsNumber(text[at - 1]) && char.IsNumber(text[at + 1]))))
            {
                at++;
                continue;
            }

            return true;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>Whole minutes, rounded up, never less than one.</summary>
    public static int ReadingMinutes(int words) => Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute);

    // The rule as a pattern, which the tests hold the scanner to. Apostrophes and hyphens join a word ("it's", "one-time"); commas and points join a number ("20,000").
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:(?:['’\-]|(?<=\p{N})[,.](?=\p{N}))[\p{L}\p{N}]+)*")]
    internal static partial Regex WordPattern();
}
