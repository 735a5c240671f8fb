using MailKit.Security;

namespace GeneTherapyExplainers.Web.Pages.Review.Reminders;

/// <summary>The "Digest" section of configuration: when reviewers get their digest and what counts as due.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Send digests on the schedule. The <c>notify</c> command works either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The length of a period: each reviewer gets at most one digest a period.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The start of one period (UTC); the others follow every <see cref="Every"/>. By default Mondays at 08:00 UTC.</summary>
    public DateTime PeriodsFrom { get; set; } = new(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>How often the site looks for digests not yet sent this period.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Reviews due within this many days are listed as due soon.</summary>
    public int DueWithinDays { get; set; } = 14;

    /// <summary>The start (UTC) of the period that holds <paramref name="utcNow"/>.</summary>
    public DateTime PeriodStart(DateTime utcNow)
    {
        var anchor = DateTime.SpecifyKind(PeriodsFrom, DateTimeKind.Utc);
        var every = Every > TimeSpan.Zero ? Every.Ticks : TimeSpan.FromDays(7).Ticks;
        var elapsed = utcNow.Ticks - anchor.Ticks;
        var periods = elapsed >= 0 ? elapsed / every : -((-elapsed + every - 1) / every);
        return new DateTime(anchor.Ticks + (periods * every), DateTimeKind.Utc);
    }
}

/// <summary>
/// The "Smtp" section of configuration: where digests are sent from. With no <see cref="Host"/>, digests are written to
/// the log instead.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>MailKit's choice: Auto (TLS on 465, STARTTLS where offered otherwise), None, StartTls, SslOnConnect...</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>The sender, such as <c>Gene Therapy Explainers &lt;reviews@example.org&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Empty: the server needs no sign-in.</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
