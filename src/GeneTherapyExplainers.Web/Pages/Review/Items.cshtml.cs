using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

public sealed class ItemsModel(EditorialDbContext db) : PageModel
{
    public IReadOnlyList<RelatedItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.RelatedItems.AsNoTracking().OrderBy(r => r.Title).ToListAsync(ct);
}
