using System.Collections.Concurrent;
using GeneTherapyExplainers.Content.Loading;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

public sealed class ContentWatcherOptions
{
    /// <summary>A change is picked up once the folder has been quiet this long, so a burst of saves makes one update.</summary>
    public TimeSpan Quiet { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How often the whole folder is compared with what was last read: the safety net for missed events.</summary>
    public TimeSpan FullCheckInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Off: rely on the full check alone (for file systems without change events, such as some network shares).</summary>
    public bool UseEvents { get; set; } = true;
}

/// <summary>
/// Notices changed, added, renamed and deleted content files and updates the catalog with just those files, off the
/// request path. File-system events say which files changed and cost nothing while nothing does; a slow full comparison
/// of every file's size and time is the safety net for events a file system drops. If the content folder disappears,
/// the last catalog stays online and an error is logged.
/// </summary>
public sealed partial class ContentWatcher(
    ContentCatalogProvider provider,
    IServiceScopeFactory scopes,
    IOptions<ContentWatcherOptions> options,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim signal = new(0);
    private Dictionary<string, (long Length, long Ticks)> known = [];
    private FileSystemWatcher? events;
    private volatile bool checkAll;
    private bool missingReported;

    public override void Dispose()
    {
        events?.Dispose();
        signal.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        known = Snapshot() ?? [];
        events = settings.UseEvents ? StartEvents() : null;
        var nextFullCheck = DateTime.UtcNow + settings.FullCheckInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = nextFullCheck - DateTime.UtcNow;
            var woken = wait > TimeSpan.Zero && await signal.WaitAsync(wait, stoppingToken);
            if (woken)
            {
                // Wait for quiet: every further event restarts the wait, so a burst ends in one update.
                while (await signal.WaitAsync(settings.Quiet, stoppingToken))
                {
                }
            }
            else
            {
                checkAll = true;
                nextFullCheck = DateTime.UtcNow + settings.FullCheckInterval;
            }

            await ApplyAsync();
        }
    }

    /// <summary>Applies what changed since the last time; a full check compares every file with what was last read.</summary>
    private async Task ApplyAsync()
    {
        try
        {
            var now = Snapshot();
            if (now is null)
            {
                if (!missingReported)
                {
                    logger.ContentFolderMissing(provider.ContentRoot);
                    missingReported = true;
                }

                pending.Clear();
                checkAll = true;
                return;
            }

            if (missingReported)
            {
                // The folder is back, perhaps as a new folder: watch it afresh.
                missingReported = false;
                events?.Dispose();
                events = options.Value.UseEvents ? StartEvents() : null;
            }

            var paths = new HashSet<string>(pending.Keys, StringComparer.Ordinal);
            pending.Clear();
            if (checkAll)
            {
                checkAll = false;
                paths.UnionWith(now.Where(f => !known.TryGetValue(f.Key, out var k) || k != f.Value).Select(f => f.Key));
                paths.UnionWith(known.Keys.Where(k => !now.ContainsKey(k)));
            }

            known = now;
            if (paths.Count > 0)
            {
                var change = provider.Update(paths);
                using var scope = scopes.CreateScope();
                await Data.StoreSetup.SyncLinksAsync(scope.ServiceProvider, change);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // A file half-written or locked: look at everything again on the next pass.
            checkAll = true;
            logger.ContentRebuildFailed(ex);
        }
    }

    /// <summary>Size and time of every content file, or null when the content folder is gone.</summary>
    private Dictionary<string, (long, long)>? Snapshot()
    {
        var root = provider.ContentRoot;
        if (!Directory.Exists(root))
        {
            return null;
        }

        var files = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var path in provider.ListFiles())
        {
            var info = new FileInfo(Path.Combine(root, path));
            if (info.Exists)
            {
                files[path] = (info.Length, info.LastWriteTimeUtc.Ticks);
            }
        }

        return files;
    }

    private FileSystemWatcher? StartEvents()
    {
        try
        {
            var watcher = new FileSystemWatcher(provider.ContentRoot)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Seen(e.FullPath);
            watcher.Created += (_, e) => Seen(e.FullPath);
            watcher.Deleted += (_, e) => Seen(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Seen(e.OldFullPath);
                Seen(e.FullPath);
            };
            watcher.Error += (_, e) =>
            {
                logger.ContentEventsLost(provider.ContentRoot, e.GetException());
                checkAll = true;
                signal.Release();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.ContentEventsLost(provider.ContentRoot, ex);
            return null;
        }
    }

    private void Seen(string fullPath)
    {
        var relative = Path.GetRelativePath(provider.ContentRoot, fullPath);
        if (CatalogBuilder.Normalize(relative) is { } path)
        {
            pending[path] = 0;
        }
        else if (!relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || Directory.Exists(fullPath))
        {
            // A folder added, removed or renamed, or the content folder itself: compare everything.
            checkAll = true;
        }

        signal.Release();
    }
}
