using GeneTherapyExplainers.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Reads <c>content/synonyms.yml</c> into a <see cref="SynonymList"/>, with every mistake reported at its line. A file
/// with an error is not used: the last good list stays (see <see cref="CatalogBuilder"/>).
/// </summary>
internal static class SynonymsReader
{
    /// <summary>The file's path relative to the content folder.</summary>
    public const string Path = "synonyms.yml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>The list, <see cref="SynonymList.Empty"/> when there is no file, or null when the file has errors.</summary>
    public static SynonymList? Read(string contentRoot, ContentOptions options, List<ContentProblem> problems)
    {
        var file = System.IO.Path.Combine(contentRoot, Path);
        if (!File.Exists(file))
        {
            return SynonymList.Empty;
        }

        var start = problems.Count;
        var text = ContentLoader.ReadText(file, Path, options, problems);
        var list = text is null ? null : Parse(text, problems);
        return problems.Skip(start).Any(p => p.Severity == ProblemSeverity.Error) ? null : list;
    }

    /// <summary>Parses and checks the text of the file.</summary>
    public static SynonymList? Parse(string text, List<ContentProblem> problems)
    {
        var parser = new LocatingParser(text, 0);
        SynonymsFile value;
        try
        {
            value = Deserializer.Deserialize<SynonymsFile>(parser) ?? new SynonymsFile();
        }
        catch (Exception ex) when (FrontMatterReader.AliasIn(ex) is { } alias)
        {
            problems.Add(Error((int)alias.At.Line, (int)alias.At.Column, "The synonyms file cannot use YAML anchors or aliases (& and *). Write each word out."));
            return null;
        }
        catch (YamlException) when (parser.Repeated is { } repeated)
        {
            problems.Add(Error(repeated.At, $"'{repeated.Key}' is written twice. Give each word or phrase one line, with all its words in one list."));
            return null;
        }
        catch (YamlException ex) when (ex.InnerException is InvalidCastException || ex.Message.Contains("cast", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(Error(Math.Max(1, (int)ex.Start.Line), (int)Math.Max(1, ex.Start.Column),
                "A value has the wrong type: write each list of words in square brackets, such as side effects: [risks]."));
            return null;
        }
        catch (YamlException ex)
        {
            problems.Add(Error(Math.Max(1, (int)ex.Start.Line), (int)Math.Max(1, ex.Start.Column),
                "The synonyms file could not be read: " + FrontMatterReader.Describe(ex)));
            return null;
        }

        var at = new FrontMatter<SynonymsFile>(value, parser.Locations);
        var before = problems.Count;
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < value.Spellings.Count; i++)
        {
            var group = value.Spellings[i] ?? [];
            var words = group.Select(w => SynonymList.Normalize(w ?? "")).ToList();
            if (words.Count(w => w.Length > 0) < 2)
            {
                problems.Add(Error(at.At($"spellings[{i}]"), "A spelling group needs at least two spellings of one word, such as [haemophilia, hemophilia]."));
                continue;
            }

            for (var j = 0; j < words.Count; j++)
            {
                var word = words[j];
                if (word.Length == 0 || word.Contains(' ', StringComparison.Ordinal))
                {
                    problems.Add(Error(at.At($"spellings[{i}][{j}]"), word.Length == 0
                        ? "This spelling is empty."
                        : $"'{group[j]}' is more than one word. Spellings are single words; put a phrase under 'everyday'."));
                }
                else if (groupOf.TryGetValue(word, out var other) && other != i)
                {
                    problems.Add(Error(at.At($"spellings[{i}][{j}]"),
                        $"'{word}' is already in the spelling group on line {at.At($"spellings[{other}]").Line}. A word can be in one group only."));
                }
                else
                {
                    groupOf[word] = i;
                }
            }
        }

        foreach (var (phrase, meanings) in value.Everyday)
        {
            var key = $"everyday.{phrase}";
            if (SynonymList.Normalize(phrase).Length == 0)
            {
                problems.Add(Error(at.At(key), $"'{phrase}' has no words in it."));
            }
            else if (meanings is null || meanings.Count == 0 || meanings.Any(m => SynonymList.Normalize(m ?? "").Length == 0))
            {
                problems.Add(Error(at.At(key), $"Give the site's words for '{phrase}' as a list, such as {phrase}: [risks]. None of them can be empty."));
            }
        }

        for (var i = 0; i < value.Ignore.Count; i++)
        {
            var word = SynonymList.Normalize(value.Ignore[i] ?? "");
            if (word.Length == 0 || word.Contains(' ', StringComparison.Ordinal))
            {
                problems.Add(Error(at.At($"ignore[{i}]"), $"'{value.Ignore[i]}' is not one word. List single words to leave out of searches."));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new SynonymList(
            value.Spellings.Select(g => (IReadOnlyList<string>)g),
            value.Everyday.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Key, p.Value)),
            value.Ignore);
    }

    private static ContentProblem Error(SourceLocation at, string message) => Error(at.Line, at.Column, message);

    private static ContentProblem Error(int line, int column, string message) => new(Path, line, column, ProblemSeverity.Error, message);
}
