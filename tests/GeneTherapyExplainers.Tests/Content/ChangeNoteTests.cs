using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

public class ChangeNoteTests
{
    private static ContentCatalog LoadWith(string changeNote)
    {
        using var content = new TempContent();
        content.Write("explainers/noted.md", $"---\ntitle: Noted\nsummary: A page with a change note.\ncategory: Testing\nchangeNote: {changeNote}\n---\n\nSome text.\n");
        return ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);
    }

    [Fact]
    public void TheChangeNoteIsReadFromTheFrontMatterWithTheFingerprintOfTheText()
    {
        using var content = new TempContent();
        var text = "---\ntitle: Noted\nsummary: A page with a change note.\ncategory: Testing\nchangeNote: '  Adds the risks of liver damage.  '\n---\n\nSome text.\n";
        content.Write("explainers/noted.md", text);

        var explainer = ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule).Find("noted")!;

        Assert.Equal("Adds the risks of liver damage.", explainer.ChangeNote);
        Assert.Equal(ContentText.Fingerprint(text), explainer.Fingerprint);
        Assert.Equal(64, explainer.Fingerprint.Length);
    }

    [Fact]
    public void AChangeNoteOverTheLimitIsAnErrorAtItsLine()
    {
        var catalog = LoadWith(new string('a', ContentLoader.ChangeNoteLimit + 1));

        Assert.Null(catalog.Find("noted"));
        var problem = Assert.Single(catalog.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(5, problem.Line);
        Assert.Contains("change note", problem.Message, StringComparison.Ordinal);
    }
}
