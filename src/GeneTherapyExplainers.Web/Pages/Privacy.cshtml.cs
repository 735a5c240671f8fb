using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using GeneTherapyExplainers.Web.Pages.Feedback;

namespace GeneTherapyExplainers.Web.Pages;

/// <summary>The privacy notice: what the site keeps and for how long, with the periods this installation is configured for.</summary>
public sealed class PrivacyModel(IOptions<FeedbackOptions> feedback, IConfiguration configuration) : PageModel
{
    public int FeedbackDays => Days(feedback.Value.KeepFor);

    public int RateWindowMinutes => Math.Max(1, (int)Math.Ceiling(feedback.Value.Window.TotalMinutes));

    public int LogDays => (configuration.GetSection(LogFileOptions.Section).Get<LogFileOptions>() ?? new LogFileOptions()).RetainedDays;

    public void OnGet()
    {
    }

    private static int Days(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalDays));
}
