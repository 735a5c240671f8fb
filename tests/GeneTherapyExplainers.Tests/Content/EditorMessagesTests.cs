using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>
/// Mistakes YAML accepts without a word are warned about, YAML's own failures are explained as what to change on which
/// line (with the parser's words after), and a file's problems all come at once.
/// </summary>
public class EditorMessagesTests
{
    private const string Sources = "sources:\n  - title: T1\n    publisher: P\n    url: https://example.org/1\n"
        + "  - title: T2\n    publisher: P\n    url: https://example.org/2\n  - title: T3\n    publisher: P\n    url: https://example.org/3\n";

    private static IReadOnlyList<ContentProblem> Problems(string path, string text)
    {
        using var content = new TempContent();
        content.Term("gene", "Gene", "One instruction in DNA.");
        content.Write(path, text);
        return [.. ContentLoader.Load(content.Root).Problems.Where(p => p.Path == path)];
    }

    [Fact]
    public void AKeyPointIndentedTooFarIsAWarningOnTheLineThatJoinedThePointAbove()
    {
        var problems = Problems("explainers/page.md",
            "---\ntitle: T\nsummary: A short line.\ncategory: C\nkeyTerms: [gene]\nkeyPoints:\n  - A gene is a plan where it is.\n    - A cell reads the plan.\n"
            + Sources + "---\n\nA gene is a plan. The cell reads it.\n");
        var warning = Assert.Single(problems);
        Assert.Equal((ProblemSeverity.Warning, 8), (warning.Severity, warning.Line));
        Assert.Contains("became part of key point 1: “A gene is a plan where it is. - A cell reads the plan.”", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aliases:\n  - genome editing\n    - CRISPR\n", 5, "became part of alias 1")]
    [InlineData("aliases:\n  - genome editing, CRISPR\n", 4, "holds a comma, so it is one alias")]
    public void AMisIndentedOrCommaJoinedAliasIsAWarningOnItsLine(string aliases, int line, string words)
    {
        var problems = Problems("glossary/gene-editing.md", $"---\nterm: Gene editing\n{aliases}definition: A way to change DNA.\n---\n\nMore.\n");
        var warning = Assert.Single(problems);
        Assert.Equal((ProblemSeverity.Warning, line), (warning.Severity, warning.Line));
        Assert.Contains(words, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: T\n  summary: S.\ncategory: C\n", 3, "Line 3 is indented more than line 2 above it, so it is read as part of that line's value. Line 'summary:' up with 'title:'.", "While scanning a plain scalar value, found invalid mapping")]
    [InlineData("title: T\nsummary: Gene therapy: a new way\ncategory: C\n", 3, "The value on line 3 holds ': ' (a colon and a space)", "found invalid mapping")]
    [InlineData("title: T\nsummary: S.\ncategory: C\nkeyPoints:\n  - One\n - Two\n", 7, "Line 7 is indented less than line 6 above it", "While parsing a block mapping, did not find expected key")]
    [InlineData("title: T\nsummary S.\ncategory: C\n", 3, "Line 3 has no colon. Write each field as 'name: value'.", "did not find expected key")]
    [InlineData("title: T\nsummary: S.\ncategory: C\nsources:\n  - title: A\n   publisher: P\n", 7, "Line 7 is not lined up with line 6 above it", "did not find expected '-' indicator")]
    public void ACommonYamlMistakeIsExplainedByLineWithTheParsersWordsAfter(string yaml, int line, string human, string parser)
    {
        var error = Problems("explainers/page.md", $"---\n{yaml}---\n\nText.\n").First(p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(line, error.Line);
        Assert.StartsWith("The front matter could not be read. " + human, error.Message, StringComparison.Ordinal);
        var said = error.Message.IndexOf("(The YAML parser said: ", StringComparison.Ordinal);
        Assert.True(said > 0 && error.Message.IndexOf(parser, said, StringComparison.Ordinal) > said, error.Message);
    }

    [Fact]
    public void EveryProblemOfAFileComesInOnePass()
    {
        // Two unknown fields, a missing title and summary, too few sources, and in the body an unsafe link and an image without alt text.
        var problems = Problems("explainers/page.md",
            "---\nsumary: S.\ncategory: C\nkeyTerms: [gene]\nauthr: someone\n---\n\nA gene. [x](javascript:alert(1))\n\n![](/media/none.svg)\n");
        Assert.Equal(
            [(1, "'title' field is missing"), (1, "'summary' field is missing"), (1, "lists 0 sources"), (2, "'sumary' is not a known field"), (5, "'authr' is not a known field"), (8, "This link is not allowed"), (10, "no alt text"), (10, "does not exist")],
            problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => (p.Line, Fragment(p.Message))));

        // A YAML syntax error stops the front matter, but the next syntax error and the body are still checked.
        var broken = Problems("explainers/broken.md", "---\ntitle: T\n  summary: S.\ncategory: C\n\tkeyTerms: [gene]\n---\n\n![](/media/none.svg)\n");
        Assert.Equal([3, 5, 8, 8], broken.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Line));
    }

    private static readonly string[] Fragments =
        ["'title' field is missing", "'summary' field is missing", "lists 0 sources", "'sumary' is not a known field", "'authr' is not a known field", "This link is not allowed", "no alt text", "does not exist"];

    private static string Fragment(string message) => Fragments.FirstOrDefault(f => message.Contains(f, StringComparison.Ordinal)) ?? message;
}
