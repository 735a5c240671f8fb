using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Commands;

/// <summary>
/// <c>validate [content-folder]</c>: checks every content file without starting the site, prints each problem as
/// <c>path:line:column: error|warning: message</c>, and exits 1 when there is an error.
/// Person and related-item keys are checked against the seed data, which is what a fresh site knows. The content rules
/// (<c>Content:MinimumSources</c> and the rest) come from the same settings as the site's: appsettings.json and
/// environment variables such as <c>Content__MinimumSources</c>.
/// </summary>
public static class ValidateCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string root;
        try
        {
            root = args.Length > 1 ? Path.GetFullPath(args[1]) : new SiteOptions().ResolveContentPath(Directory.GetCurrentDirectory());
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }

        if (!Directory.Exists(root))
        {
            error.WriteLine($"There is no folder {root}.");
            return 2;
        }

        var catalog = ContentLoader.Load(root, Options());
        var (people, items) = StoreSeeder.Keys(root);
        var problems = catalog.Problems.Concat(ExplainerLinkSync.UnknownKeys(catalog.All, people, items))
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ToList();
        foreach (var problem in problems)
        {
            output.WriteLine(problem.ToString());
        }

        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        output.WriteLine($"{CommandLine.Count(catalog.Files.Count, "file")} checked in {root}: {CommandLine.Count(errors, "error")}, {CommandLine.Count(problems.Count - errors, "warning")}.");
        return errors > 0 ? 1 : 0;
    }

    private static ContentOptions Options()
    {
        var options = new ContentOptions();
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection("Content")
            .Bind(options);
        return options;
    }
}
