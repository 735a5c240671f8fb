using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>A page of the review workspace: knows the signed-in account and records it as the actor of every change.</summary>
public abstract class ReviewPageModel(EditorialDbContext db, UserManager<SiteUser> users) : FormPageModel
{
    protected EditorialDbContext Db => db;

    /// <summary>The account, with its linked person, making this request.</summary>
    protected async Task<SiteUser> CurrentUserAsync()
    {
        var id = users.GetUserId(User) ?? throw new InvalidOperationException("The review workspace requires a signed-in account.");
        var user = await db.Users.Include(u => u.Person).FirstAsync(u => u.Id == id);
        db.Actor = user.Email ?? user.Id;
        return user;
    }
}
