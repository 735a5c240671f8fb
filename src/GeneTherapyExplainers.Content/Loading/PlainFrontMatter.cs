using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Reads front matter written in the plain shape the authoring guide shows (keys, one-line values, block lists, lists in
/// brackets, lists of small mappings) without a YAML library, several times faster. Anything outside that shape, and
/// anything that would not read cleanly into the typed class, is declined: the full YAML reader then reads the file and
/// words every problem. Where both read a file, they give the same value and the same locations (tested).
/// </summary>
internal static partial class PlainFrontMatter
{
    /// <summary>The typed value and the locations, or null to leave the file to the full reader.</summary>
    public static FrontMatter<T>? TryRead<T>(string[] lines, int lineOffset)
        where T : class, new()
    {
        var reader = new LineReader(lines, lineOffset);
        if (!reader.Next() || reader.Indent != 0)
        {
            return null;
        }

        var root = reader.Mapping(0, "");
        if (root is null || reader.Next())
        {
            return null;
        }

        return Binder.Bind<T>(root) is { } value ? new FrontMatter<T>(value, reader.Locations) : null;
    }

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\0\u0085\u2028\u2029");

    private abstract record Node;

    private sealed record Scalar(string Value, bool Plain) : Node;

    private sealed record Sequence(List<Node> Items) : Node;

    private sealed record Mapping(List<(string Key, Node Value)> Entries) : Node;

    /// <summary>Walks the lines by indentation. Every method returns null, and the whole read is declined, at anything unusual.</summary>
    private sealed class LineReader(string[] lines, int lineOffset)
    {
        private int index = -1;
        private bool pending;

        public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

        /// <summary>The current line, with a list item's dash blanked once its mapping starts.</summary>
        private string Text { get; set; } = "";

        public int Indent { get; private set; }

        /// <summary>Moves to the next line that holds something (blank and comment lines are skipped); false at the end.</summary>
        public bool Next()
        {
            if (pending)
            {
                return true;
            }

            while (++index < lines.Length)
            {
                var line = lines[index];
                var indent = 0;
                while (indent < line.Length && line[indent] == ' ')
                {
                    indent++;
                }

                // YAML breaks lines at NEL and the Unicode line and paragraph separators, in comments too: a comment
                // holding one is not skipped, and so declined.
                if (indent == line.Length || (line[indent] == '#' && line.AsSpan(indent).IndexOfAny(LineBreaks) < 0))
                {
                    continue;
                }

                Text = line;
                Indent = indent;
                pending = true;
                return true;
            }

            return false;
        }

        private void Take() => pending = false;

        private SourceLocation At(int column) => new(index + 1 + lineOffset, column + 1);

        public Mapping? Mapping(int indent, string path)
        {
            var entries = new List<(string, Node)>();
            while (Next() && Indent >= indent)
            {
                if (Indent > indent || IsItem(Text, Indent))
                {
                    return null;
                }

                var colon = Text.IndexOf(':', indent);
                if (colon < 0 || !IsKey(Text.AsSpan(indent, colon - indent)) || (colon + 1 < Text.Length && Text[colon + 1] != ' '))
                {
                    return null;
                }

                var key = Text[indent..colon];
                if (entries.Exists(e => e.Item1 == key))
                {
                    return null;
                }

                var keyPath = path.Length == 0 ? key : $"{path}.{key}";
                Locations[keyPath] = At(indent);
                var value = Value(colon + 1, indent, keyPath);
                if (value is null)
                {
                    return null;
                }

                entries.Add((key, value));
            }

            return entries.Count == 0 ? null : new Mapping(entries);
        }

        /// <summary>What follows a key's colon: a value on the same line, or a block list or mapping on the lines below.</summary>
        private Node? Value(int from, int indent, string path)
        {
            var at = Skip(Text, from);
            if (at < Text.Length)
            {
                var inline = Inline(at, path);
                Take();
                return inline is not null && !(Next() && Indent > indent) ? inline : null;
            }

            Take();
            if (!Next())
            {
                return null;
            }

            if (IsItem(Text, Indent) && Indent >= indent)
            {
                return Sequence(Indent, path);
            }

            return Indent > indent ? Mapping(Indent, path) : null;
        }

        private Sequence? Sequence(int indent, string path)
        {
            var items = new List<Node>();
            while (Next() && Indent == indent && IsItem(Text, indent))
            {
                var itemPath = $"{path}[{items.Count}]";
                var at = Skip(Text, indent + 1);
                if (at >= Text.Length || IsItem(Text, at))
                {
                    return null;
                }

                var colon = KeyEnd(Text, at);
                Node? item;
                if (colon > 0)
                {
                    // "- title: ..." starts a mapping whose keys line up with "title"; the dash is blanked so it reads as one.
                    Locations.TryAdd(itemPath, At(at));
                    Text = new string(' ', at) + Text[at..];
                    Indent = at;
                    item = Mapping(at, itemPath);
                }
                else
                {
                    item = Inline(at, itemPath);
                    Take();
                    if (Next() && Indent > indent)
                    {
                        return null;
                    }
                }

                if (item is null)
                {
                    return null;
                }

                items.Add(item);
            }

            return Next() && Indent > indent ? null : new Sequence(items);
        }

        /// <summary>A value on one line: quoted, plain, or a list in brackets.</summary>
        private Node? Inline(int at, string path)
        {
            var text = Text;
            var end = text.Length;
            while (end > at && text[end - 1] == ' ')
            {
                end--;
            }

            Locations.TryAdd(path, At(at));
            var c = text[at];
            if (c == '[')
            {
                return text[end - 1] == ']' ? Flow(at + 1, end - 1, path) : null;
            }

            if (c is '"' or '\'')
            {
                return end - at >= 2 && text[end - 1] == c && Quoted(text.AsSpan(at + 1, end - at - 2), c) is { } quoted
                    ? new Scalar(quoted, false)
                    : null;
            }

            var value = text[at..end];
            return IsPlain(value, flow: false) ? new Scalar(value, true) : null;
        }

        /// <summary>A list in brackets on one line, of plain words such as glossary keys.</summary>
        private Sequence? Flow(int from, int to, string path)
        {
            var items = new List<Node>();
            var at = Skip(Text, from);
            while (at < to)
            {
                var comma = Text.IndexOf(',', at, to - at);
                var end = comma < 0 ? to : comma;
                var last = end;
                while (last > at && Text[last - 1] == ' ')
                {
                    last--;
                }

                var value = Text[at..last];
                if (!IsPlain(value, flow: true))
                {
                    return null;
                }

                Locations.TryAdd($"{path}[{items.Count}]", At(at));
                items.Add(new Scalar(value, true));
                if (comma < 0)
                {
                    break;
                }

                at = Skip(Text, comma + 1);
                if (at >= to)
                {
                    return null; // a trailing comma
                }
            }

            return new Sequence(items);
        }
    }
}
