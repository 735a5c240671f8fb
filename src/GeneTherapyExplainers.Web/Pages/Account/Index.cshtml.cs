using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Review.Reminders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Account;

/// <summary>The signed-in account: who it is, and whether it gets the review digest.</summary>
[Authorize]
public sealed class IndexModel(EditorialDbContext db, UserManager<SiteUser> users, TimeProvider clock, IOptions<DigestOptions> digest) : FormPageModel
{
    public SiteUser Account { get; private set; } = null!;

    public IList<string> Roles { get; private set; } = [];

    public bool IsReviewer => Roles.Contains(SiteRoles.Reviewer);

    public int DigestDays => Math.Max(1, (int)Math.Round(digest.Value.Every.TotalDays));

    [BindProperty]
    public bool ReceiveDigest { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        ReceiveDigest = !Account.DigestOff;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Account.DigestOff == ReceiveDigest)
        {
            Account.DigestOff = !ReceiveDigest;
            db.Actor = Account.Email ?? Account.Id;
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                Actor = db.Actor,
                EntityType = "Account",
                EntityKey = Account.Email ?? Account.Id,
                Action = ReceiveDigest ? "Digest turned on" : "Digest turned off",
            });
            await db.SaveChangesAsync(ct);
        }

        return RedirectToPage(new { saved = true });
    }

    private async Task LoadAsync()
    {
        var id = users.GetUserId(User) ?? throw new InvalidOperationException("The account page needs a signed-in account.");
        Account = await db.Users.Include(u => u.Person).FirstAsync(u => u.Id == id);
        Roles = await users.GetRolesAsync(Account);
    }
}
