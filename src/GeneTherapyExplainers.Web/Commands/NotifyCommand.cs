using System.Globalization;
using GeneTherapyExplainers.Web.Pages.Review.Reminders;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Commands;

/// <summary>
/// <c>notify [--preview] [--to EMAIL]</c>: sends this period's review digest now to every reviewer who has not had it,
/// exactly as the schedule would (never twice for a period). With no SMTP server configured the digest goes to the log,
/// and the command prints it.
/// </summary>
public sealed class NotifyCommand(IServiceProvider services, TextWriter output, TextWriter error)
{
    public const string Usage = """
        usage:
          notify                 send this period's review digest to every reviewer who has not had it yet
          notify --to EMAIL      only to this reviewer
          notify --preview       print each reviewer's digest as it would be sent now; send and record nothing
          notify --help          this text

        A digest lists reviews overdue and due soon, and new reader reports and comments. Each reviewer gets at most
        one a period (Digest:Every, a week by default), whether the schedule or this command sends it, and however
        many instances run. With Smtp:Host set it goes by e-mail; without it, it goes to the log and is printed here.
        Reviewers who turned the digest off on their account page get none.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rest = args.Skip(1).ToList();
        var preview = rest.Remove("--preview");
        string? to = null;
        var at = rest.IndexOf("--to");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count || rest[at + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail("--to needs an e-mail address. Run 'notify --help' for how to use it.");
            }

            to = rest[at + 1];
            rest.RemoveRange(at, 2);
        }

        if (rest.Count > 0)
        {
            return Fail($"'{rest[0]}' is not understood: notify takes --preview and --to EMAIL. Run 'notify --help' for how to use it.");
        }

        var run = services.GetRequiredService<DigestRun>();
        var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var period = run.CurrentPeriod.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var results = preview ? await run.PreviewAsync(to) : await run.RunAsync(to);
        if (results.Count == 0)
        {
            return to is null
                ? Fail("No reviewer account gets the digest (none exists, or every one turned it off). Add one with: users add --email EMAIL --role Reviewer")
                : Fail($"{to} is not a reviewer account that gets the digest.");
        }

        var failed = false;
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case DigestOutcome.Sent when preview || !smtp.IsConfigured:
                    output.WriteLine(preview ? $"--- Preview for {result.Email} (not sent) ---" : $"--- Digest for {result.Email} (no SMTP server configured: written to the log) ---");
                    output.Write(result.Text);
                    output.WriteLine();
                    break;
                case DigestOutcome.Sent:
                    output.WriteLine($"Sent to {result.Email} for the period starting {period} UTC.");
                    break;
                case DigestOutcome.AlreadySent:
                    output.WriteLine($"{result.Email} already had the digest for the period starting {period} UTC; not sent again.");
                    break;
                case DigestOutcome.NothingToSay:
                    output.WriteLine($"{result.Email}: nothing is due and nothing is new, so there is no digest{(preview ? "" : " to send")}.");
                    break;
                default:
                    error.WriteLine($"The digest for {result.Email} could not be sent (see the log); it will be tried again.");
                    failed = true;
                    break;
            }
        }

        return failed ? 1 : 0;
    }

    private int Fail(string message)
    {
        error.WriteLine(message);
        return 1;
    }
}
