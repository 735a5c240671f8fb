using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Editors;

/// <summary>Every content file with its errors and warnings, and each explainer's readability: for editors and reviewers.</summary>
public sealed class ContentHealthModel(ContentCatalogProvider content, StoreProblems storeProblems, IOptions<ContentOptions> options) : PageModel
{
    public IReadOnlyList<FileHealth> Files { get; private set; } = [];

    public IReadOnlyList<Explainer> Explainers { get; private set; } = [];

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public int Builds { get; private set; }

    public double TargetGrade => options.Value.ReadabilityTargetGrade;

    public void OnGet()
    {
        var catalog = content.Current;
        var problems = catalog.Problems.Concat(storeProblems.Current).ToList();
        Files = [.. catalog.Files.Union(problems.Select(p => p.Path)).Order(StringComparer.Ordinal)
            .Select(path => new FileHealth(path, [.. problems.Where(p => p.Path == path).OrderBy(p => p.Line).ThenBy(p => p.Column)]))];
        ErrorCount = problems.Count(p => p.Severity == ProblemSeverity.Error);
        WarningCount = problems.Count - ErrorCount;
        Explainers = catalog.All;
        Builds = content.Builds;
    }

    public sealed record FileHealth(string Path, IReadOnlyList<ContentProblem> Problems)
    {
        public string Id => Path.Replace('/', '-').Replace('.', '-');

        public string State => Problems.Any(p => p.Severity == ProblemSeverity.Error) ? "Errors"
            : Problems.Count > 0 ? "Warnings" : "OK";
    }
}
