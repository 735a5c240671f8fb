using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

/// <summary>
/// The page history of one explainer: each change of its text (with the change note its front matter gave) and each
/// review, newest first, a page at a time. Read from the store only.
/// </summary>
public sealed class HistoryModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    public const int PerPage = 50;

    // From the query string only: "page" is also the route value that names the Razor page.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Explainer Explainer { get; private set; } = null!;

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (content.Current.FindPublished(slug) is not { } explainer)
        {
            return NotFound();
        }

        var editorial = await store.ForExplainerAsync(explainer.Slug, ct);
        var versions = await store.VersionsAsync(explainer.Slug, ct);
        var url = (int p) => SitePaths.ExplainerHistory(explainer.Slug, p);
        if (Paging.Of(Timeline(versions, editorial.Reviews), PageNumber, PerPage, url) is not { } page)
        {
            return NotFound();
        }

        Explainer = explainer;
        (Entries, Paging) = page;
        HttpContext.CacheAs([
            PageTags.Explainer(explainer.Slug), PageTags.Store(explainer.Slug),
            .. Entries.Select(e => e.Review?.ReviewerId).OfType<int>().Distinct().Select(PageTags.Person)]);
        return Page();
    }

    /// <summary>Changes and reviews in one list, newest first; a change note is shown only where it was new.</summary>
    public static List<Entry> Timeline(IReadOnlyList<ContentVersion> versions, IReadOnlyList<ReviewRecord> reviews)
    {
        var notes = versions.ToDictionary(v => v.Number, v => v.ChangeNote);
        var changes = versions.Select(v => new Entry(
            DateOnly.FromDateTime(v.ChangedAt.UtcDateTime), v.ChangedAt, v, null,
            v.ChangeNote is { } note && notes.GetValueOrDefault(v.Number - 1) != note ? note : null));
        var corrected = reviews.Where(r => r.CorrectsId is not null).Select(r => r.CorrectsId!.Value).ToHashSet();
        var reviewed = reviews.Select(r => new Entry(r.ReviewedOn, r.RecordedAt, null, r, null, corrected.Contains(r.Id)));
        return [.. changes.Concat(reviewed).OrderByDescending(e => e.Date).ThenByDescending(e => e.At)];
    }

    /// <summary>One line of the history: a change of the text or a review.</summary>
    /// <param name="Date">The day it happened.</param>
    /// <param name="At">When it was saved or recorded, to order entries of one day.</param>
    /// <param name="Version">The version, for a change.</param>
    /// <param name="Review">The review, for a review.</param>
    /// <param name="Note">The change note, where the change brought a new one.</param>
    /// <param name="Corrected">For a review: a later entry corrects it.</param>
    public sealed record Entry(DateOnly Date, DateTimeOffset At, ContentVersion? Version, ReviewRecord? Review, string? Note, bool Corrected = false);
}
