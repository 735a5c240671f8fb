using System.Collections.Concurrent;
using System.Diagnostics;
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
    private static readonly TimeSpan EventlessInterval = TimeSpan.FromSeconds(2);
    private FileSystemWatcher? events;
    private int checkAll;
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
        // Events first, then one comparison with the files the first catalog was read from: nothing saved since is missed.
        events = settings.UseEvents ? StartEvents() : null;
        known = new Dictionary<string, (long, long)>(provider.BuiltFrom, StringComparer.Ordinal);
        Interlocked.Exchange(ref checkAll, 1);
        signal.Release();
        // Intervals, not dates: measured on the monotonic clock, which no change of the system's time moves.
        var lastFullCheck = Stopwatch.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = FullCheckInterval(settings) - Stopwatch.GetElapsedTime(lastFullCheck);
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
                Interlocked.Exchange(ref checkAll, 1);
                lastFullCheck = Stopwatch.GetTimestamp();
            }

            await ApplyAsync();
        }
    }

    /// <summary>
    /// The slow safety net while events work; when they were wanted but could not be had (the system's limit of
    /// watchers reached, say), the full check is what notices saves, so it runs every few seconds instead.
    /// </summary>
    private TimeSpan FullCheckInterval(ContentWatcherOptions settings) =>
        settings.UseEvents && events is null && settings.FullCheckInterval > EventlessInterval ? EventlessInterval : settings.FullCheckInterval;

    /// <summary>Applies what changed since the last time; a full check compares every file with what was last read.</summary>
    private async Task ApplyAsync()
    {
        try
        {
            if (!Directory.Exists(provider.ContentRoot))
            {
                if (!missingReported)
                {
                    logger.ContentFolderMissing(provider.ContentRoot);
                    missingReported = true;
                }

                pending.Clear();
                Interlocked.Exchange(ref checkAll, 1);
                return;
            }

            if (missingReported)
            {
                // The folder is back, perhaps as a new folder: watch it afresh.
                missingReported = false;
                events?.Dispose();
                events = options.Value.UseEvents ? StartEvents() : null;
            }

            // Taken one by one, so a path seen while this runs stays pending for the next pass instead of being lost.
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in pending.Keys)
            {
                if (pending.TryRemove(path, out _))
                {
                    paths.Add(path);
                }
            }

            // Events name the files: only a full check looks at every file, so a save costs the same at any size.
            var now = Interlocked.Exchange(ref checkAll, 0) == 1 ? provider.Snapshot() : null;
            if (now is not null)
            {
                paths.UnionWith(now.Where(f => !known.TryGetValue(f.Key, out var k) || k != f.Value).Select(f => f.Key));
                paths.UnionWith(known.Keys.Where(k => !now.ContainsKey(k)));
            }

            if (paths.Count > 0)
            {
                var change = provider.Update(paths);
                using var scope = scopes.CreateScope();
                await StoreSetup.SyncLinksAsync(scope.ServiceProvider, change);
            }

            // Only once all went well: after a failure the full comparison finds these files again.
            if (now is not null)
            {
                known = now;
            }
            else
            {
                foreach (var path in paths)
                {
                    var info = new FileInfo(Path.Combine(provider.ContentRoot, path));
                    if (info.Exists)
                    {
                        known[path] = (info.Length, info.LastWriteTimeUtc.Ticks);
                    }
                    else
                    {
                        known.Remove(path);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A file half-written or locked, or the store busy: compare everything again once the folder is quiet.
            // Nothing is lost: the watcher keeps running, and the next pass comes without waiting for another event.
            Interlocked.Exchange(ref checkAll, 1);
            signal.Release();
            logger.ContentRebuildFailed(ex);
        }
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
                Interlocked.Exchange(ref checkAll, 1);
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
            Interlocked.Exchange(ref checkAll, 1);
        }

        signal.Release();
    }
}
