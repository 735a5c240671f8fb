using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using GeneTherapyExplainers.Web.Pages.Feedback;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>Reader feedback that waits for a reviewer, or that was handled; of every page or of one.</summary>
public sealed class FeedbackModel(FeedbackWorkspace feedback, ContentCatalogProvider content) : PageModel
{
    /// <summary>A page as "explainers/{slug}" or "glossary/{key}"; empty for every page.</summary>
    [BindProperty(Name = "about", SupportsGet = true)]
    public string? PageFilter { get; set; }

    /// <summary>"handled" lists handled feedback; anything else, what waits.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>The entry just handled, to say so.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Handled { get; set; }

    public bool ShowHandled => Show == "handled";

    public (FeedbackPage Page, string Key)? Filter { get; private set; }

    public IReadOnlyList<ReaderFeedback> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(PageFilter))
        {
            Filter = Parse(PageFilter);
            if (Filter is null)
            {
                return NotFound();
            }
        }

        Entries = ShowHandled
            ? await feedback.HandledAsync(Filter?.Page, Filter?.Key, ct: ct)
            : await feedback.WaitingAsync(Filter?.Page, Filter?.Key, ct: ct);
        return Page();
    }

    public string TitleOf(FeedbackPage page, string key) => FeedbackWorkspace.TitleOf(content.Current, page, key);

    public string Link(bool handled) => SitePaths.ReviewFeedback(PageFilter, handled);

    private static (FeedbackPage, string)? Parse(string value)
    {
        var parts = value.Split('/', 2);
        FeedbackPage? page = parts[0] switch
        {
            "explainers" => FeedbackPage.Explainers,
            "glossary" => FeedbackPage.Glossary,
            _ => null,
        };
        return page is { } p && parts.Length == 2 && parts[1].Length is > 0 and <= 100 ? (p, parts[1]) : null;
    }
}
