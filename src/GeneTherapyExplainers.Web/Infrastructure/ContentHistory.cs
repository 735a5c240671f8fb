using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// When an explainer first existed, from the content rather than from the database's age: the front matter's
/// <c>published</c> date; else the day its file was first committed, when the content folder is in a git
/// repository and git is installed; else the day the file was last written. Never after today.
/// </summary>
public sealed class ContentHistory(ILogger<ContentHistory> logger)
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, DateOnly>>>> added = new(StringComparer.Ordinal);

    /// <summary>The first date of each explainer of a content folder; git's history is read once per folder.</summary>
    public async Task<Func<Explainer, DateOnly>> FirstDatesAsync(string contentRoot, DateOnly today)
    {
        var history = await added.GetOrAdd(contentRoot, root => new(() => ReadGitAsync(root))).Value;
        return explainer =>
        {
            var first = explainer.Published
                ?? (history.TryGetValue(explainer.SourcePath, out var committed) ? committed : DateOnly.FromDateTime(explainer.Modified.UtcDateTime));
            return first > today ? today : first;
        };
    }

    /// <summary>Path (relative to the content folder, with /) to the author date of the commit that added it.</summary>
    private async Task<IReadOnlyDictionary<string, DateOnly>> ReadGitAsync(string contentRoot)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-c", "core.quotePath=false", "log", "--diff-filter=A", "--no-renames", "--format=@%as", "--name-only", "--relative", "--", "." },
            Environment = { ["GIT_TERMINAL_PROMPT"] = "0" },
        };
        try
        {
            using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
            using var timeout = new CancellationTokenSource(GitTimeout);
            var output = git.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = git.StandardError.ReadToEndAsync(timeout.Token);
            await git.WaitForExitAsync(timeout.Token);
            var complaint = (await error).Trim();
            if (git.ExitCode != 0)
            {
                logger.ContentHistoryUnavailable(contentRoot, complaint);
                return dates;
            }

            // Newest commits first: the last date seen for a path is the day it was first added.
            var date = default(DateOnly?);
            foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (line.StartsWith('@'))
                {
                    date = DateOnly.TryParseExact(line[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                }
                else if (date is { } when)
                {
                    dates[line] = when;
                }
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or OperationCanceledException)
        {
            logger.ContentHistoryUnavailable(contentRoot, ex.Message);
        }

        return dates;
    }
}
