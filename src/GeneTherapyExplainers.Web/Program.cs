using GeneTherapyExplainers.Web.Commands;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;

// "validate" checks the content folder and exits, without starting anything.
if (CommandLine.IsValidate(args))
{
    return ValidateCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));

// Logging: Serilog, configured from appsettings.json, to the console and a rolling file.
builder.AddSiteLogging(quiet: CommandLine.IsUsers(args));

// Content: explainers and glossary terms, read once from content/ into an immutable catalog.
builder.Services.AddContentCatalog(builder.Configuration);

// Store: people, related items and review history in EF Core (SQLite in the data folder by default).
builder.Services.AddEditorialStore(builder.Configuration, builder.Environment);

// Accounts: reviewers and editors sign in; locked-down cookies, lockout, a rate limit on sign-in.
builder.Services.AddAccounts(builder.Configuration);

// Pages: Razor Pages; the review workspace needs the Reviewer role. No server banner.
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Review", Accounts.ReviewerPolicy);
    o.Conventions.AuthorizeFolder("/Editors", Accounts.EditorOrReviewerPolicy);
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var app = builder.Build();

// Every response, errors and static files included, carries the security headers and one log line.
app.UseSecurityHeaders();
app.UseRequestLogging();

// Errors: the site's own error and status pages, never a bare 500.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/status/{0}");

// Static files: the site's CSS, then images from content/media.
app.UseStaticFiles();
app.UseContentMedia();

// Private pages are never cached; sign-in is rate limited; then who you are and what you may do.
app.UseNoStoreForPrivatePages();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapFeeds();

// The store is migrated and seeded before the first request (and before any command).
await app.PrepareEditorialStoreAsync();

if (CommandLine.IsUsers(args))
{
    return await new UsersCommand(app.Services, Console.In, Console.Out, Console.Error).RunAsync(args);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
