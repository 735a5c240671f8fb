using GeneTherapyExplainers.Web.Data;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

public sealed class ContentWatcherOptions
{
    /// <summary>How often the content folder is checked for changes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>
/// Notices changed, added, renamed and deleted content files and rebuilds the catalog, off the request path.
/// It compares a fingerprint of the folder on a short interval instead of relying on file-system events, so it
/// works the same on every file system (network shares and container volumes included). A change is rebuilt
/// once the folder has been still for one interval, so a burst of saves causes one rebuild.
/// </summary>
public sealed class ContentWatcher(
    ContentCatalogProvider provider,
    Search.SearchIndex search,
    IServiceScopeFactory scopes,
    IOptions<ContentWatcherOptions> options,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        string? lastSeen = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = provider.Fingerprint();
                if (now != provider.BuiltFingerprint && now == lastSeen)
                {
                    var catalog = provider.Rebuild();
                    search.Rebuild(catalog);
                    using var scope = scopes.CreateScope();
                    await StoreSetup.SyncLinksAsync(scope.ServiceProvider, catalog);
                }

                lastSeen = now;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // A file half-written or locked, or the store busy: the next tick tries again.
                logger.ContentRebuildFailed(ex);
            }
        }
    }
}
