using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Logging: Serilog, configured from appsettings.json, to the console and a rolling file.
builder.AddSiteLogging();

// Content: explainers and glossary terms, read once from content/ into an immutable catalog.
builder.Services.AddContentCatalog(builder.Configuration);

// Store: people, related items and review history in EF Core (SQLite in the data folder by default).
builder.Services.AddEditorialStore(builder.Configuration, builder.Environment);

// Pages: Razor Pages with lower-case URLs; no server banner.
builder.Services.AddRazorPages();
builder.Services.AddRouting(o => o.LowercaseUrls = true);
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

app.MapRazorPages();

// The store is migrated and seeded before the first request.
await app.PrepareEditorialStoreAsync();

await app.RunAsync();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
