using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>
/// Conflicts land on the file that caused them (the one saved last), a mistake in one file does not breed errors in the
/// files that use it, and the running site and <c>validate</c> report the same problems. Each case is a folder under
/// Fixtures/Blame: <c>step1/</c> is the content folder the site starts with, each later step holds the files saved
/// then (a day apart), and <c>expected.txt</c> lists every problem after the last step as <c>path:line: severity: words</c>.
/// </summary>
public class ErrorBlameTests
{
    private static readonly DateTime FirstSave = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string Fixtures => Path.Combine(RepositoryPaths.Root, "tests", "GeneTherapyExplainers.Tests", "Content", "Fixtures", "Blame");

    public static TheoryData<string> Cases() => [.. Directory.EnumerateDirectories(Fixtures).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheSiteAndValidateBlameTheFileThatCausedTheProblemAndNothingElse(string name)
    {
        using var content = new TempContent();
        var builder = new CatalogBuilder(content.Root);
        var steps = Directory.EnumerateDirectories(Path.Combine(Fixtures, name), "step*").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var saved = Copy(steps[i], content, FirstSave.AddDays(i));
            _ = i == 0 ? builder.Build() : builder.Update(saved);
        }

        var expected = File.ReadAllLines(Path.Combine(Fixtures, name, "expected.txt")).Where(l => l.Length > 0).ToList();
        var site = builder.Catalog.Problems;
        var validate = ContentLoader.Load(content.Root).Problems;
        Assert.Equal(Located(expected), Located(site.Select(Line)));
        Assert.Equal(site, validate);
        foreach (var (line, problem) in expected.Zip(site))
        {
            Assert.Contains(line.Split(": ", 3)[2], problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ABrokenTermKeepsItsLastGoodVersionOnlineAsAStatusNotAProblem()
    {
        using var content = new TempContent();
        var builder = new CatalogBuilder(content.Root);
        var steps = Path.Combine(Fixtures, "broken-term-is-not-blamed-on-its-users");
        Copy(Path.Combine(steps, "step1"), content, FirstSave);
        builder.Build();
        builder.Update(Copy(Path.Combine(steps, "step2"), content, FirstSave.AddDays(1)));

        Assert.Equal(["glossary/gene-editing.md"], builder.Catalog.KeptOnline);
        Assert.NotNull(builder.Catalog.FindTerm("gene-editing"));
        Assert.Equal(["gene-editing"], builder.Catalog.FindPublished("uses-editing")!.KeyTerms.Select(t => t.Key));
        Assert.Empty(ContentLoader.Load(content.Root).KeptOnline);
    }

    /// <summary>Copies a step's files into the content folder, saved at the given time; returns their paths.</summary>
    private static List<string> Copy(string step, TempContent content, DateTime saved)
    {
        var paths = new List<string>();
        foreach (var file in Directory.EnumerateFiles(step, "*", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(step, file).Replace('\\', '/');
            content.Write(path, File.ReadAllText(file)).Stamp(path, saved);
            paths.Add(path);
        }

        return paths;
    }

    private static string Line(ContentProblem p) => $"{p.Path}:{p.Line}: {(p.Severity == ProblemSeverity.Error ? "error" : "warning")}: {p.Message}";

    private static List<string> Located(IEnumerable<string> lines) => [.. lines.Select(l => string.Join(": ", l.Split(": ", 3).Take(2)))];
}
