using System.Globalization;
using System.Threading.RateLimiting;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>The "Accounts" section of configuration.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Signed out after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Signed out this long after signing in, however active.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts one client may make in <see cref="SignInWindow"/>.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins one client (an IPv4 address, or an IPv6 /64) may make before it is paused, whatever the accounts.</summary>
    public int MaxFailedSignInsPerClient { get; set; } = 5;

    /// <summary>Failed sign-ins, from any number of clients, after which an account is locked.</summary>
    public int MaxFailedSignInsPerAccount { get; set; } = 20;

    /// <summary>How long a paused client or a locked account waits; failures older than this are forgotten.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Secure, <c>__Host-</c> cookies: sign-in works over HTTPS only. Turned off in Development, so a reviewer can
    /// try the workspace on http://localhost with no certificate.
    /// </summary>
    public bool SecureCookies { get; set; } = true;
}

public static class Accounts
{
    public const string ReviewerPolicy = "Reviewer";
    public const string EditorOrReviewerPolicy = "EditorOrReviewer";
    public const string SignInRateLimit = "sign-in";
    public const string CookieName = "__Host-gte-session";
    public const string AntiforgeryCookieName = "__Host-gte-antiforgery";
    private const string AbsoluteExpiryItem = "gte-absolute-expiry";

    /// <summary>Identity on the editorial store, locked-down cookies, roles, lockout and a rate limit on sign-in.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        // The __Host- prefix needs the Secure attribute; without HTTPS the cookies go without both.
        var secure = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        string Named(string name) => options.SecureCookies ? name : name.Replace("__Host-", "", StringComparison.Ordinal);

        services.AddIdentity<SiteUser, IdentityRole>(o =>
            {
                // Length, not composition: at least 12 characters, any characters, up to 128.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignInsPerAccount;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<EditorialDbContext>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>();
        services.AddSingleton<SignInGuard>();

        // Check the security stamp on every request, so signing out or resetting a password ends every session at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        // The session cookie and the stamp check read the site's clock, as everything else does.
        services.AddOptions<SecurityStampValidatorOptions>().PostConfigure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure<TimeProvider>((o, clock) => o.TimeProvider = clock);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = Named(CookieName);
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = options.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = SitePaths.SignIn;
            o.LogoutPath = SitePaths.SignOut;
            o.AccessDeniedPath = SitePaths.SignIn;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                if (context.Properties.Items.TryGetValue(AbsoluteExpiryItem, out var value)
                    && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
                    && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() > expiry)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = Named(AntiforgeryCookieName);
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewerPolicy, p => p.RequireRole(SiteRoles.Reviewer))
            .AddPolicy(EditorOrReviewerPolicy, p => p.RequireRole(SiteRoles.Editor, SiteRoles.Reviewer));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitLimit, Window = options.SignInWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.SignInWindow;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });

        return services;
    }

    /// <summary>Sign-in properties that carry the absolute end of the session through every sliding renewal.</summary>
    public static AuthenticationProperties SessionProperties(TimeProvider clock, AccountOptions options) => new()
    {
        IsPersistent = false,
        Items = { [AbsoluteExpiryItem] = clock.GetUtcNow().Add(options.AbsoluteLifetime).ToString("O", CultureInfo.InvariantCulture) },
    };

    /// <summary>
    /// With secure cookies, signing in and every form need HTTPS. A plain-HTTP request for them gets a clear 400 page
    /// instead of an antiforgery exception (a bare 500).
    /// </summary>
    public static IApplicationBuilder UseSecureConnectionForForms(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value;
        var needsHttps = HttpMethods.IsPost(context.Request.Method) || IsPrivatePath(context.Request.Path);
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (options.SecureCookies && needsHttps && !context.Request.IsHttps && !reExecuted)
        {
            context.Items[InsecureRequestItem] = true;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    });

    /// <summary>Set on a request refused by <see cref="UseSecureConnectionForForms"/>, so the status page can say why.</summary>
    public const string InsecureRequestItem = "gte-insecure-request";

    /// <summary>
    /// The account, reviewer and editor areas, and the readers' feedback form (it holds an antiforgery token): never
    /// cached, never compressed, never indexed, forms over HTTPS only.
    /// </summary>
    public static bool IsPrivatePath(PathString path) =>
        path.StartsWithSegments(SitePaths.ReviewDashboard) || path.StartsWithSegments(SitePaths.Account) || path.StartsWithSegments(SitePaths.Editors)
        || path.StartsWithSegments(SitePaths.FeedbackFolder);

    public static IApplicationBuilder UseNoStoreForPrivatePages(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsPrivatePath(context.Request.Path))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }

        return next(context);
    });
}

/// <summary>Long passphrases are welcome, but not unbounded ones: hashing megabytes is a denial of service.</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<SiteUser>
{
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<SiteUser> manager, SiteUser user, string? password) =>
        Task.FromResult(password is { Length: > MaximumLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords can be at most {MaximumLength} characters." })
            : IdentityResult.Success);
}
