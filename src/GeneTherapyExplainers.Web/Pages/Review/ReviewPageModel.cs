using System.Linq.Expressions;
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

    /// <summary>Set when a save was refused because someone else saved the same row first (or the form's version was unreadable).</summary>
    public SaveConflict? Conflict { get; protected set; }

    /// <summary>
    /// Saves an edit of a row that carries a version token, if the row is still at the version the form was loaded
    /// with: the row gets a new version and is saved. When someone else saved it first, nothing is saved,
    /// <see cref="Conflict"/> holds the values sent (to show beside the stored ones), the context forgets its changes,
    /// and the result is false.
    /// </summary>
    protected async Task<bool> SaveVersionedAsync<T>(
        T row, Expression<Func<T, Guid>> version, Guid sentVersion, IReadOnlyList<KeyValuePair<string, string?>> sent, CancellationToken ct)
        where T : class
    {
        var token = db.Entry(row).Property(version);
        token.OriginalValue = sentVersion;
        token.CurrentValue = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = new(sent);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The account, with its linked person, making this request.</summary>
    protected async Task<SiteUser> CurrentUserAsync()
    {
        var id = users.GetUserId(User) ?? throw new InvalidOperationException("The review workspace requires a signed-in account.");
        var user = await db.Users.Include(u => u.Person).FirstAsync(u => u.Id == id);
        db.Actor = user.Email ?? user.Id;
        return user;
    }
}
