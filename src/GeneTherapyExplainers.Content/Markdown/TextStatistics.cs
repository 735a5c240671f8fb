using System.Text.RegularExpressions;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>Word counts and reading time from plain text.</summary>
public static partial class TextStatistics
{
    /// <summary>Words a minute for an unhurried adult reader of health information.</summary>
    public const int WordsPerMinute = 200;

    public static int CountWords(string text) => Word().Count(text);

    /// <summary>The words of a text, by the same rule as <see cref="CountWords"/>.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    /// <summary>Whole minutes, rounded up, never less than one.</summary>
    public static int ReadingMinutes(int words) => Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute);

    // Apostrophes and hyphens join a word ("it's", "one-time"); commas and points join a number ("20,000").
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:(?:['’\-]|(?<=\p{N})[,.](?=\p{N}))[\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
