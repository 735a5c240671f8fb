using System.Text.RegularExpressions;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests;

/// <summary>
/// Rules a newcomer can rely on when finding their way in the web project: its namespaces use each other in one
/// direction only, a page's model never reaches into another page's model, time comes from one clock, no file is
/// over 300 lines, and addresses are built in one place.
/// </summary>
public partial class SourceRulesTests
{
    private static readonly Lazy<IReadOnlyList<SourceFile>> Web = new(SourceTree.ReadWebProject);

    [Fact]
    public void NoNamespaceOfTheSiteUsesItselfThroughOthers()
    {
        var cycles = NamespaceCycles.Find(SourceTree.Uses(Web.Value));

        Assert.True(cycles.Count == 0, "Namespaces that use each other in a circle:\n\n" + string.Join("\n\n", cycles));
    }

    [Fact]
    public void TheStoreUsesNothingElseOfTheSiteAndItsPlumbingOnlyTheStore()
    {
        const string Data = SourceTree.Web + ".Data";
        const string Store = SourceTree.Web + ".Infrastructure.Store";
        var reaching = SourceTree.Uses(Web.Value)
            .Where(u => (u.From.StartsWith(Data, StringComparison.Ordinal) || u.From == Store) && !u.To.StartsWith(Data, StringComparison.Ordinal))
            .Select(u => $"{u.Path} uses {u.To} ({string.Join(", ", u.Names)})")
            .ToList();

        Assert.True(reaching.Count == 0, "Data/ is the store itself and Infrastructure/Store its plumbing: give what they need a seam instead:\n" + string.Join('\n', reaching));
    }

    [Fact]
    public void ACircleOfNamespacesIsReportedWithTheFilesThatMakeIt()
    {
        var files = SourceTree.Parse(new Dictionary<string, string>
        {
            ["Data/Store.cs"] = "using GeneTherapyExplainers.Web.Infrastructure;\nnamespace GeneTherapyExplainers.Web.Data;\npublic class Store(Clock clock);\n",
            ["Infrastructure/Clock.cs"] = "namespace GeneTherapyExplainers.Web.Infrastructure;\n// Data.Store in a comment is no use.\npublic class Clock { Data.Store? store; }\n",
            ["Pages/Index.cshtml"] = "@model IndexModel\n<p>@Clock</p>\n",
            ["Pages/Index.cshtml.cs"] = "namespace GeneTherapyExplainers.Web.Pages;\npublic class IndexModel { string s = \"Infrastructure.Clock\"; }\n",
            ["Pages/_ViewImports.cshtml"] = "@using GeneTherapyExplainers.Web.Infrastructure\n",
        });

        var cycle = Assert.Single(NamespaceCycles.Find(SourceTree.Uses(files)));

        Assert.Contains("GeneTherapyExplainers.Web.Data -> GeneTherapyExplainers.Web.Infrastructure -> GeneTherapyExplainers.Web.Data", cycle, StringComparison.Ordinal);
        Assert.Contains("Data/Store.cs (Clock, using)", cycle, StringComparison.Ordinal);
        Assert.Contains("Infrastructure/Clock.cs (Data.Store)", cycle, StringComparison.Ordinal);
        // The page uses Infrastructure through the view imports, and nothing uses the page.
        Assert.Contains(SourceTree.Uses(files), u => u.Path == "Pages/Index.cshtml" && u.To.EndsWith(".Infrastructure", StringComparison.Ordinal));
    }

    [Fact]
    public void NoPageModelUsesAnotherPageModel()
    {
        var pageModels = Web.Value.Where(f => f.Path.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            .Select(f => (f.Path, f.Namespace, Type: Path.GetFileName(f.Path).Replace(".cshtml.cs", "Model", StringComparison.Ordinal)))
            .ToList();
        var used = SourceTree.TypesUsed(Web.Value);
        var reaching = Web.Value.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => pageModels.Where(m => m.Path != f.Path && used[f.Path].Any(t => t.Namespace == m.Namespace
                    && (t.Name == m.Type || t.Name.EndsWith("." + m.Type, StringComparison.Ordinal))))
                .Select(m => $"{f.Path} uses {m.Type} of {m.Path}"))
            .ToList();

        Assert.True(reaching.Count == 0, "Put what two pages share beside them, not in one of them:\n" + string.Join('\n', reaching));
    }

