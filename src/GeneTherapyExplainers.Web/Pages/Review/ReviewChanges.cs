using System.Text;
using System.Text.Encodings.Web;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>
/// What changed in an explainer since a reviewed version: the reviewed text kept in the store against the file as it is
/// now. The reviewer page shows it for the last review by default, or for any earlier review that kept its text.
/// </summary>
/// <param name="Since">The review whose version is compared.</param>
/// <param name="Choices">Reviews that kept a version other than the one compared, newest first, to compare with instead.</param>
/// <param name="Diff">The comparison; null when the text is unchanged or either side cannot be read.</param>
/// <param name="Unchanged">True when the text is exactly the version reviewed.</param>
/// <param name="FileIsNotOnline">True when the file on disk is not the version online (saved a moment ago, or with errors).</param>
public sealed record ReviewChanges(ReviewRecord Since, IReadOnlyList<ReviewRecord> Choices, TextDiff? Diff, bool Unchanged, bool FileIsNotOnline)
{
    /// <summary>How many other reviewed versions are offered for comparison.</summary>
    private const int MaxChoices = 20;

    /// <summary>
    /// The changes since the review <paramref name="sinceId"/>, or since the latest review that kept its text; null when no
    /// review kept one.
    /// </summary>
    public static async Task<ReviewChanges?> LoadAsync(
        Explainer explainer, IReadOnlyList<ReviewRecord> history, int? sinceId, ReviewedTexts texts, string contentRoot, CancellationToken ct)
    {
        var kept = ReviewState.Effective(history).Where(r => r.ContentFingerprint is not null).ToList();
        var since = kept.FirstOrDefault(r => r.Id == sinceId) ?? kept.FirstOrDefault();
        if (since is null)
        {
            return null;
        }

        var choices = kept.Where(r => r.ContentFingerprint != since.ContentFingerprint).DistinctBy(r => r.ContentFingerprint).Take(MaxChoices).ToList();
        if (since.ContentFingerprint == explainer.Fingerprint)
        {
            return new ReviewChanges(since, choices, null, Unchanged: true, FileIsNotOnline: false);
        }

        var reviewed = await texts.FindAsync(since.ContentFingerprint!, ct);
        var current = ReviewedTexts.ReadCurrent(explainer, contentRoot);
        var diff = reviewed is null || current is null ? null : TextDiff.Compare(reviewed, current);
        var notOnline = current is not null && ContentText.Fingerprint(current) != explainer.Fingerprint;
        return new ReviewChanges(since, choices, diff, Unchanged: false, notOnline);
    }

    /// <summary>Where a line is, in words: its number now, or in the reviewed version for a removed line.</summary>
    public static string Where(DiffLine line) => line.Kind switch
    {
        DiffKind.Changed => $"Line {line.NewNumber}, changed:",
        DiffKind.Added => $"Line {line.NewNumber}, added:",
        DiffKind.Removed => $"Removed (was line {line.OldNumber}):",
        _ => $"Line {line.NewNumber}:",
    };

    /// <summary>
    /// A line's text with removals in &lt;del&gt; and additions in &lt;ins&gt;, each also labelled in words for screen
    /// readers. Written as one run, since the text keeps its spaces.
    /// </summary>
    public static Microsoft.AspNetCore.Html.HtmlString Pieces(DiffLine line)
    {
        var html = new StringBuilder();
        for (var i = 0; i < line.Pieces.Count; i++)
        {
            var piece = line.Pieces[i];
            var text = HtmlEncoder.Default.Encode(piece.Text);
            if (piece.Kind == DiffKind.Added && i > 0 && line.Pieces[i - 1].Kind == DiffKind.Removed && !line.Pieces[i - 1].Text.EndsWith(' '))
            {
                // The old wording ended the line: keep it apart from the new one.
                html.Append(' ');
            }

            html.Append(piece.Kind switch
            {
                DiffKind.Removed => $"<del><span class=\"visually-hidden\">removed: </span>{text}</del>",
                DiffKind.Added => $"<ins><span class=\"visually-hidden\">added: </span>{text}</ins>",
                _ => text,
            });
        }

        return new(html.ToString());
    }
}
