using System.Text.RegularExpressions;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Turns the YAML parser's messages ("While parsing a block mapping, did not find expected key") into what to change and
/// where, by looking at the line the parser stopped on and the one above it. The parser's own words follow, for anyone
/// who wants them.
/// </summary>
internal static partial class YamlMessages
{
    /// <param name="lines">The front matter, one entry a line.</param>
    /// <param name="index">The 0-based line the parser stopped on, within <paramref name="lines"/>.</param>
    /// <param name="fileLine">The same line as numbered in the file, for the message.</param>
    /// <param name="parser">The parser's message.</param>
    public static string Explain(IReadOnlyList<string> lines, int index, int fileLine, string parser)
    {
        var line = index >= 0 && index < lines.Count ? lines[index] : "";
        var (above, aboveLine) = Above(lines, index, fileLine);
        var indent = Indent(line);
        var human = parser switch
        {
            _ when parser.Contains("tab character", StringComparison.Ordinal) =>
                $"Line {fileLine} is indented with a tab. YAML needs spaces: replace the tab with spaces.",
            _ when Count(line, '[') > Count(line, ']') || Count(line, '{') > Count(line, '}') =>
                $"The '[' on line {fileLine} is not closed: end the list with ']' on the same line.",
            _ when parser.Contains("double-quoted", StringComparison.Ordinal) || parser.Contains("single-quoted", StringComparison.Ordinal) =>
                $"A quotation mark opened on line {fileLine} is not closed on that line. Close it, or remove it.",
            _ when Value(line).TrimStart().StartsWith('\'') && Count(Value(line), '\'') >= 3 =>
                $"The apostrophe inside the quoted text on line {fileLine} ends the quotes early. Write it twice ('') or use double quotes around the text.",
            _ when parser.Contains("found invalid mapping", StringComparison.Ordinal) && above is not null && indent > Indent(above) && KeyStart().IsMatch(line) =>
                $"Line {fileLine} is indented more than line {aboveLine} above it, so it is read as part of that line's value. Line '{Key(line)}:' up with '{Key(above)}:'.",
            _ when parser.Contains("found invalid mapping", StringComparison.Ordinal) && above is not null && indent > Indent(above) =>
                $"Line {fileLine} continues the value of line {aboveLine}, and its ': ' (a colon and a space) reads as a new field. Put the whole value in double quotes.",
            _ when parser.Contains("found invalid mapping", StringComparison.Ordinal) =>
                $"The value on line {fileLine} holds ': ' (a colon and a space), which reads as a new field. Put the value in double quotes: {Key(line)}: \"{Value(line).Trim()}\"",
            _ when parser.Contains("expected '-' indicator", StringComparison.Ordinal) && above is not null =>
                $"Line {fileLine} is not lined up with line {aboveLine} above it. The fields of one list item start in the same column; a new item starts with '- '.",
            _ when parser.Contains("did not find expected key", StringComparison.Ordinal) && !line.Contains(':', StringComparison.Ordinal) && !line.TrimStart().StartsWith('-') =>
                $"Line {fileLine} has no colon. Write each field as 'name: value'.",
            _ when parser.Contains("did not find expected key", StringComparison.Ordinal) && above is not null && indent < Indent(above) =>
                $"Line {fileLine} is indented less than line {aboveLine} above it, and more than the field it belongs to. Start every '- ' item of a list in the same column.",
            _ when parser.Contains("did not find expected key", StringComparison.Ordinal) && above is not null && indent > Indent(above) =>
                $"Line {fileLine} is indented more than line {aboveLine} above it. Line it up with the line above.",
            _ when parser.Contains("did not find expected key", StringComparison.Ordinal) =>
                $"Line {fileLine} does not line up with the fields around it. Check its indentation and quotation marks.",
            _ => $"Line {fileLine} could not be read. Check its colons, quotation marks and indentation.",
        };
        return $"{human} (The YAML parser said: {parser.TrimEnd('.')}.)";
    }

    private static (string? Text, int FileLine) Above(IReadOnlyList<string> lines, int index, int fileLine)
    {
        for (var i = Math.Min(index, lines.Count) - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]) && !lines[i].TrimStart().StartsWith('#'))
            {
                return (lines[i], fileLine - (index - i));
            }
        }

        return (null, 0);
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '-').Length;

    private static int Count(string text, char c) => text.Count(x => x == c);

    private static string Key(string line)
    {
        var trimmed = line.TrimStart(' ', '-');
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? trimmed[..colon] : trimmed;
    }

    private static string Value(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? line[(colon + 2)..] : line;
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?[A-Za-z][A-Za-z0-9]*:(?:\s|$)")]
    private static partial Regex KeyStart();
}
