using GeneTherapyExplainers.Web.Commands;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.About;
using GeneTherapyExplainers.Web.Pages.Editors;
using GeneTherapyExplainers.Web.Pages.Feedback;
using GeneTherapyExplainers.Web.Pages.Feeds;
using GeneTherapyExplainers.Web.Pages.Review;
using GeneTherapyExplainers.Web.Pages.Search;
using GeneTherapyExplainers.Web.Pages.Review.Reminders;

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

// Shared: the content catalog read from content/, the store (EF Core), its Data Protection keys, health, accounts.
builder.Services.AddContentCatalog(builder.Configuration);
builder.Services.AddEditorialStore(builder.Configuration, builder.Environment);
builder.Services.AddSharedKeyRing(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddAccounts(builder.Configuration);

// Features: each adds its own services and its pages' rules (Pages/<Feature>/).
builder.Services.AddSearch();
builder.Services.AddReaderFeedback(builder.Configuration);
builder.Services.AddAboutPages();
builder.Services.AddReviewWorkspace();
builder.Services.AddEditorPages();
builder.Services.AddReviewDigest(builder.Configuration);

// Pages: Razor Pages, security headers, compressed answers and whole public pages kept in memory.
builder.AddSitePages();

// Start-up: the server listens at once; requests and the background services above wait until the store is ready.
builder.Services.AddStoreReadiness();

var app = builder.Build();

// Content and store: the files are read, and the store migrated, seeded and linked to them, in the background while
// the pipeline is built and the server starts; nothing is served, and no command runs, before both are done.
app.StartContentCatalog();
app.StartSearchIndex();
var storeReady = app.StartEditorialStore();

// Requests: forwarded headers, security headers, request log, error pages, HTTPS, static files, sign-in, page cache.
app.UseSitePipeline();
app.MapRazorPages();
app.MapFeeds();
app.MapHealth();

// "users" and "notify" run once the store is migrated and seeded, then exit.
if (CommandLine.IsUsers(args) || CommandLine.IsNotify(args))
{
    await storeReady;
    return await CommandLine.GuardedAsync(() => CommandLine.RunWithStoreAsync(app.Services, args), args, Console.Error);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
