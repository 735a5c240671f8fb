using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Review;

public static class ReviewSetup
{
    /// <summary>
    /// The review workspace: its pages need the Reviewer role; what is due comes from <see cref="ReviewWorkspace"/>, and
    /// the texts reviews were made of are kept by <see cref="ReviewedTexts"/>.
    /// </summary>
    public static IServiceCollection AddReviewWorkspace(this IServiceCollection services)
    {
        // After Razor Pages has made its convention collection (a Configure would run before it and be lost).
        services.PostConfigure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Review", Accounts.ReviewerPolicy));
        services.AddScoped<ReviewWorkspace>();
        services.AddScoped<ReviewedTexts>();
        return services;
    }
}
