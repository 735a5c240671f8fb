using System.ComponentModel.DataAnnotations;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>
/// Recording a review of an explainer (<c>/review/explainers/{slug}</c>): its review status, what changed in the text
/// since the last review, and the form that adds a review record, tied to the text as it is online.
/// </summary>
public sealed class RecordModel(
    EditorialDbContext db,
    UserManager<SiteUser> users,
    ContentCatalogProvider content,
    ReviewWorkspace workspace,
    EditorialQueries queries,
    ReviewedTexts texts,
    TimeProvider clock) : ReviewPageModel(db, users)
{
    public Explainer Explainer { get; private set; } = null!;

    public IReadOnlyList<ReviewRecord> History { get; private set; } = [];

    public ReviewState State { get; private set; } = null!;

    public DateOnly? Earliest { get; private set; }

    /// <summary>The person a review recorded here will name publicly: the one linked to the signed-in account.</summary>
    public string? ReviewerName { get; private set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Recorded { get; set; }

    /// <summary>The review whose version the changes are shown against (by default the latest that kept its text).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Since { get; set; }

    /// <summary>What changed since a reviewed version; null when no review kept its text.</summary>
    public ReviewChanges? Changes { get; private set; }

    /// <summary>When the text has changed since the last review, the date of the latest change.</summary>
    public DateTimeOffset? ChangedSinceReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Input.ReviewedOn = queries.Today;
        Input.SubmissionId = Guid.NewGuid();
        Input.Fingerprint = Explainer.Fingerprint;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (Input.SubmissionId is null || SaveConflict.IsUnreadable(ModelState, "Input.SubmissionId"))
        {
            NewSubmission("This form arrived without its one-time key, so nothing was recorded. Check the entry below and record it again.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Input.ReviewedOn is { } date)
        {
            if (date > today)
            {
                ModelState.AddModelError("Input.ReviewedOn", "The date cannot be in the future.");
            }
            else if (Earliest is { } earliest && date < earliest)
            {
                ModelState.AddModelError("Input.ReviewedOn", $"The date cannot be before {Format.Date(earliest)}, when this explainer was first published.");
            }
        }

        if (Input.CorrectsId is { } corrects)
        {
            if (History.All(r => r.Id != corrects))
            {
                ModelState.AddModelError("Input.CorrectsId", "Choose an entry of this explainer's history.");
            }
            else if (string.IsNullOrWhiteSpace(Input.Notes))
            {
                ModelState.AddModelError("Input.Notes", "Say in the notes what the earlier entry got wrong.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // This form was recorded already (a retry after a lost answer, or a double click): the same answer again.
        if (await RecordedByThisFormAsync(ct) is { } earlier)
        {
            return AnswerForEarlier(earlier);
        }

        if (await KeepTextAsync(ct) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            return Page();
        }

        var user = await CurrentUserAsync();
        var record = new ReviewRecord
        {
            ExplainerSlug = Explainer.Slug,
            Kind = Input.Kind!.Value,
            ReviewedOn = Input.ReviewedOn!.Value,
            ReviewerId = user.PersonId,
            Notes = Clean(Input.Notes),
            SourcesChecked = Clean(Input.SourcesChecked),
            CorrectsId = Input.CorrectsId,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = user.Email ?? user.Id,
            SubmissionId = Input.SubmissionId,
            ContentFingerprint = Explainer.Fingerprint,
        };
        Db.ReviewRecords.Add(record);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // The same form, posted twice at once: the other post recorded it.
            Db.ChangeTracker.Clear();
            var other = await RecordedByThisFormAsync(ct);
            if (other is null)
            {
                throw;
            }

            return AnswerForEarlier(other);
        }

        return RedirectToPage(new { slug = Explainer.Slug, recorded = true });
    }

    private Task<ReviewRecord?> RecordedByThisFormAsync(CancellationToken ct) =>
        Db.ReviewRecords.AsNoTracking().FirstOrDefaultAsync(r => r.SubmissionId == Input.SubmissionId, ct);

    /// <summary>
    /// The answer to a form that was recorded already: "recorded" when it says the same again; when its values
    /// differ (the form was sent, then changed and sent again), nothing is recorded and the form gets a new key.
    /// </summary>
    private IActionResult AnswerForEarlier(ReviewRecord earlier)
    {
        if (earlier.ExplainerSlug == Explainer.Slug && earlier.Kind == Input.Kind && earlier.ReviewedOn == Input.ReviewedOn
            && earlier.Notes == Clean(Input.Notes) && earlier.SourcesChecked == Clean(Input.SourcesChecked) && earlier.CorrectsId == Input.CorrectsId)
        {
            return RedirectToPage(new { slug = Explainer.Slug, recorded = true });
        }

        NewSubmission("This form was used already to record a review, so this entry was not recorded. Check it below and record it again to add it as a new entry.");
        return Page();
    }

    /// <summary>A fresh one-time key for the form, and the reason it was needed, above the form.</summary>
    private void NewSubmission(string reason)
    {
        ModelState.Remove("Input.SubmissionId");
        Input.SubmissionId = Guid.NewGuid();
        ModelState.AddModelError(string.Empty, reason);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var explainer = content.Current.Find(slug);
        if (explainer is null)
        {
            return false;
        }

        Explainer = explainer;
        ReviewerName = (await CurrentUserAsync()).Person?.DisplayName;
        var editorial = await queries.ForExplainerAsync(explainer.Slug, ct);
        History = editorial.Reviews;
        State = editorial.Review;
        ChangedSinceReview = editorial.ChangedSinceReview(explainer);
        Earliest = await workspace.EarliestReviewDateAsync(explainer, ct);
        Changes = await ReviewChanges.LoadAsync(explainer, History, Since, texts, content.ContentRoot, ct);
        return true;
    }

    /// <summary>
    /// Ties the review to the text the reviewer was shown: refused when the explainer changed after the form was opened,
    /// or when the file no longer says what the page online says; otherwise the text is kept in the store.
    /// </summary>
    private async Task<string?> KeepTextAsync(CancellationToken ct)
    {
        var current = Explainer.Fingerprint;
        if (Input.Fingerprint is { } shown && shown != current)
        {
            ModelState.Remove("Input.Fingerprint");
            Input.Fingerprint = current;
            return $"This explainer changed after you opened this form (its file was saved {Explainer.Modified.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", Format.Culture)}), so nothing was recorded. Read the page again, then record the review.";
        }

        return await texts.KeepAsync(Explainer, content.ContentRoot, ct) ? null
            : $"The file {Explainer.SourcePath} no longer says what the page online says: it was saved a moment ago, or it has errors (see content health). Nothing was recorded. Try again in a moment, or once the errors are fixed.";
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class ReviewInput
    {
        [Required(ErrorMessage = "Choose the kind of review.")]
        public ReviewKind? Kind { get; set; }

        [Required(ErrorMessage = "Enter the date of the review.")]
        public DateOnly? ReviewedOn { get; set; }

        [StringLength(4000, ErrorMessage = "Keep the notes under 4,000 characters.")]
        public string? Notes { get; set; }

        [StringLength(4000, ErrorMessage = "Keep the list of sources under 4,000 characters.")]
        public string? SourcesChecked { get; set; }

        public int? CorrectsId { get; set; }

        /// <summary>The form's one-time key: however often this form is posted, it records one review.</summary>
        public Guid? SubmissionId { get; set; }

        /// <summary>The fingerprint of the text the form was opened on: a review is tied to what the reviewer saw.</summary>
        public string? Fingerprint { get; set; }
    }
}
