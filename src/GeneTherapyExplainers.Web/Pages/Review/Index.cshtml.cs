using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Review;

public sealed class IndexModel(ReviewWorkspace workspace, ContentCatalogProvider content) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<DashboardRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await workspace.DashboardAsync(content.Current, ct);
        Status = Status == "overdue" ? Status : null;
        Rows = Status == "overdue" ? [.. rows.Where(r => r.State.Status == ReviewStatus.Overdue)] : rows;
    }
}
