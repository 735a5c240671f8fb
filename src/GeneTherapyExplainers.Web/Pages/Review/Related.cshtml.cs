using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>Which related items an explainer shows. Detaching keeps the link (marked detached), so front matter never re-adds it.</summary>
public sealed class RelatedModel(EditorialDbContext db, UserManager<SiteUser> users, ContentCatalogProvider content, TimeProvider clock)
    : ReviewPageModel(db, users)
{
    public Explainer Explainer { get; private set; } = null!;

    public IReadOnlyList<ExplainerRelated> Attached { get; private set; } = [];

    public IReadOnlyList<RelatedItem> Available { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDetachAsync(string slug, int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        await CurrentUserAsync();
        var link = await Db.ExplainerRelated.Include(l => l.RelatedItem)
            .FirstOrDefaultAsync(l => l.ExplainerSlug == Explainer.Slug && l.RelatedItemId == itemId && l.DetachedAt == null, ct);
        if (link is not null)
        {
            link.DetachedAt = clock.GetUtcNow();
            await Db.SaveChangesAsync(ct);
            Message = $"“{link.RelatedItem!.Title}” is no longer shown on this explainer.";
        }

        return RedirectToPage(new { slug = Explainer.Slug });
    }

    public async Task<IActionResult> OnPostAttachAsync(string slug, int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        await CurrentUserAsync();
        var item = await Db.RelatedItems.FirstOrDefaultAsync(r => r.Id == itemId, ct);
        if (item is null)
        {
            return NotFound();
        }

        await RelatedLinks.AttachAsync(Db, Explainer.Slug, item.Id, ct);
        await Db.SaveChangesAsync(ct);
        Message = $"“{item.Title}” is now shown on this explainer.";
        return RedirectToPage(new { slug = Explainer.Slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var explainer = content.Current.Find(slug);
        if (explainer is null)
        {
            return false;
        }

        Explainer = explainer;
        Attached = await Db.ExplainerRelated.AsNoTracking().Include(l => l.RelatedItem)
            .Where(l => l.ExplainerSlug == explainer.Slug && l.DetachedAt == null).OrderBy(l => l.Position).ToListAsync(ct);
        var attachedIds = Attached.Select(l => l.RelatedItemId).ToList();
        Available = await Db.RelatedItems.AsNoTracking().Where(r => !attachedIds.Contains(r.Id)).OrderBy(r => r.Title).ToListAsync(ct);
        return true;
    }
}
