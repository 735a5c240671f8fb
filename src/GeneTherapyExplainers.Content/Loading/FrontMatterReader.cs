using GeneTherapyExplainers.Content.Model;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>The typed front matter of one file, and where each key and list item sits in the file.</summary>
internal sealed record FrontMatter<T>(T Value, IReadOnlyDictionary<string, SourceLocation> Locations)
{
    /// <summary>The location of a path such as <c>keyTerms[2]</c> or <c>video.url</c>, else its nearest parent, else line 1.</summary>
    public SourceLocation At(string path)
    {
        while (true)
        {
            if (Locations.TryGetValue(path, out var location))
            {
                return location;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return new SourceLocation(1, 1);
            }

            path = path[..cut];
        }
    }
}

/// <summary>Reads the YAML front matter block of a parsed Markdown file into a typed class (house style 6).</summary>
internal static class FrontMatterReader
{
    /// <summary>Front matter is a few fields: 64 KB is generous, and keeps YAML parsing quick whatever a file holds.</summary>
    public const int MaxFrontMatterLength = 64 * 1024;

    // Files are parsed in parallel; one deserializer a thread rules out shared state inside it.
    private static readonly ThreadLocal<IDeserializer> Deserializer = new(() => new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties() // unknown fields are all reported, with their lines, before deserializing
        .Build());

