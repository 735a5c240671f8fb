namespace GeneTherapyExplainers.Web.Commands;

/// <summary>
/// Tells site start-up from the maintenance commands that share the same program, answers <c>--help</c> for every
/// command and subcommand without opening anything, and refuses a misspelt command in one line instead of starting
/// the site with it.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        usage:
          (no command)           run the site (configuration switches such as --urls http://localhost:5080 may follow)
          validate [FOLDER]      check every content file without starting the site
          users ...              add, list and remove reviewer and editor accounts (users --help)
          notify ...             send the review digest now (notify --help)
          store copy ...         copy the store into another database (store --help)
          --help                 this text; every command and subcommand takes --help too
        """;

    public const string ValidateUsage = """
        usage: validate [FOLDER]
          Checks every file in the content folder (by default the site's content/) without starting the site, prints
          each problem as path:line:column: error|warning: message, and exits 1 when there is an error.
        """;

    private static readonly string[] Commands = ["validate", "users", "notify", "store"];

    /// <summary>The arguments without a leading <c>--</c> (what <c>dotnet run -- -- --help</c> passes on).</summary>
    public static string[] Normalize(string[] args) => args.Length > 0 && args[0] == "--" ? args[1..] : args;

    public static bool IsUsers(string[] args) => args.Length > 0 && args[0] == "users";

    public static bool IsValidate(string[] args) => args.Length > 0 && args[0] == "validate";

    public static bool IsStore(string[] args) => args.Length > 0 && args[0] == "store";

    public static bool IsNotify(string[] args) => args.Length > 0 && args[0] == "notify";

    /// <summary>The arguments the host should see: configuration switches only, never a command's own words.</summary>
    public static string[] HostArguments(string[] args) => IsUsers(args) || IsValidate(args) || IsStore(args) || IsNotify(args) ? [] : args;

    /// <summary>True when any word asks for help: <c>--help</c>, <c>-h</c>, or <c>help</c> as the command or subcommand.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args) =>
        args.Any(a => a is "--help" or "-h" or "-?") || args.Take(2).Contains("help");

    /// <summary>The help text for these arguments: the command's and subcommand's own when there is one.</summary>
    public static string HelpFor(IReadOnlyList<string> args) => (args.Count > 0 ? args[0] : null) switch
    {
        "validate" => ValidateUsage,
        "users" => UsersCommand.UsageOf(args.ElementAtOrDefault(1)),
        "notify" => NotifyCommand.Usage,
        "store" => StoreCommand.Usage,
        _ => Usage,
    };

    /// <summary>
    /// Answers what needs neither the site nor the store: help, validate, store copy, and a wrong first word.
    /// Returns the exit code, or null when the site or a command that needs the store should go on.
    /// </summary>
    public static async Task<int?> RunBeforeSiteAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (WantsHelp(args))
        {
            output.WriteLine(HelpFor(args));
            return 0;
        }

        if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') && !Commands.Contains(args[0]))
        {
            return Fail(error, $"'{args[0]}' is not a command. Commands: {string.Join(", ", Commands)}; run with --help for more.");
        }

        if (args.Length > 0 && Commands.Contains(args[0]))
        {
            EndInOneLine(args[0], error);
        }

        if (IsValidate(args))
        {
            if (args.Length > 2 || args.Skip(1).Any(a => a.StartsWith('-')))
            {
                return Fail(error, $"validate takes one content folder at most, not '{string.Join(' ', args.Skip(1))}'. Run 'validate --help' for how to use it.");
            }

            return Guarded(() => ValidateCommand.Run(args, output, error), args, error);
        }

        if (IsUsers(args) && UsersCommand.SubcommandMistake(args) is { } mistake)
        {
            return Fail(error, mistake);
        }

        if (IsStore(args))
        {
            return await GuardedAsync(() => StoreCommand.RunAsync(args, output, error), args, error);
        }

        return null;
    }

    /// <summary>The commands that need the store, once it is migrated and seeded as for the site.</summary>
    public static Task<int> RunWithStoreAsync(IServiceProvider services, string[] args) => IsUsers(args)
        ? new UsersCommand(services, Console.In, Console.Out, Console.Error).RunAsync(args)
        : new NotifyCommand(services, Console.Out, Console.Error).RunAsync(args);

    /// <summary>Runs a command; anything it did not expect becomes one line on standard error, never a stack trace.</summary>
    public static async Task<int> GuardedAsync(Func<Task<int>> command, IReadOnlyList<string> args, TextWriter error)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(error, $"{(args.Count > 0 ? args[0] : "The site")} stopped: {OneLine(e)} (details are in the log, if it was open).");
        }
    }

    /// <summary>
    /// A command that fails before it starts (no content folder, a store that cannot be opened) says why in one line and
    /// exits 1; leaving the process from the handler is what keeps the runtime from printing a stack trace.
    /// </summary>
    private static void EndInOneLine(string command, TextWriter error) =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            error.WriteLine($"{command} stopped: {(e.ExceptionObject is Exception ex ? OneLine(ex) : "an unexpected error")}");
            error.Flush();
            Environment.Exit(1);
        };

    private static int Guarded(Func<int> command, IReadOnlyList<string> args, TextWriter error) =>
        GuardedAsync(() => Task.FromResult(command()), args, error).GetAwaiter().GetResult();

    /// <summary>"1 error", "2 errors".</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    private static string OneLine(Exception e) =>
        string.Join(' ', (e.GetBaseException().Message ?? e.GetType().Name).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
