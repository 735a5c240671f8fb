namespace GeneTherapyExplainers.Web.Commands;

/// <summary>What <c>users</c> and each of its subcommands say to <c>--help</c>, and the check of the subcommand.</summary>
public sealed partial class UsersCommand
{
    public const string Usage = """
        usage:
          users add --email EMAIL --role Reviewer|Editor [--person PERSON-KEY]
          users list
          users remove --email EMAIL
          users reset-password --email EMAIL
          users unlock --email EMAIL
        Each takes --help, such as: users add --help
        """;

    private static readonly Dictionary<string, string> SubcommandUsage = new(StringComparer.Ordinal)
    {
        ["add"] = """
            usage: users add --email EMAIL --role Reviewer|Editor [--person PERSON-KEY]
              Makes an account and asks for its password twice (from the terminal without echo, or as two lines of
              standard input). --person links the account to a person in the store (their key, such as
              georgios-anagas), so the reviews it records name them.
            """,
        ["list"] = """
            usage: users list
              Lists every account: e-mail, roles, linked person, and whether it is locked out.
            """,
        ["remove"] = """
            usage: users remove --email EMAIL
              Removes the account. The reviews it recorded are kept.
            """,
        ["reset-password"] = """
            usage: users reset-password --email EMAIL
              Asks for a new password twice, ends every session of the account and clears a lockout.
            """,
        ["unlock"] = """
            usage: users unlock --email EMAIL
              Ends a lockout at once and forgets the failed sign-in attempts; the password stays as it is.
            """,
    };

    /// <summary>The usage of one subcommand, or of the whole command when it is not one.</summary>
    public static string UsageOf(string? subcommand) =>
        subcommand is not null && SubcommandUsage.TryGetValue(subcommand, out var usage) ? usage : Usage;

    /// <summary>What is wrong with the subcommand, in one line (checked before the store is opened); null when nothing is.</summary>
    public static string? SubcommandMistake(IReadOnlyList<string> args) => args.Count < 2
        ? "users needs a subcommand: add, list, remove, reset-password or unlock. Run 'users --help' for how to use them."
        : SubcommandUsage.ContainsKey(args[1]) ? null
        : $"'{args[1]}' is not a users subcommand: use add, list, remove, reset-password or unlock. Run 'users --help' for how to use them.";
}
