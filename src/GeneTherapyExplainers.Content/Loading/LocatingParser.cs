using GeneTherapyExplainers.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Reads front matter once for three purposes: the deserializer takes its events, while it records where each key and
/// list item starts (<c>sources[1].url</c>) and stops at the first anchor or alias, before anything could be copied.
/// </summary>
internal sealed class LocatingParser(string yaml, int lineOffset) : IParser
{
    private readonly Parser inner = new(new StringReader(yaml));
    private readonly Stack<Frame> frames = new();

    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>The first key written twice in one mapping, and where the second one is.</summary>
    public (string Key, SourceLocation At)? Repeated { get; private set; }

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        if (current is AnchorAlias or NodeEvent { Anchor.IsEmpty: false })
        {
            throw new AliasFoundException(current.Start);
        }

        Track(current);
        return true;
    }

    private void Track(ParsingEvent current)
    {
        if (current is MappingEnd or SequenceEnd)
        {
            frames.TryPop(out _);
            return;
        }

        if (current is not NodeEvent node)
        {
            return;
        }

        string? path = null;
        if (frames.TryPeek(out var frame))
        {
            if (frame.IsMapping && frame.ExpectingKey)
            {
                // A key: its own line is where the value's problems are reported.
                var key = (node as Scalar)?.Value ?? node.ToString() ?? "";
                frame.Key = frame.Path.Length == 0 ? key : $"{frame.Path}.{key}";
                frame.ExpectingKey = false;
                if (Repeated is null && Locations.ContainsKey(frame.Key))
                {
                    Repeated = (key, new SourceLocation((int)node.Start.Line + lineOffset, (int)node.Start.Column));
                }

                Record(frame.Key, node.Start);
                return;
            }

            path = frame.IsMapping ? frame.Key : $"{frame.Path}[{frame.Index++}]";
            frame.ExpectingKey = frame.IsMapping;
            Record(path!, node.Start);
        }

        if (node is MappingStart or SequenceStart)
        {
            frames.Push(new Frame(path ?? "", node is MappingStart));
        }
    }

    private void Record(string path, Mark at) =>
        Locations.TryAdd(path, new SourceLocation((int)at.Line + lineOffset, (int)at.Column));

    private sealed class Frame(string path, bool isMapping)
    {
        public string Path { get; } = path;

        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; set; } = true;

        public string? Key { get; set; }

        public int Index { get; set; }
    }
}

/// <summary>Thrown where front matter uses an anchor or alias, which it may not.</summary>
internal sealed class AliasFoundException(Mark at) : Exception("Front matter cannot use YAML anchors or aliases.")
{
    public Mark At { get; } = at;
}
