using GeneTherapyExplainers.Web.Commands;
using Microsoft.AspNetCore.HttpOverrides;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.About;
using GeneTherapyExplainers.Web.Reminders;
using GeneTherapyExplainers.Web.Pages.Search;
using GeneTherapyExplainers.Web.Pages.Feedback;

// Commands: --help for every command, "validate" and "store copy" run without starting the site; a misspelt command
// is refused in one line rather than taken for the site.
args = CommandLine.Normalize(args);
if (await CommandLine.RunBeforeSiteAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));

// Logging: Serilog, configured from appsettings.json, to the console and a rolling file.
builder.AddSiteLogging(quiet: CommandLine.IsUsers(args) || CommandLine.IsNotify(args));

// Clock: every date the site shows, stores or waits for comes from this one TimeProvider (tests set their own).
builder.Services.AddSingleton(TimeProvider.System);

// Content: explainers and glossary terms, read once from content/ into an immutable catalog.
builder.Services.AddContentCatalog(builder.Configuration);

// Search: a full-text index of the catalog, built in the background at start and kept up to date change by change.
builder.Services.AddSearch();

// Store: people, related items and review history in EF Core (SQLite in the data folder by default).
builder.Services.AddEditorialStore(builder.Configuration, builder.Environment);

// Keys: Data Protection keys (cookies, antiforgery) in the store under one application name, shared by every instance.
builder.Services.AddSharedKeyRing(builder.Configuration);

// Health: /health/live and /health/ready for a load balancer.
builder.Services.AddHealth();

// Accounts: reviewers and editors sign in; locked-down cookies, lockout, a rate limit on sign-in.
builder.Services.AddAccounts(builder.Configuration);

// Feedback: readers say whether a page helped and report mistakes; rate limited, nothing personal kept, deleted in time.
builder.Services.AddReaderFeedback(builder.Configuration);

// About: the pages about the site itself, and the review counts every claim about reviews is written from.
builder.Services.AddAboutPages();

// Reminders: each reviewer's digest of reviews due and reader reports, by e-mail or to the log, once a period.
builder.Services.AddReviewDigest(builder.Configuration);

// Pages: Razor Pages; the review workspace needs the Reviewer role. No server banner.
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Review", Accounts.ReviewerPolicy);
    o.Conventions.AuthorizeFolder("/Editors", Accounts.EditorOrReviewerPolicy);
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddSecurityHeaders();

// Delivery: compressed public pages, long-lived caching for versioned static files, whole public pages kept in memory.
builder.Services.AddDelivery();
builder.Services.AddPageCache(builder.Configuration);

var app = builder.Build();

// Content and store: the files are read, and the store migrated, seeded and linked to them, in the background while
// the pipeline is built; nothing is served, and no command runs, before both are done.
app.StartContentCatalog();
app.StartSearchIndex();
var storeReady = Task.Run(app.PrepareEditorialStoreAsync);

// Behind a reverse proxy on this machine, trust its X-Forwarded-Proto and -For (only loopback proxies are trusted).
app.UseForwardedHeaders(new() { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });

// Every response, errors and static files included, carries the security headers and one log line.
app.UseSecurityHeaders();
app.UseRequestLogging();
app.UseAllowedMethods();
// A NUL byte in a posted form becomes a message beside its field (ASP.NET Core would refuse the whole form).
app.UseFormTextGuard();

// Errors: the site's own error and status pages, never a bare 500.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

// HTTPS: redirect to it wherever it is configured (an https:// URL or an HTTPS port).
if (HttpsIsConfigured(app.Configuration))
{
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/status/{0}");

// Static files: the site's CSS, then images from content/media; public answers compressed.
app.UseDelivery();
app.UseStaticFiles(Delivery.Cached(new()));
app.UseContentMedia();

// Private pages are never cached and need HTTPS; sign-in is rate limited; then who you are and what you may do.
app.UseNoStoreForPrivatePages();
app.UseSecureConnectionForForms();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePageCache();

app.MapRazorPages();
app.MapFeeds();
app.MapHealth();

await storeReady;

// "users" and "notify" run once the store is migrated and seeded, then exit.
if (CommandLine.IsUsers(args) || CommandLine.IsNotify(args))
{
    return await CommandLine.GuardedAsync(() => CommandLine.RunWithStoreAsync(app.Services, args), args, Console.Error);
}

await app.RunAsync();
return 0;

static bool HttpsIsConfigured(IConfiguration configuration) =>
    (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
    || !string.IsNullOrEmpty(configuration["https_port"] ?? configuration["ASPNETCORE_HTTPS_PORT"]);

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
