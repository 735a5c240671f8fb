using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace GeneTherapyExplainers.Web.Pages.Review;

public enum DiffKind
{
    Same,
    Removed,
    Added,
    Changed,
}

/// <summary>A run of text within a line: kept, removed or added.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// One line of a comparison. <see cref="DiffKind.Changed"/> lines hold the old and the new line in one, sentence by
/// sentence: what stayed, what went, what came. A gap stands for unchanged lines that are not shown.
/// </summary>
/// <param name="Kind">Same, removed, added, or changed (removed and added within the line).</param>
/// <param name="OldNumber">The line's number in the old text, if it is there.</param>
/// <param name="NewNumber">The line's number in the new text, if it is there.</param>
/// <param name="Pieces">The line's text, piece by piece.</param>
/// <param name="Skipped">For a gap: how many unchanged lines it stands for; otherwise 0.</param>
public sealed record DiffLine(DiffKind Kind, int? OldNumber, int? NewNumber, IReadOnlyList<DiffPiece> Pieces, int Skipped = 0)
{
    public bool IsGap => Skipped > 0;
}

/// <summary>
/// What changed between two versions of a file, for people: lines compared first (DiffPlex), then, within a changed
/// line, sentences, so an edited sentence shows as that sentence removed and its new wording added. Unchanged lines
/// are shown only next to a change.
/// </summary>
public sealed partial record TextDiff(IReadOnlyList<DiffLine> Lines, int ChangedLines, int AddedLines, int RemovedLines)
{
    /// <summary>Unchanged lines shown before and after each change (blank lines do not count).</summary>
    private const int Context = 1;

    public bool IsEmpty => ChangedLines + AddedLines + RemovedLines == 0;

    public static TextDiff Compare(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var (a, b) = (result.PiecesOld, result.PiecesNew);
        var lines = new List<DiffLine>();
        var (i, j) = (0, 0);
        foreach (var block in result.DiffBlocks)
        {
            for (; i < block.DeleteStartA; i++, j++)
            {
                lines.Add(new DiffLine(DiffKind.Same, i + 1, j + 1, [new DiffPiece(DiffKind.Same, a[i])]));
            }

            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var k = 0; k < paired; k++)
            {
                lines.Add(new DiffLine(DiffKind.Changed, i + k + 1, j + k + 1, Sentences(a[i + k], b[j + k])));
            }

            for (var k = paired; k < block.DeleteCountA; k++)
            {
                lines.Add(new DiffLine(DiffKind.Removed, i + k + 1, null, [new DiffPiece(DiffKind.Removed, a[i + k])]));
            }

            for (var k = paired; k < block.InsertCountB; k++)
            {
                lines.Add(new DiffLine(DiffKind.Added, null, j + k + 1, [new DiffPiece(DiffKind.Added, b[j + k])]));
            }

            (i, j) = (block.DeleteStartA + block.DeleteCountA, block.InsertStartB + block.InsertCountB);
        }

        for (; i < a.Count; i++, j++)
        {
            lines.Add(new DiffLine(DiffKind.Same, i + 1, j + 1, [new DiffPiece(DiffKind.Same, a[i])]));
        }

        return new TextDiff(
            Shorten(lines),
            lines.Count(l => l.Kind == DiffKind.Changed),
            lines.Count(l => l.Kind == DiffKind.Added),
            lines.Count(l => l.Kind == DiffKind.Removed));
    }

    /// <summary>A changed line, sentence by sentence; neighbouring pieces of one kind are joined.</summary>
    private static List<DiffPiece> Sentences(string oldLine, string newLine)
    {
        var result = Differ.Instance.CreateDiffs(oldLine, newLine, ignoreWhiteSpace: false, ignoreCase: false, SentenceChunker.Instance);
        var (a, b) = (result.PiecesOld, result.PiecesNew);
        var pieces = new List<DiffPiece>();
        var i = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; i < block.DeleteStartA; i++)
            {
                Append(pieces, DiffKind.Same, a[i]);
            }

            for (var k = 0; k < block.DeleteCountA; k++)
            {
                Append(pieces, DiffKind.Removed, a[block.DeleteStartA + k]);
            }

            for (var k = 0; k < block.InsertCountB; k++)
            {
                Append(pieces, DiffKind.Added, b[block.InsertStartB + k]);
            }

            i = block.DeleteStartA + block.DeleteCountA;
        }

        for (; i < a.Count; i++)
        {
            Append(pieces, DiffKind.Same, a[i]);
        }

        return pieces;
    }

    private static void Append(List<DiffPiece> pieces, DiffKind kind, string text)
    {
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }

    /// <summary>Keeps changes and the nearest non-blank unchanged lines around them; the rest become gaps.</summary>
    private static List<DiffLine> Shorten(List<DiffLine> lines)
    {
        if (lines.TrueForAll(l => l.Kind == DiffKind.Same))
        {
            return [];
        }

        var keep = new bool[lines.Count];
        for (var n = 0; n < lines.Count; n++)
        {
            if (lines[n].Kind == DiffKind.Same)
            {
                continue;
            }

            keep[n] = true;
            MarkContext(lines, keep, n, -1);
            MarkContext(lines, keep, n, +1);
        }

        var shown = new List<DiffLine>();
        var hidden = 0;
        var hiddenText = false;
        for (var n = 0; n < lines.Count; n++)
        {
            if (keep[n])
            {
                Flush();
                shown.Add(lines[n]);
            }
            else
            {
                hidden++;
                hiddenText |= !string.IsNullOrWhiteSpace(lines[n].Pieces[0].Text);
            }
        }

        Flush();
        return shown;

        void Flush()
        {
            // A run of blank lines alone between two shown lines is not worth a gap.
            if (hiddenText)
            {
                shown.Add(new DiffLine(DiffKind.Same, null, null, [], hidden));
            }

            (hidden, hiddenText) = (0, false);
        }
    }

    private static void MarkContext(List<DiffLine> lines, bool[] keep, int from, int step)
    {
        var found = 0;
        for (var n = from + step; n >= 0 && n < lines.Count && lines[n].Kind == DiffKind.Same && found < Context; n += step)
        {
            if (!string.IsNullOrWhiteSpace(lines[n].Pieces[0].Text))
            {
                keep[n] = true;
                found++;
            }
        }
    }

    /// <summary>Splits a line after each sentence end (., ! or ?, then any closing quotes or brackets, then spaces).</summary>
    private sealed partial class SentenceChunker : IChunker
    {
        public static SentenceChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text) => [.. SentenceEnd().Split(text).Where(s => s.Length > 0)];

        [GeneratedRegex(@"(?<=[.!?][""'”’)\]]*\s+)(?=\S)")]
        private static partial Regex SentenceEnd();
    }
}
