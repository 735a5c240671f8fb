using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Editors;

public static class EditorsSetup
{
    /// <summary>Content health and draft previews: for editors and reviewers only.</summary>
    public static IServiceCollection AddEditorPages(this IServiceCollection services) =>
        services.PostConfigure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Editors", Accounts.EditorOrReviewerPolicy));
}
