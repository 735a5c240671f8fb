using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Review.Reminders;

/// <summary>
/// Looks every <see cref="DigestOptions.CheckEvery"/> for reviewers who have not had this period's digest, on the
/// <see cref="TimeProvider"/> (so tests move time rather than wait). Every instance runs it; the store decides which
/// instance sends each digest.
/// </summary>
public sealed class DigestScheduler(DigestRun run, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await run.RunAsync(ct: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run (the store briefly unreachable) is logged and tried again at the next check.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.DigestRunFailed(e);
            }

            try
            {
                await Task.Delay(options.Value.CheckEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
