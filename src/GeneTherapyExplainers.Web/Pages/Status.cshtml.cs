using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages;

/// <summary>The page shown for 4xx and 5xx answers that have no body of their own.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Advice { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    /// <summary>How long the Retry-After header asks the visitor to wait, in words.</summary>
    private string Wait()
    {
        if (!int.TryParse(Response.Headers.RetryAfter.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 60)
        {
            return "a minute";
        }

        var minutes = (seconds + 59) / 60;
        return $"{minutes} minutes";
    }

    private void Describe(int code)
    {
        // Reached directly (not re-executed for another request), this page is not an error itself.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            code = 404;
            Response.StatusCode = 404;
        }

        if (HttpContext.Items.ContainsKey(Infrastructure.Accounts.InsecureRequestItem))
        {
            (Heading, Advice) = ("This page needs a secure connection", "Signing in and sending forms work over HTTPS only. Open the site with an address that starts with https://.");
            return;
        }

        (Heading, Advice) = code switch
        {
            404 => ("Page not found", "We could not find that page. It may have moved, or the address may be mistyped."),
            403 => ("You cannot open this page", "Your account does not have permission to see this page."),
            429 => ("Too many attempts", $"Please wait {Wait()} before you try again."),
            >= 500 => ("Sorry, something went wrong", "The page could not be shown just now. Please try again in a moment."),
            _ => ("This request could not be handled", "Please check the address and try again."),
        };
    }
}
