using System.Text;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>
/// Keeps the text of an explainer as a reviewer saw it, once per fingerprint, and reads kept texts back. The catalog does
/// not hold file text, so the text is read from the file when a review is recorded (a reviewer's post, never a public
/// page) and kept only if it is exactly the version online.
/// </summary>
public sealed class ReviewedTexts(EditorialDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Makes sure the store holds the text of <paramref name="explainer"/> as it is online; true when it does. False when
    /// the file no longer says what the page online says (saved again a moment ago, or saved with errors).
    /// </summary>
    public async Task<bool> KeepAsync(Explainer explainer, string contentRoot, CancellationToken ct = default)
    {
        var fingerprint = explainer.Fingerprint;
        if (await db.ReviewedTexts.AnyAsync(t => t.Fingerprint == fingerprint, ct))
        {
            return true;
        }

        if (ReadCurrent(explainer, contentRoot) is not { } text || ContentText.Fingerprint(text) != fingerprint)
        {
            return false;
        }

        var row = db.ReviewedTexts.Add(new ReviewedText { Fingerprint = fingerprint, Text = text, KeptAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Another review of the same version kept it at the same moment: one copy is enough.
        }
        finally
        {
            row.State = EntityState.Detached;
        }

        return true;
    }

    /// <summary>The kept text with this fingerprint, or null.</summary>
    public Task<string?> FindAsync(string fingerprint, CancellationToken ct = default) =>
        db.ReviewedTexts.AsNoTracking().Where(t => t.Fingerprint == fingerprint).Select(t => t.Text).FirstOrDefaultAsync(ct);

    /// <summary>The explainer's file as it is now, or null when it cannot be read as text.</summary>
    public static string? ReadCurrent(Explainer explainer, string contentRoot)
    {
        try
        {
            return ContentText.Read(Path.Combine(contentRoot, explainer.SourcePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }
    }
}
