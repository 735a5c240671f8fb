using System.Threading.RateLimiting;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Pages.Feedback;

/// <summary>The "Feedback" section of configuration.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Feedback forms one client may send in <see cref="Window"/>; more get 429 with Retry-After.</summary>
    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long feedback is kept once it needs nothing more: a report or comment this long after a reviewer handled it,
    /// a bare yes or no this long after it arrived. Reports and comments that wait are kept until handled.
    /// </summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the deletion runs.</summary>
    public TimeSpan RetentionCheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>This many "no" answers in a row mark a page "review requested by readers".</summary>
    public int NoAnswersInARow { get; set; } = 3;

    /// <summary>The dashboard counts answers over this many days unless the reviewer picks another period.</summary>
    public int DashboardDays { get; set; } = 30;
}

public static class ReaderFeedbackSetup
{
    /// <summary>The rate limit policy of the feedback form: per client, POSTs only, kept in memory (no address is stored).</summary>
    public const string RateLimit = "feedback";

    public static IServiceCollection AddReaderFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(FeedbackOptions.Section).Get<FeedbackOptions>() ?? new FeedbackOptions();
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddScoped<FeedbackWorkspace>();
        services.AddSingleton<FeedbackRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedbackRetention>());
        services.AddRateLimiter(o => o.AddPolicy(RateLimit, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(SignInGuard.ClientOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        return services;
    }
}
