using System.ComponentModel.DataAnnotations;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Account;

[EnableRateLimiting(Accounts.SignInRateLimit)]
public sealed class SignInModel(
    UserManager<SiteUser> users,
    SignInManager<SiteUser> signIn,
    TimeProvider clock,
    IOptions<AccountOptions> options,
    ILogger<SignInModel> logger) : FormPageModel
{
    /// <summary>One message for an unknown email and a wrong password, so the form never reveals who has an account.</summary>
    public const string Mismatch = "That email address and password do not match an account.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            logger.SignInFailed("unknown account", null, client);
            Message = Mismatch;
            return Page();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.SignInFailed("locked out", user.Id, client);
            Message = "Too many failed attempts. This account is locked for 15 minutes.";
            return Page();
        }

        if (!result.Succeeded)
        {
            logger.SignInFailed("wrong password", user.Id, client);
            Message = Mismatch;
            return Page();
        }

        await signIn.SignInWithClaimsAsync(user, Accounts.SessionProperties(clock, options.Value), []);
        logger.SignedIn(user.Id, client);
        var roles = await users.GetRolesAsync(user);
        var home = roles.Contains(SiteRoles.Reviewer) ? "/review" : "/editors/content-health";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : home);
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(MaximumLengthPasswordValidator.MaximumLength, ErrorMessage = "That password is too long.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
