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
    SignInGuard guard,
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

    /// <summary>For a locked account and for an unknown address that failed as often: the same words.</summary>
    public string Locked => $"Too many failed attempts. This account is locked for {Minutes} minutes.";

    /// <summary>For a client that failed too often, whatever address it tries now.</summary>
    public string Paused => $"Too many failed sign-ins from your connection. Wait {Minutes} minutes, then try again.";

    private int Minutes => (int)Math.Ceiling(options.Value.LockoutDuration.TotalMinutes);

    public void OnGet()
    {
    }

    /// <summary>
    /// An unknown address and a wrong password take the same time (a full password-hash check each) and get the
    /// same words, lockout included. Failures count per client too, so one client is paused long before it can
    /// lock someone else's account.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = SignInGuard.ClientOf(HttpContext);
        if (guard.IsPaused(client))
        {
            logger.SignInFailed("client paused", null, client);
            Message = Paused;
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            var locked = guard.UnknownAddressFailed(users.NormalizeEmail(Input.Email) ?? Input.Email, Input.Password);
            guard.ClientFailed(client);
            logger.SignInFailed("unknown account", null, client);
            Message = locked ? Locked : Mismatch;
            return Page();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            guard.ClientFailed(client);
            logger.SignInFailed(result.IsLockedOut ? "locked out" : "wrong password", user.Id, client);
            Message = result.IsLockedOut ? Locked : Mismatch;
            return Page();
        }

        await signIn.SignInWithClaimsAsync(user, Accounts.SessionProperties(clock, options.Value), []);
        logger.SignedIn(user.Id, client);
        var roles = await users.GetRolesAsync(user);
        var home = Url.Page(roles.Contains(SiteRoles.Reviewer) ? "/Review/Index" : "/Editors/ContentHealth")!;
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
