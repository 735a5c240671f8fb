using System.Text;
using System.Text.Json;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>
/// The plain front matter reader must read exactly what the YAML reader reads, or decline: checked on every file the
/// tests and the site hold, and on thousands of generated front matters full of YAML's pitfalls.
/// </summary>
public class PlainFrontMatterTests
{
    private const int LineOffset = 1; // front matter starts on the file's second line

    private static readonly string[] Folders = ["explainers", "glossary"];

    private static readonly int[] PitfallRates = [0, 50, 10, 3];

    private static readonly string[] SourceKeys = ["title", "publisher", "url"];

    [Fact]
    public void EveryShippedAndTestFileIsReadThePlainWayAndAsTheYamlReaderReadsIt()
    {
        var files = new[] { RepositoryPaths.ShippedContent, RepositoryPaths.Content }
            .SelectMany(root => Folders.SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.md")))
            .ToList();
        Assert.True(files.Count > 50);
        foreach (var file in files)
        {
            var lines = FrontMatterLines(File.ReadAllText(file));
            var plain = file.Contains($"{Path.DirectorySeparatorChar}glossary{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? Compare<GlossaryFrontMatter>(lines)
                : Compare<ExplainerFrontMatter>(lines);
            Assert.True(plain, $"{file}: the plain reader declined it");
        }
    }

    [Theory]
    [InlineData("title: A\nsummary: B\n")]
    [InlineData("title: 'It''s here'\nkeyTerms: [gene, vector]\norder: 3\ndraft: true\npublished: 2026-11-30\n")]
    [InlineData("# a comment\ntitle: \"A: B\"\n\nsources:\n- title: T\n  publisher: P\n  url: https://example.org/a#b\n")]
    [InlineData("reviewers:\n    medical: a-b\n    technical: c\nkeyPoints:\n  - One.\n  - Two, three [four].\n")]
    public void CommonShapesAreReadThePlainWay(string yaml) => Assert.True(Compare<ExplainerFrontMatter>(yaml.Split('\n')));

    [Theory]
    [InlineData("title: null\n")] // YAML's null, not the word
    [InlineData("title: ~\n")]
    [InlineData("title: a\n  continued\n")] // a value over two lines
    [InlineData("title: a # a comment\n")]
    [InlineData("title: \"a\\tb\"\n")] // an escape
    [InlineData("title: &x a\n")]
    [InlineData("title: |\n  a\n")]
    [InlineData("title: a\ntitle: b\n")]
    [InlineData("titel: a\n")]
    [InlineData("order: 007\n")]
    [InlineData("draft: yes\n")]
    [InlineData("keyTerms: [a, b,]\n")]
    [InlineData("keyTerms: a\n")]
    [InlineData("title:\n")]
    [InlineData("  title: a\n")]
    [InlineData("title: a\u2028b\n")]
    [InlineData("# c\u2028title: a\nsummary: b\n")] // YAML reads on after a line separator, in a comment too
    [InlineData("summary: b\n  # c\u0085title: a\n")]
    [InlineData("keyPoints:\n- a\n# c\u2029- b\n")]
    public void AnythingUnusualIsLeftToTheYamlReader(string yaml) =>
        Assert.Null(PlainFrontMatter.TryRead<ExplainerFrontMatter>(yaml.Split('\n'), LineOffset));

    [Fact]
    public void GeneratedFrontMatterIsReadAlikeOrDeclined()
    {
        var random = new Random(20261130);
        var plainCount = 0;
        const int Documents = 4000;
        for (var i = 0; i < Documents; i++)
        {
            var yaml = new Generator(random, PitfallRates[i % PitfallRates.Length]).Generate();
            if (Compare<ExplainerFrontMatter>(yaml.Split('\n'), yaml))
            {
                plainCount++;
            }
        }

        // The generator mixes the common shape with pitfalls; both kinds must be well represented.
        Assert.InRange(plainCount, Documents / 5, Documents * 4 / 5);
    }

    /// <summary>True when the plain reader read the lines, after checking it read what the YAML reader reads.</summary>
    private static bool Compare<T>(string[] lines, string? shown = null)
        where T : class, new()
    {
        var plain = PlainFrontMatter.TryRead<T>(lines, LineOffset);
        if (plain is null)
        {
            return false;
        }

        var problems = new List<ContentProblem>();
        FrontMatter<T>? yaml;
        try
        {
            yaml = FrontMatterReader.ReadYaml<T>((string[])lines.Clone(), LineOffset, "test.md", problems);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"The YAML reader failed ({ex.Message}) where the plain reader read:\n{shown ?? string.Join('\n', lines)}");
        }

        var context = $"\n--- front matter:\n{shown ?? string.Join('\n', lines)}\n--- problems: {string.Join("; ", problems.Select(p => p.Message))}";
        Assert.True(yaml is not null && problems.Count == 0, "The YAML reader did not read what the plain reader read." + context);
        Assert.True(JsonSerializer.Serialize(yaml.Value) == JsonSerializer.Serialize(plain.Value),
            $"The values differ:\nyaml  {JsonSerializer.Serialize(yaml.Value)}\nplain {JsonSerializer.Serialize(plain.Value)}{context}");
        var expected = string.Join(", ", yaml.Locations.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}@{l.Value.Line}:{l.Value.Column}"));
        var actual = string.Join(", ", plain.Locations.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}@{l.Value.Line}:{l.Value.Column}"));
        Assert.True(expected == actual, $"The locations differ:\nyaml  {expected}\nplain {actual}{context}");
        return true;
    }

    private static string[] FrontMatterLines(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        return lines[1..end];
    }

    // ---- A generator of front matter: the common shape, with YAML's pitfalls mixed in. -------------------------------

    private static readonly string[] Words =
    [
        "gene", "therapy", "AAV", "CAR-T", "it's", "T cells", "2026", "5", "3.14", "0x1F", "007", "-4", "true", "False", "yes", "no",
        "on", "null", "Null", "~", "é", "café", "naïve", "“curly”", "‘single’", "—", "…", "50%", "a#b", "https://example.org/a#b?c=d%3A",
        "a:b", "a: b", "x #y", "end:", "[a]", "{a}", "a,b", "&anchor", "*alias", "!tag", "%p", "@at", "`tick`", "|", ">", "- dash",
        "? q", ": c", "'q'", "\"q\"", "a\\b", "tab\there", "2026-11-30", "2026-13-40", "1e3", "+1", ".5", "-", "—dash", "x\u2028y",
        "x\u00a0y", "日本", "🧬", "---", "...", "=", "<b>", "a  b", " lead", "trail ",
    ];

    /// <summary>Writes front matter; one word or layout choice in <paramref name="pitfallOneIn"/> is a pitfall (0: none).</summary>
    private sealed class Generator(Random random, int pitfallOneIn)
    {
        public string Generate()
        {
            var text = new StringBuilder();
            var fields = new List<Action>
            {
                () => Field(text, "title", Scalar()),
                () => Field(text, "summary", Scalar()),
                () => Field(text, "category", Scalar()),
                () => Field(text, "series", Scalar()),
                () => Field(text, "author", Scalar()),
                () => Field(text, "changeNote", Scalar()),
                () => Field(text, "order", Choose(["3", "12", "0", "250"], ["007", "-1", "x", "'4'", "99999999999", "1_000", Scalar()])),
                () => Field(text, "draft", Choose(["true", "false"], ["yes", "True", "'true'", "1", Scalar()])),
                () => Field(text, "published", Choose(["2026-11-30", "2024-02-29"], ["2023-02-29", "'2026-11-30'", "2026-1-3", "30/11/2026", Scalar()])),
                () => List(text, "keyPoints"),
                () => List(text, "keyTerms"),
                () => List(text, "related"),
                () => Nested(text, "reviewers", ["medical", "technical"]),
                () => Nested(text, "video", ["url", "caption", "transcript"]),
                () => Nested(text, "infographic", ["image", "alt", "description"]),
                () => Sources(text),
            };
            // Each field at most once, in any order; a repeated or unknown key is a pitfall.
            foreach (var field in fields.OrderBy(_ => random.Next()).Take(random.Next(1, fields.Count + 1)))
            {
                if (Pitfall())
                {
                    Field(text, Choose(["titel"], ["Title", "key terms", "\"title\"", "title", "? title"]), Scalar());
                }

                field();
                if (random.Next(8) == 0)
                {
                    text.Append(Choose(["\n", "# a comment\n", "   \n"], ["  # indented comment\n", "---\n", "%YAML 1.2\n", "\t\n", "# c\u2028draft: true\n", "  # c\u0085  x: y\n"]));
                }
            }

            return text.ToString();
        }

        private bool Pitfall() => pitfallOneIn > 0 && random.Next(pitfallOneIn) == 0;

        private T Choose<T>(T[] common, T[] pitfalls) => Pitfall() ? Pick(pitfalls) : Pick(common);

        private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];

        private string Word() => Pitfall() ? Pick(Words) : Words[random.Next(8)];

        private string Scalar()
        {
            var value = string.Join(" ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Word()));
            return random.Next(5) switch
            {
                0 => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
                1 => Pitfall() ? "\"" + value + "\"" : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
                _ => value,
            };
        }

        private void Field(StringBuilder text, string key, string value, int indent = 0) =>
            text.Append(' ', indent).Append(key).Append(Choose([": "], [":  ", ":", " : ", ":\t"])).Append(value).Append(Choose([""], [" ", " # note", "\t"])).Append('\n');

        private void List(StringBuilder text, string key)
        {
            var items = Enumerable.Range(0, Pitfall() ? 0 : random.Next(1, 6)).Select(_ => random.Next(4) == 0 ? Scalar() : Word()).ToList();
            if (random.Next(2) == 0)
            {
                text.Append(key).Append(": ").Append(Choose(["[", "[ "], ["[\n  "]))
                    .Append(string.Join(Choose([", ", ","], [" , ", ",  ", ", ,", ",\n  "]), items))
                    .Append(Choose([""], [",", ", "])).Append(Choose(["]", " ]"], ["] # c", "]]", "] x"])).Append('\n');
                return;
            }

            text.Append(key).Append(':').Append('\n');
            var dash = Choose([0, 2, 4], [1, 3]);
            foreach (var item in items)
            {
                text.Append(' ', Pitfall() ? dash + 1 : dash).Append(Choose(["- "], ["-  ", "-", "- - ", "-\t"])).Append(item).Append('\n');
                if (Pitfall())
                {
                    text.Append(' ', dash + Pick([2, 4])).Append(Word()).Append('\n'); // a value running onto the next line
                }
            }
        }

        private void Nested(StringBuilder text, string key, string[] fields)
        {
            text.Append(key).Append(':').Append(Pitfall() ? " " + Word() : "").Append('\n');
            var indent = Choose([2, 4], [1, 0]);
            foreach (var field in fields.Where((_, i) => i == 0 || random.Next(3) > 0))
            {
                Field(text, field, Scalar(), Pitfall() ? indent + 1 : indent);
            }
        }

        private void Sources(StringBuilder text)
        {
            text.Append("sources:\n");
            var dash = Choose([0, 2, 4], [1]);
            for (var i = Pitfall() ? 0 : random.Next(1, 4); i > 0; i--)
            {
                var keys = SourceKeys.Where(_ => random.Next(5) > 0).ToList();
                if (keys.Count == 0 || Pitfall())
                {
                    text.Append(' ', dash).Append("- ").Append(Word()).Append('\n');
                    continue;
                }

                var gap = Choose([1], [2, 3]);
                text.Append(' ', dash).Append('-').Append(' ', gap);
                for (var k = 0; k < keys.Count; k++)
                {
                    Field(text, keys[k], Scalar(), k == 0 ? 0 : Pitfall() ? dash + gap + 2 : dash + 1 + gap);
                }
            }
        }
    }
}
