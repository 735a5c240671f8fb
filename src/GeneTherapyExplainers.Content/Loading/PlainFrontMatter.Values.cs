namespace GeneTherapyExplainers.Content.Loading;

// The plain reader's tests of single values: keys, list items, plain and quoted text.
internal static partial class PlainFrontMatter
{
    private static int Skip(string text, int at)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        return at;
    }

    private static bool IsItem(string text, int at) => text[at] == '-' && (at + 1 == text.Length || text[at + 1] == ' ');

    /// <summary>A key such as <c>keyTerms</c>: a letter, then letters, digits, hyphens or underscores.</summary>
    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || !char.IsAsciiLetter(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where a list item's "key:" ends, if the item opens a mapping; else -1.</summary>
    private static int KeyEnd(string text, int at)
    {
        var colon = text.IndexOf(':', at);
        return colon > at && (colon + 1 == text.Length || text[colon + 1] == ' ') && IsKey(text.AsSpan(at, colon - at)) ? colon : -1;
    }

    /// <summary>
    /// A one-line plain value that reads as itself: it starts with a letter or digit, holds no comment, no "key: " and
    /// no tab, and in a bracket list no brackets, braces, commas, quotes or colons.
    /// </summary>
    private static bool IsPlain(string value, bool flow)
    {
        if (value.Length == 0 || !char.IsLetterOrDigit(value[0]) || value[^1] == ':')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IsOrdinary(c))
            {
                return false;
            }

            if (c == '#' && value[i - 1] == ' ' || c == ':' && (i + 1 == value.Length || value[i + 1] == ' '))
            {
                return false;
            }

            if (flow && c is ',' or '[' or ']' or '{' or '}' or '"' or '\'' or ':' or '#')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Not a control character, a line or paragraph separator (YAML 1.1 breaks lines there), a byte order mark, a
    /// surrogate or a non-character: text the YAML reader might read differently is left to it.
    /// </summary>
    private static bool IsOrdinary(char c) =>
        c >= ' ' && c is not ('\u007f' or (>= '\u0080' and <= '\u009f') or '\u2028' or '\u2029' or '\ufeff' or >= '\ufffe')
        && !char.IsSurrogate(c);

    /// <summary>The text between quotes on one line: no backslash escapes in double quotes; '' is one quote in single quotes.</summary>
    private static string? Quoted(ReadOnlySpan<char> inner, char quote)
    {
        foreach (var c in inner)
        {
            if (!IsOrdinary(c) || quote == '"' && c is '\\' or '"')
            {
                return null;
            }
        }

        if (quote == '"')
        {
            return inner.ToString();
        }

        var text = inner.ToString();
        for (var i = text.IndexOf('\'', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\'', i + 2))
        {
            if (i + 1 >= text.Length || text[i + 1] != '\'')
            {
                return null;
            }
        }

        return text.Replace("''", "'", StringComparison.Ordinal);
    }
}
