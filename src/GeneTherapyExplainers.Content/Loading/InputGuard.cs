namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Cheap checks made before a file is parsed, so that no file, however hostile, can take the loader more than a
/// moment: pathological nesting and bracket runs make Markdown parsers slow, and YAML aliases can multiply data.
/// </summary>
internal static class InputGuard
{
    public const int MaxLineLength = 10_000;
    public const int MaxNesting = 16;
    public const int MaxIndent = 64;
    public const int MaxOpeningBrackets = 2_000;

    /// <summary>The first problem found, as a line number and a message, or null when the text is safe to parse.</summary>
    public static (int Line, string Message)? CheckText(string text)
    {
        var brackets = 0;
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.Length > MaxLineLength)
            {
                return (lineNumber, $"Line {lineNumber} is {line.Length:N0} characters long; the limit is {MaxLineLength:N0}. Break it into paragraphs.");
            }

            var (nesting, indent) = Nesting(line);
            if (nesting > MaxNesting || indent > MaxIndent)
            {
                return (lineNumber, "Quotes or lists are nested too deeply here. Use at most a few levels.");
            }

            brackets += line.Count('[');
            if (brackets > MaxOpeningBrackets)
            {
                return (lineNumber, $"The file has more than {MaxOpeningBrackets:N0} square brackets. Links and images are written [text](address); check for stray brackets.");
            }
        }

        return null;
    }

    /// <summary>How many quote and list markers open the line, and how far it is indented.</summary>
    private static (int Nesting, int Indent) Nesting(ReadOnlySpan<char> line)
    {
        var nesting = 0;
        var indent = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                indent += c == '\t' ? 4 : 1;
                i++;
            }
            else if (c == '>' || ((c is '-' or '*' or '+') && i + 1 < line.Length && line[i + 1] == ' '))
            {
                nesting++;
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < line.Length && char.IsAsciiDigit(line[j]))
                {
                    j++;
                }

                if (j < line.Length && line[j] is '.' or ')' && j + 1 < line.Length && line[j + 1] == ' ')
                {
                    nesting++;
                    i = j + 1;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        return (nesting, indent);
    }
}
