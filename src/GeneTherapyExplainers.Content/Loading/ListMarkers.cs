using System.Text.RegularExpressions;
using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Mistakes in lists that YAML accepts without a word: a '- ' line indented further than the one above joins that item
/// ("…where it is. - CRISPR is the best-known tool."), and a comma-joined line is one alias, not several. Both are
/// warnings on the line to fix.
/// </summary>
internal static partial class ListMarkers
{
    // text: The whole file, to find the line that was joined on (split into lines only then).
    // key: The list's field, such as <c>keyPoints</c>.
    // what: What one item is called, such as "key point".
    // commas: Whether a comma means two items were meant (aliases, keys), rather than prose.
    public static void Check<T>(
        string path, string text, FrontMatter<T> front, string key, IReadOnlyList<string> items, string what, bool commas, List<ContentProblem> problems)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (JoinedMarker().IsMatch(item))
            {
                var at = front.At($"{key}[{i}]");
                var joined = JoinedLine(text.Split('\n'), at.Line);
                problems.Add(new ContentProblem(path, joined ?? at.Line, 1, ProblemSeverity.Warning,
                    $"Line {joined ?? at.Line} is indented further than the '- ' above it, so it became part of {what} {i + 1}: “{Shorten(item)}”. "
                    + "Start each item with '- ' in the same column as the others."));
            }
            else if (commas && item.Contains(',', StringComparison.Ordinal))
            {
                var at = front.At($"{key}[{i}]");
                problems.Add(new ContentProblem(path, at.Line, at.Column, ProblemSeverity.Warning,
                    $"The {what} “{Shorten(item)}” holds a comma, so it is one {what}, not several. Give each its own '- ' line, or write the list as [one, two]."));
            }
        }
    }

    /// <summary>The first line after the item's own that starts with '- ': the one that was folded into it.</summary>
    private static int? JoinedLine(string[] lines, int itemLine)
    {
        for (var i = itemLine; i < lines.Length && i < itemLine + 20; i++)
        {
            if (lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                return i + 1;
            }

            if (lines[i].TrimEnd() == "---")
            {
                break;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"(?:^|\s)- \S")]
    private static partial Regex JoinedMarker();
}
