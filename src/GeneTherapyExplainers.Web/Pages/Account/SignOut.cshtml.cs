using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Account;

[Authorize]
public sealed class SignOutModel(SignInManager<SiteUser> signIn, UserManager<SiteUser> users) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>Signing out changes the security stamp, so even a copied cookie stops working.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
