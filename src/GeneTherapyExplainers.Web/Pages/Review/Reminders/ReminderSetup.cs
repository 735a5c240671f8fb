using MimeKit;

namespace GeneTherapyExplainers.Web.Pages.Review.Reminders;

public static class ReminderSetup
{
    /// <summary>The review digest: composed from the store, sent by SMTP (or to the log), on a schedule and on demand.</summary>
    public static IServiceCollection AddReviewDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.Section));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !o.IsConfigured || MailboxAddress.TryParse(o.From, out _), "Smtp:Host is set, so Smtp:From must be a sender address, such as \"Gene Therapy Explainers <reviews@example.org>\".")
            .ValidateOnStart();
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (smtp.IsConfigured)
        {
            services.AddSingleton<IDigestSender, SmtpDigestSender>();
        }
        else
        {
            services.AddSingleton<IDigestSender, LogDigestSender>();
        }

        services.AddScoped<DigestComposer>();
        services.AddSingleton<DigestRun>();
        services.AddHostedService<DigestScheduler>();
        return services;
    }
}
