using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Pages.Review;

namespace GeneTherapyExplainers.Tests.Pages.Review;

public class TextDiffTests
{
    private const string Paragraph = "Gene therapy adds a working gene. The treatment is given once. Doctors check on you for years.";

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void AnEditedSentenceShowsAsThatSentenceRemovedAndItsNewWordingAddedWithinItsLine()
    {
        var diff = TextDiff.Compare(
            Lines("## Part", "", Paragraph),
            Lines("## Part", "", Paragraph.Replace("The treatment is given once.", "The treatment is usually given once.", StringComparison.Ordinal)));

        var line = Assert.Single(diff.Lines, l => l.Kind != DiffKind.Same);
        Assert.Equal(DiffKind.Changed, line.Kind);
        Assert.Equal(3, line.NewNumber);
        Assert.Equal(
            [
                new DiffPiece(DiffKind.Same, "Gene therapy adds a working gene. "),
                new DiffPiece(DiffKind.Removed, "The treatment is given once. "),
                new DiffPiece(DiffKind.Added, "The treatment is usually given once. "),
                new DiffPiece(DiffKind.Same, "Doctors check on you for years."),
            ],
            line.Pieces);
        Assert.Equal((1, 0, 0), (diff.ChangedLines, diff.AddedLines, diff.RemovedLines));
    }

    [Fact]
    public void UnchangedLinesAwayFromAChangeBecomeOneGapThatCountsThem()
    {
        var before = Enumerable.Range(1, 10).Select(n => $"Line {n}.").ToArray();
        var after = before.ToArray();
        after[8] = "Line nine, changed.";

        var diff = TextDiff.Compare(Lines(before), Lines(after));

        Assert.Equal(7, diff.Lines[0].Skipped);
        Assert.Equal(["Line 8.", null, "Line 10."], diff.Lines.Skip(1).Select(l => l.Kind == DiffKind.Same ? l.Pieces[0].Text : null));
        Assert.Equal(9, diff.Lines[2].NewNumber);
    }

    [Fact]
    public void AddedAndRemovedLinesAreShownWholeWithTheirNumbers()
    {
        var diff = TextDiff.Compare(Lines("Keep.", "Gone.", "", "Keep too."), Lines("Keep.", "", "Keep too.", "New at the end."));

        var removed = Assert.Single(diff.Lines, l => l.Kind == DiffKind.Removed);
        Assert.Equal((2, (int?)null, "Gone."), (removed.OldNumber!.Value, removed.NewNumber, removed.Pieces.Single().Text));
        var added = Assert.Single(diff.Lines, l => l.Kind == DiffKind.Added);
        Assert.Equal((4, "New at the end."), (added.NewNumber!.Value, added.Pieces.Single().Text));
    }

    [Fact]
    public void TheSameTextHasNoChanges()
    {
        var diff = TextDiff.Compare(Lines("One.", "Two."), Lines("One.", "Two."));
        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Lines);
    }

    [Fact]
    public void ALastSentenceReplacedIsShownApartFromItsNewWording()
    {
        var diff = TextDiff.Compare(Lines("Kept. Old ending."), Lines("Kept. New ending."));

        var html = GeneTherapyExplainers.Web.Pages.Review.ReviewChanges.Pieces(Assert.Single(diff.Lines)).Value!;
        var line = Html.Parse($"<p>{html}</p>").Find("p");

        Assert.Equal("Kept. removed: Old ending. added: New ending.", line.TextContent);
        Assert.Equal("Old ending.", line.QuerySelector("del")!.LastChild!.TextContent);
        Assert.Equal("New ending.", line.QuerySelector("ins")!.LastChild!.TextContent);
    }
}
