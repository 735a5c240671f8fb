using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

public sealed class PeopleModel(EditorialDbContext db) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        People = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
}
