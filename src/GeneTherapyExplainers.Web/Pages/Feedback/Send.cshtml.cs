using System.ComponentModel.DataAnnotations;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace GeneTherapyExplainers.Web.Pages.Feedback;

/// <summary>What the end of an explainer or glossary page needs to offer feedback: a plain link, no form that posts.</summary>
public sealed record FeedbackPrompt(FeedbackPage Page, string Key)
{
    public string FormPath => SitePaths.FeedbackForm(About);

    public string ReportPath => SitePaths.FeedbackForm(About, report: true);

    private string About => ReaderFeedback.PathOf(Page, Key).TrimStart('/');
}

/// <summary>
/// The feedback form for one page. The public page itself only links here (so it holds no antiforgery token and can be
/// kept whole in the page cache); this page holds the real form and sends the reader back to the page they came from,
/// whose address is made from the catalog, never from the request.
/// </summary>
[EnableRateLimiting(ReaderFeedbackSetup.RateLimit)]
public sealed class SendModel(ContentCatalogProvider content, EditorialDbContext db, TimeProvider clock, ILogger<SendModel> logger) : FormPageModel
{
    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    public FeedbackPage Target { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>The explainer's title or the glossary term.</summary>
    public string Title { get; private set; } = "";

    public string PagePath => ReaderFeedback.PathOf(Target, Key);

    public IActionResult OnGet(string kind, string key, string? helpful, string? report)
    {
        if (!Find(kind, key))
        {
            return NotFound();
        }

        Input.Helpful = helpful is "yes" or "no" ? helpful : null;
        Input.Report = report is "true" or "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string key, CancellationToken ct)
    {
        if (!Find(kind, key))
        {
            return NotFound();
        }

        // A bot fills in every field: it is thanked like anyone, and nothing is kept.
        if (!string.IsNullOrEmpty(Input.Website))
        {
            logger.FeedbackDropped(PagePath);
            return BackToPage();
        }

        var comment = string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment;
        if (comment is { Length: > ReaderFeedback.MaxCommentLength })
        {
            ModelState.Remove("Input.Comment");
            ModelState.AddModelError("Input.Comment", $"Keep it to {ReaderFeedback.MaxCommentLength:N0} characters or fewer. This text has {comment.Length:N0}.");
        }
        else if (Input.Report && comment is null)
        {
            ModelState.AddModelError("Input.Comment", "Say what is wrong, so that a reviewer can check it.");
        }
        else if (Input.Helpful is null && !Input.Report && comment is null)
        {
            ModelState.AddModelError("Input.Helpful", "Choose yes or no, or write what was missing or wrong.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var feedback = new ReaderFeedback
        {
            Page = Target,
            PageKey = Key,
            Helpful = Input.Helpful switch { "yes" => true, "no" => false, _ => null },
            IsReport = Input.Report,
            Comment = comment,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Actor = "reader";
        db.ReaderFeedback.Add(feedback);
        await db.SaveChangesAsync(ct);
        logger.FeedbackReceived(PagePath, feedback.IsReport ? "mistake report" : comment is not null ? "comment" : feedback.Helpful == true ? "helpful" : "not helpful");
        return BackToPage();
    }

    /// <summary>The page's own address with a thank-you that takes focus; nothing from the request goes into it.</summary>
    private RedirectResult BackToPage() => Redirect(PagePath + "?thanks=1#feedback-thanks");

    private bool Find(string kind, string key)
    {
        var catalog = content.Current;
        switch (kind)
        {
            case "explainers" when catalog.FindPublished(key) is { } explainer:
                (Target, Key, Title) = (FeedbackPage.Explainers, explainer.Slug, explainer.Title);
                return true;
            case "glossary" when catalog.FindTerm(key) is { } term:
                (Target, Key, Title) = (FeedbackPage.Glossary, term.Key, term.Term);
                return true;
            default:
                return false;
        }
    }

    public sealed class FeedbackInput
    {
        [RegularExpression("^(yes|no)$", ErrorMessage = "Choose yes or no.")]
        public string? Helpful { get; set; }

        public bool Report { get; set; }

        // Checked in the handler, so the message can say how long the text is; the form field stops at the limit too.
        public string? Comment { get; set; }

        /// <summary>Hidden from people (and from assistive technology); bots fill it in.</summary>
        public string? Website { get; set; }
    }
}
