using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using GeneTherapyExplainers.Web.Pages.Feedback;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>One report or comment: read it, mark it handled with a note or the review that answered it, or reopen it.</summary>
public sealed class FeedbackItemModel(
    EditorialDbContext db,
    UserManager<SiteUser> users,
    ContentCatalogProvider content,
    TimeProvider clock) : ReviewPageModel(db, users)
{
    public ReaderFeedback Entry { get; private set; } = null!;

    public string Title { get; private set; } = "";

    /// <summary>The explainer's reviews that still stand, newest first: one of them may have answered this.</summary>
    public IReadOnlyList<ReviewRecord> Reviews { get; private set; } = [];

    [BindProperty]
    public HandleInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        if (Entry.HandledAt is not null)
        {
            ModelState.AddModelError("Input.Note", $"{Entry.HandledBy} handled this already. Reopen it first to handle it again.");
        }
        else if (!Entry.NeedsReviewer)
        {
            ModelState.AddModelError("Input.Note", "A bare yes or no needs no handling: it is only counted.");
        }
        else if (note is { Length: > ReaderFeedback.MaxNoteLength })
        {
            ModelState.AddModelError("Input.Note", $"Keep the note to {ReaderFeedback.MaxNoteLength:N0} characters or fewer. It has {note.Length:N0}.");
        }
        else if (Input.ReviewId is { } reviewId && Reviews.All(r => r.Id != reviewId))
        {
            ModelState.AddModelError("Input.ReviewId", "Choose one of this explainer's reviews.");
        }
        else if (note is null && Input.ReviewId is null)
        {
            ModelState.AddModelError("Input.Note", "Write what you did about it, or choose the review that answered it.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await CurrentUserAsync();
        Entry.HandledAt = clock.GetUtcNow().UtcDateTime;
        Entry.HandledBy = user.Email ?? user.Id;
        Entry.HandledNote = note;
        Entry.HandledReviewId = Input.ReviewId;
        return await SaveAsync(id, ct) ?? RedirectToPage("/Review/Feedback", new { handled = id });
    }

    /// <summary>Back to the list of what waits, for another look; the audit trail keeps what the handling said.</summary>
    public async Task<IActionResult> OnPostReopenAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Entry.HandledAt is null)
        {
            return RedirectToPage(new { id });
        }

        await CurrentUserAsync();
        (Entry.HandledAt, Entry.HandledBy, Entry.HandledNote, Entry.HandledReviewId) = (null, null, null, null);
        return await SaveAsync(id, ct) ?? RedirectToPage(new { id });
    }

    /// <summary>Null when saved; the page again, saying so, when another reviewer changed the entry meanwhile.</summary>
    private async Task<IActionResult?> SaveAsync(long id, CancellationToken ct)
    {
        try
        {
            await Db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError("Input.Note", "Another reviewer changed this entry a moment ago. Here it is as it stands now.");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var entry = await Db.ReaderFeedback.Include(f => f.HandledReview).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null)
        {
            return false;
        }

        Entry = entry;
        Title = FeedbackWorkspace.TitleOf(content.Current, entry.Page, entry.PageKey);
        if (entry.Page == FeedbackPage.Explainers)
        {
            var reviews = await Db.ReviewRecords.AsNoTracking().Where(r => r.ExplainerSlug == entry.PageKey).Include(r => r.Reviewer).ToListAsync(ct);
            Reviews = [.. ReviewState.Effective(reviews)];
        }

        return true;
    }

    public sealed class HandleInput
    {
        /// <summary>Checked in the handler, so the message can say how long it is.</summary>
        public string? Note { get; set; }

        public int? ReviewId { get; set; }
    }
}