    /// <summary>Returns the front matter, or null after adding a problem that says what is wrong and where.</summary>
    public static FrontMatter<T>? Read<T>(MarkdownDocument document, string path, List<ContentProblem> problems)
        where T : class, new()
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            problems.Add(new ContentProblem(path, 1, 1, ProblemSeverity.Error,
                "The file has no front matter. Start it with a line of three dashes (---), the fields, and another line of three dashes."));
            return null;
        }

        // YAML marks are 1-based within the block; the block starts after the opening dashes (Markdig lines are 0-based).
        var lineOffset = block.Line + 1;
        var yaml = block.Lines.ToString();
        if (yaml.Length > MaxFrontMatterLength)
        {
            problems.Add(new ContentProblem(path, lineOffset, 1, ProblemSeverity.Error,
                $"The front matter is {yaml.Length / 1024:N0} KB; it must stay under {MaxFrontMatterLength / 1024} KB. Long text belongs in the body."));
            return null;
        }

        // Front matter in the plain shape of the authoring guide is read without YAML's machinery. Anything else is
        // read event by event, first for where each key sits; a syntax error is reported and its line left out, so the
        // next one is found in the same pass.
        var lines = yaml.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        return PlainFrontMatter.TryRead<T>(lines, lineOffset) ?? ReadYaml<T>(lines, lineOffset, path, problems);
    }

    /// <summary>Reads front matter lines with the full YAML reader, which words every problem it finds.</summary>
    internal static FrontMatter<T>? ReadYaml<T>(string[] lines, int lineOffset, string path, List<ContentProblem> problems)
        where T : class, new()
    {
        var before = problems.Count;
        var events = new List<ParsingEvent>();
        var locations = ReadLocations(lines, lineOffset, path, problems, events);
        if (locations is null || problems.Count > before)
        {
            return null;
        }

        foreach (var (key, at) in locations.Where(l => !IsKnown(typeof(T), l.Key)))
        {
            problems.Add(new ContentProblem(path, at.Line, at.Column, ProblemSeverity.Error,
                $"'{LastSegment(key)}' is not a known field. Check its spelling against docs/authoring.md."));
        }

        try
        {
            // The events read for the locations are read again from memory, not parsed a second time.
            var value = Deserializer.Value!.Deserialize<T>(new ReplayParser(events)) ?? new T();
            return new FrontMatter<T>(value, locations);
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + lineOffset;
            problems.Add(new ContentProblem(path, Math.Max(1, line), (int)Math.Max(1, ex.Start.Column), ProblemSeverity.Error,
                "The front matter could not be read: " + Describe(ex)));
            return null;
        }
    }

    private static Dictionary<string, SourceLocation>? ReadLocations(
        string[] lines, int lineOffset, string path, List<ContentProblem> problems, List<ParsingEvent> events)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var parser = new LocatingParser(string.Join('\n', lines), lineOffset);
            events.Clear();
            try
            {
                while (parser.MoveNext())
                {
                    events.Add(parser.Current!);
                }

                return parser.Locations;
            }
            catch (AliasFoundException alias)
            {
                problems.Add(new ContentProblem(path, (int)alias.At.Line + lineOffset, (int)alias.At.Column, ProblemSeverity.Error,
                    "Front matter cannot use YAML anchors or aliases (& and *). Write each value out."));
                return null;
            }
            catch (YamlException ex)
            {
                var index = (int)ex.Start.Line - 1;
                if (ex.Message.Contains("tab character", StringComparison.Ordinal))
                {
                    // The parser names the value before the tab; the line to fix is the one indented with it.
                    var tabbed = Array.FindIndex(lines, Math.Max(0, index), l => l.Length > l.TrimStart('\t', ' ').Length && l[..(l.Length - l.TrimStart('\t', ' ').Length)].Contains('\t', StringComparison.Ordinal));
                    index = tabbed >= 0 ? tabbed : index;
                }

                var fileLine = Math.Max(1, index + 1 + lineOffset);
                problems.Add(new ContentProblem(path, fileLine, fileLine == (int)ex.Start.Line + lineOffset ? (int)Math.Max(1, ex.Start.Column) : 1, ProblemSeverity.Error,
                    "The front matter could not be read. " + YamlMessages.Explain(lines, index, fileLine, ex.Message)));
                if (index < 0 || index >= lines.Length || lines[index].Length == 0)
                {
                    return null;
                }

                lines[index] = "";
            }
            catch (InvalidOperationException ex)
            {
                // The parser gives up without a position on some unclosed lists: the first line that opens more than it closes.
                var index = Math.Max(0, Array.FindIndex(lines, l => l.Count(c => c == '[') > l.Count(c => c == ']')));
                problems.Add(new ContentProblem(path, index + 1 + lineOffset, 1, ProblemSeverity.Error,
                    "The front matter could not be read. " + YamlMessages.Explain(lines, index, index + 1 + lineOffset, ex.Message)));
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether a path such as <c>sources[1].url</c> names a field of <paramref name="type"/> (asked once a path).</summary>
    private static bool IsKnown(Type type, string path) => KnownPaths.GetOrAdd((type, path), key => Resolve(key.Type, key.Path));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Type, string Path), bool> KnownPaths = new();

    private static bool Resolve(Type type, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            if (!FieldsOf(type).TryGetValue(segment.Split('[')[0], out var property))
            {
                return false;
            }

            type = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (type == typeof(string) || type.IsValueType)
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>The settable properties of a front matter class by their key in the files (camelCase, as the deserializer names them).</summary>
    internal static IReadOnlyDictionary<string, System.Reflection.PropertyInfo> FieldsOf(Type type) => Fields.GetOrAdd(type, t =>
        t.GetProperties().Where(p => p.CanWrite).ToDictionary(p => CamelCaseNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Dictionary<string, System.Reflection.PropertyInfo>> Fields = new();

    private static string LastSegment(string path) => path[(path.LastIndexOf('.') + 1)..].Split('[')[0];

    internal static string Describe(YamlException ex)
    {
        var message = (ex.InnerException as YamlException)?.Message ?? ex.InnerException?.Message ?? ex.Message;
        if (message.Contains("not found on type", StringComparison.Ordinal))
        {
            var key = message.Split('\'').ElementAtOrDefault(1);
            return $"'{key}' is not a known field. Check its spelling against docs/authoring.md.";
        }

        return message.Contains("Exception during deserialization", StringComparison.Ordinal)
            || message.Contains("No node deserializer", StringComparison.Ordinal)
            ? "a value has the wrong type (for example text where a list or a number is expected)."
            : message;
    }

    internal static AliasFoundException? AliasIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is AliasFoundException alias)
            {
                return alias;
            }
        }

        return null;
    }

    /// <summary>Hands the deserializer events already read, in order.</summary>
    private sealed class ReplayParser(List<ParsingEvent> events) : IParser
    {
        private int next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = next < events.Count ? events[next++] : null;
            return Current is not null;
        }
    }
}
