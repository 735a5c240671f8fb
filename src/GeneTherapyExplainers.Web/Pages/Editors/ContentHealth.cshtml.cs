using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Editors;

/// <summary>
/// Every content file with its errors and warnings, files with errors first, and each explainer's readability in one
/// table: for editors and reviewers. A file whose last good version stays online says so as its status.
/// </summary>
public sealed class ContentHealthModel(
    ContentCatalogProvider content, StoreProblems storeProblems, IOptions<ContentOptions> options, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FileHealth> Files { get; private set; } = [];

    public IReadOnlyList<Explainer> Explainers { get; private set; } = [];

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public int FilesWithErrors => Files.Count(f => f.HasErrors);

    public int FilesWithWarnings => Files.Count(f => !f.HasErrors && f.Problems.Count > 0);

    /// <summary>When the site last picked up a change in the content folder (or read it at start-up).</summary>
    public DateTimeOffset LastChange { get; private set; }

    public TimeSpan SinceLastChange { get; private set; }

    public double TargetGrade => options.Value.ReadabilityTargetGrade;

    public void OnGet()
    {
        var catalog = content.Current;
        var problems = catalog.Problems.Concat(storeProblems.Current).ToList();
        var kept = catalog.KeptOnline.ToHashSet(StringComparer.Ordinal);
        Files = [.. catalog.Files.Union(problems.Select(p => p.Path))
            .Select(path => new FileHealth(path, [.. problems.Where(p => p.Path == path).OrderBy(p => p.Line).ThenBy(p => p.Column)], kept.Contains(path)))
            .OrderBy(f => f.Rank).ThenBy(f => f.Path, StringComparer.Ordinal)];
        ErrorCount = problems.Count(p => p.Severity == ProblemSeverity.Error);
        WarningCount = problems.Count - ErrorCount;
        Explainers = [.. catalog.All.OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase)];
        LastChange = content.LastChange;
        SinceLastChange = clock.GetUtcNow() - LastChange;
    }

    /// <summary>"3 minutes ago", "just now": how long since the site picked up a change.</summary>
    public string Ago => SinceLastChange switch
    {
        { TotalMinutes: < 1 } => "less than a minute ago",
        { TotalHours: < 1 } t => Plural((int)t.TotalMinutes, "minute") + " ago",
        { TotalDays: < 1 } t => Plural((int)t.TotalHours, "hour") + " ago",
        var t => Plural((int)t.TotalDays, "day") + " ago",
    };

    public static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    public sealed record FileHealth(string Path, IReadOnlyList<ContentProblem> Problems, bool KeptOnline)
    {
        public string Id => "file-" + Path.Replace('/', '-').Replace('.', '-');

        public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

        /// <summary>Errors first, then warnings, then files with nothing to fix.</summary>
        public int Rank => HasErrors ? 0 : Problems.Count > 0 ? 1 : 2;

        public string State => HasErrors ? "Errors" : Problems.Count > 0 ? "Warnings" : "OK";

        public int Errors => Problems.Count(p => p.Severity == ProblemSeverity.Error);

        public int Warnings => Problems.Count - Errors;
    }
}
