using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>Which interviews and articles an explainer shows: what the related-items page and a new item's form share.</summary>
public static class RelatedLinks
{
    /// <summary>Shows an item on an explainer, last in order: a new link, or a detached one brought back.</summary>
    public static async Task AttachAsync(EditorialDbContext db, string slug, int itemId, CancellationToken ct)
    {
        var links = await db.ExplainerRelated.Where(l => l.ExplainerSlug == slug).ToListAsync(ct);
        var position = links.Count == 0 ? 0 : links.Max(l => l.Position) + 1;
        var existing = links.FirstOrDefault(l => l.RelatedItemId == itemId);
        if (existing is null)
        {
            db.ExplainerRelated.Add(new ExplainerRelated { ExplainerSlug = slug, RelatedItemId = itemId, Position = position });
        }
        else if (existing.DetachedAt is not null)
        {
            existing.DetachedAt = null;
            existing.Position = position;
        }
    }
}
