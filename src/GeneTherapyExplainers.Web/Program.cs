using GeneTherapyExplainers.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Logging: Serilog, configured from appsettings.json, to the console and a rolling file.
builder.AddSiteLogging();

// Content: explainers and glossary terms, read once from content/ into an immutable catalog.
builder.Services.AddContentCatalog(builder.Configuration);

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

app.Run();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
