using GeneTherapyExplainers.Web.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GeneTherapyExplainers.Web.Pages.Review.Reminders;

/// <summary>Where digests go: an SMTP server, or the log when none is configured.</summary>
public interface IDigestSender
{
    /// <summary>"email" or "log", as recorded with each delivery.</summary>
    string Channel { get; }

    Task SendAsync(string recipient, ReviewDigest digest, CancellationToken ct);
}

/// <summary>Sends each digest as a plain-text e-mail with MailKit, one connection a message.</summary>
public sealed class SmtpDigestSender(IOptions<SmtpOptions> options, ILogger<SmtpDigestSender> logger) : IDigestSender
{
    public string Channel => "email";

    public async Task SendAsync(string recipient, ReviewDigest digest, CancellationToken ct)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = digest.Subject;
        message.Body = new TextPart("plain") { Text = digest.Text(recipient) };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.DigestSent(recipient, digest.PeriodStart);
    }
}

/// <summary>With no SMTP server configured, a digest is written to the log (and the notify command prints it).</summary>
public sealed class LogDigestSender(ILogger<LogDigestSender> logger) : IDigestSender
{
    public string Channel => "log";

    public Task SendAsync(string recipient, ReviewDigest digest, CancellationToken ct)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.DigestLogged(recipient, digest.PeriodStart, digest.Text(recipient));
        }
        return Task.CompletedTask;
    }
}
