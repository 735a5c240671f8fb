using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Feedback;

/// <summary>
/// Deletes feedback that needs nothing more once <see cref="FeedbackOptions.KeepFor"/> has passed: reports and comments
/// after they were handled, bare answers after they arrived. Runs at start and every
/// <see cref="FeedbackOptions.RetentionCheckEvery"/> on the <see cref="TimeProvider"/>, so tests move time instead of waiting.
/// Every instance may run it: deleting what is already gone deletes nothing.
/// </summary>
public sealed class FeedbackRetention(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider clock, ILogger<FeedbackRetention> logger)
    : BackgroundService
{
    /// <summary>Deletes what is due now; returns how many entries went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.KeepFor;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        // A bulk delete: no row is loaded, and no cached public page is touched (feedback appears on none).
        var deleted = await db.ReaderFeedback
            .Where(f => (f.HandledAt != null && f.HandledAt < cutoff) || (f.HandledAt == null && !f.IsReport && f.Comment == null && f.ReceivedAt < cutoff))
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            db.Actor = "system:retention";
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                Actor = db.Actor,
                EntityType = nameof(ReaderFeedback),
                EntityKey = $"before {cutoff:yyyy-MM-dd HH:mm}",
                Action = "Removed",
                Details = $"{deleted} entries deleted, {options.Value.KeepFor.TotalDays:0.#} days after they were handled or, for a bare answer, sent",
            });
            await db.SaveChangesAsync(ct);
            logger.FeedbackDeleted(deleted, cutoff);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run (the store briefly unreachable) is logged and tried again at the next interval.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.FeedbackRetentionFailed(e);
            }

            try
            {
                await Task.Delay(options.Value.RetentionCheckEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
