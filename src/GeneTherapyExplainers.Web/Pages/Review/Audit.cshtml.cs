using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

public sealed class AuditModel(EditorialDbContext db) : PageModel
{
    public const int PageSize = 500;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(ct);
}
