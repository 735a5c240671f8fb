using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Review.Reminders;

/// <summary>What happened to one reviewer's digest in a run.</summary>
public enum DigestOutcome
{
    /// <summary>Sent now, by e-mail or to the log.</summary>
    Sent,

    /// <summary>Already sent for this period, by this instance or another.</summary>
    AlreadySent,

    /// <summary>Nothing is due and nothing is new: no digest this time.</summary>
    NothingToSay,

    /// <summary>Sending failed; it is tried again at the next check.</summary>
    Failed,
}

public sealed record DigestResult(string Email, DigestOutcome Outcome, string? Text);

/// <summary>
/// Sends this period's digest to every reviewer who has not had it and has not turned it off. Each digest is claimed
/// first by adding its (account, period) row, which the store keeps unique (a unique index; the insert does nothing
/// when the row exists): when several instances run at once, only the one whose row went in sends, so a digest never
/// goes twice for the same period. A failed send gives its claim
/// back, so the next check tries again.
/// </summary>
public sealed class DigestRun(IServiceScopeFactory scopes, IDigestSender sender, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestRun> logger)
{
    public DateTime CurrentPeriod => options.Value.PeriodStart(clock.GetUtcNow().UtcDateTime);

    /// <summary>Sends what is due now; <paramref name="onlyEmail"/> limits it to one account.</summary>
    public async Task<IReadOnlyList<DigestResult>> RunAsync(string? onlyEmail = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = options.Value.PeriodStart(now);
        var (digest, recipients) = await PrepareAsync(period, now, onlyEmail, ct);
        var results = new List<DigestResult>();
        foreach (var user in recipients)
        {
            var email = user.Email!;
            if (digest.IsEmpty)
            {
                results.Add(new(email, DigestOutcome.NothingToSay, null));
                continue;
            }

            if (!await ClaimAsync(user.Id, period, now, ct))
            {
                results.Add(new(email, DigestOutcome.AlreadySent, null));
                continue;
            }

            try
            {
                await sender.SendAsync(email, digest, ct);
            }
#pragma warning disable CA1031 // Whatever the SMTP server does, the claim goes back and the next check tries again.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.DigestFailed(email, e);
                await ReleaseAsync(user.Id, period, CancellationToken.None);
                results.Add(new(email, DigestOutcome.Failed, null));
                continue;
            }

            await RecordSentAsync(user, period, CancellationToken.None);
            results.Add(new(email, DigestOutcome.Sent, digest.Text(email)));
        }

        return results;
    }

    /// <summary>Every reviewer's digest for this period as it would be sent now, without sending or recording anything.</summary>
    public async Task<IReadOnlyList<DigestResult>> PreviewAsync(string? onlyEmail = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (digest, recipients) = await PrepareAsync(options.Value.PeriodStart(now), now, onlyEmail, ct);
        return [.. recipients.Select(u => new DigestResult(u.Email!, digest.IsEmpty ? DigestOutcome.NothingToSay : DigestOutcome.Sent, digest.Text(u.Email!)))];
    }

    private async Task<(ReviewDigest Digest, List<SiteUser> Recipients)> PrepareAsync(DateTime period, DateTime now, string? onlyEmail, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var digest = await services.GetRequiredService<DigestComposer>().ComposeAsync(period, now, ct);
        var reviewers = await services.GetRequiredService<UserManager<SiteUser>>().GetUsersInRoleAsync(SiteRoles.Reviewer);
        var recipients = reviewers
            .Where(u => !u.DigestOff && !string.IsNullOrEmpty(u.Email))
            .Where(u => onlyEmail is null || string.Equals(u.Email, onlyEmail, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Email, StringComparer.Ordinal)
            .ToList();
        return (digest, recipients);
    }

    /// <summary>
    /// Adds the (account, period) row unless it is there: one statement, so that when instances race, exactly one adds
    /// it and the others learn so from the count, without a failed save (and its error in the log).
    /// </summary>
    private async Task<bool> ClaimAsync(string userId, DateTime period, DateTime now, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        var added = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "DigestDeliveries" ("UserId", "PeriodStart", "ClaimedAt") VALUES ({userId}, {period}, {now}) ON CONFLICT DO NOTHING""",
            ct);
        return added == 1;
    }

    private async Task ReleaseAsync(string userId, DateTime period, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        await db.DigestDeliveries.Where(d => d.UserId == userId && d.PeriodStart == period && d.SentAt == null).ExecuteDeleteAsync(ct);
    }

    private async Task RecordSentAsync(SiteUser user, DateTime period, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        var delivery = await db.DigestDeliveries.SingleAsync(d => d.UserId == user.Id && d.PeriodStart == period, ct);
        delivery.SentAt = clock.GetUtcNow().UtcDateTime;
        delivery.Channel = sender.Channel;
        db.Actor = "system:digest";
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = db.Actor,
            EntityType = "Digest",
            EntityKey = $"{user.Email} {period:yyyy-MM-dd HH:mm}",
            Action = sender.Channel == "email" ? "Sent by e-mail" : "Written to the log",
        });
        await db.SaveChangesAsync(ct);
    }
}