    [Fact]
    public void OnlyTheCompositionRootReadsTheSystemClock()
    {
        var reading = new[] { "GeneTherapyExplainers.Content", SourceTree.Web }
            .SelectMany(project => SourceTree.ReadProject(project).Select(f => (Path: $"{project}/{f.Path}", f.Code)))
            .Where(f => f.Path != $"{SourceTree.Web}/Program.cs")
            .SelectMany(f => SystemClock().Matches(f.Code).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();

        Assert.True(reading.Count == 0, "Take the injected TimeProvider instead (Program.cs registers the system's):\n" + string.Join('\n', reading));
    }

    [Fact]
    public void NoSourceFileIsOver300Lines()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var tooLong = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            // Build output, and migrations, which dotnet-ef writes.
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Data/Migrations/", StringComparison.Ordinal))
            .Select(f => (Path: f, Lines: File.ReadLines(Path.Combine(src, f)).Count()))
            .Where(f => f.Lines > 300)
            .Select(f => $"{f.Path}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, "Split these by what they do:\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void AddressesWithAKeyAreBuiltBySitePaths()
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", SourceTree.Web);
        var byHand = Web.Value.Where(f => f.Path != "Infrastructure/SitePaths.cs")
            .SelectMany(f => HandBuiltPath().Matches(File.ReadAllText(Path.Combine(project, f.Path))).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();

        Assert.True(byHand.Count == 0, "Build these with SitePaths (or asp-page):\n" + string.Join('\n', byHand));
    }

    [Fact]
    public void NoViewWritesAnAddressOfTheSiteByHand()
    {
        var byHand = Web.Value.Where(f => f.Path.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => HandWrittenAddresses(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", SourceTree.Web, f.Path))).Select(a => $"{f.Path}: {a}"))
            .ToList();

        Assert.True(byHand.Count == 0, "Link pages with asp-page (or SitePaths), files of wwwroot with ~/:\n" + string.Join('\n', byHand));
    }

    [Fact]
    public void AHandWrittenAddressInAViewIsFoundAndEverythingElseIsLeftAlone()
    {
        const string View = """
            @page "/explainers"
            <partial name="/Pages/About/_ReviewCoverage.cshtml" />
            <a href="/">Home</a> <a href="/glossary">Glossary</a> <img src="/media/@picture.Image" alt="">
            <form method="get" action="/search"></form>
            @{ var links = new[] { ("/review/audit", "Audit trail") }; }
            <a asp-page="/Glossary/Index">Glossary</a> <a href="@SitePaths.Term("aav")">AAV</a> <a href="#main">Skip</a>
            <a href="https://www.example.org/page">Elsewhere</a> <a href="//cdn.example.org/x">Also elsewhere</a>
            <link rel="icon" href="~/favicon.ico"> <a href="mailto:someone@example.org">Write</a>
            """;

        Assert.Equal(["href=\"/\"", "href=\"/glossary\"", "src=\"/media/@picture.Image\"", "action=\"/search\"", "\"/review/audit\""], HandWrittenAddresses(View));
    }

    /// <summary>
    /// Addresses of the site written out in a view: an <c>href</c>, <c>src</c> or <c>action</c> that starts with one
    /// slash, or a string in its code that looks like a path (<c>"/review/audit"</c>). The <c>@page</c> route, page names
    /// (<c>/Pages/…</c>, <c>asp-page="/Glossary/Index"</c>), fragments, <c>~/</c> and other sites are not addresses built here.
    /// </summary>
    private static List<string> HandWrittenAddresses(string view) =>
        [.. view.Split('\n').Where(line => !line.TrimStart().StartsWith("@page", StringComparison.Ordinal))
            .SelectMany(line => HandWrittenAddress().Matches(line).Select(m => m.Value))];

    [GeneratedRegex(@"\b(?:href|src|action|formaction)\s*=\s*""/(?!/)[^""]*""|(?<![\w-]\s*=\s*)""/[a-z][^""\s]*""")]
    private static partial Regex HandWrittenAddress();

    // "/explainers/" + slug, $"/glossary/{key}", href="/people/@key": a page's address put together where it is used.
    [GeneratedRegex(@"""/(?:explainers|glossary|people|review|editors|feedback)/[^""\n]*""\s*\+|\$""/(?:explainers|glossary|people|review|editors|feedback)[/?][^""\n]*\{|href=""/[^""\n]*@")]
    private static partial Regex HandBuiltPath();

    [GeneratedRegex(@"\b(?:DateTime|DateTimeOffset)\s*\.\s*(?:Now|UtcNow|Today)\b|\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex SystemClock();
}
