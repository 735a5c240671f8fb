using System.Diagnostics;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;

namespace GeneTherapyExplainers.Tests.Commands;

/// <summary>Help, wrong arguments and exit codes of every command, answered before the site or the store starts.</summary>
public class CommandLineTests
{
    private static async Task<(int? Code, string Output, string Error)> BeforeSiteAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunBeforeSiteAsync(CommandLine.Normalize(args), output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built site program from a folder with no content and no store: what an operator would see.</summary>
    private static async Task<(int Code, string Output, string Error)> ProgramAsync(params string[] args)
    {
        var web = typeof(CommandLine).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet", [web, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', args)}' did not exit: it started the site.");
        }

        return (process.ExitCode, await output, await error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("validate", "--help")]
    [InlineData("store", "--help")]
    [InlineData("store", "copy", "--help")]
    [InlineData("users", "--help")]
    [InlineData("users", "add", "--help")]
    [InlineData("users", "list", "--help")]
    [InlineData("users", "remove", "-h")]
    [InlineData("users", "reset-password", "--help")]
    [InlineData("users", "unlock", "--help")]
    [InlineData("notify", "--help")]
    public async Task EveryCommandAndSubcommandAnswersHelpWithoutStartingAnything(params string[] args)
    {
        var (code, output, error) = await BeforeSiteAsync(args);
        Assert.Equal(0, code);
        Assert.StartsWith("usage:", output, StringComparison.Ordinal);
        Assert.Empty(error);
        if (args.Length > 2)
        {
            Assert.Contains($"{args[0]} {args[1]}", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UsersAddHelpFromTheBuiltProgramPrintsItsUsageAndNoStackTrace()
    {
        var (code, output, error) = await ProgramAsync("users", "add", "--help");
        Assert.Equal(0, code);
        Assert.StartsWith("usage: users add --email EMAIL", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpAfterADoubleDashPrintsTheUsageInsteadOfStartingTheSite()
    {
        var (code, output, _) = await ProgramAsync("--", "--help");
        Assert.Equal(0, code);
        Assert.StartsWith("usage:", output, StringComparison.Ordinal);
        Assert.Contains("validate [FOLDER]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("users")]
    [InlineData("users", "frobnicate")]
    [InlineData("store")]
    [InlineData("store", "move")]
    [InlineData("store", "copy", "--from", "Data Source=x.db")]
    [InlineData("store", "copy", "--from", "Data Source=x.db", "--to", "Data Source=y.db", "--fast", "yes")]
    [InlineData("validate", "one", "two")]
    [InlineData("validate", "--strict")]
    public async Task AWrongArgumentExitsNonZeroWithAOneLineReason(params string[] args)
    {
        var (code, output, error) = await BeforeSiteAsync(args);
        Assert.NotNull(code);
        Assert.NotEqual(0, code);
        Assert.Empty(output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ACommandThatCannotStartSaysWhyInOneLineWithoutAStackTrace()
    {
        // From a folder with no content above it, the users command cannot find the site's content.
        var (code, _, error) = await ProgramAsync("users", "list");
        Assert.Equal(1, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("users stopped: No content folder was found", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateCountsOneErrorInTheSingular()
    {
        using var content = new TempContent().Write("glossary/vector.md", "---\nterm: Vector\ndefinition: A carrier for genes.\ncolour: red\n---\n\nMore about vectors.\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, ValidateCommand.Run(["validate", content.Root], output, error));
        var summary = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Matches(@"^1 file checked in .*: 1 error, \d+ warnings?\.$", summary);
    }
}
