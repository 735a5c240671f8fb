using Microsoft.AspNetCore.HttpOverrides;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>What every request goes through, in order, and the Razor Pages that answer it.</summary>
public static class SitePipeline
{
    /// <summary>Razor Pages (each feature adds its own conventions), security headers, compression and the page cache; no server banner.</summary>
    public static WebApplicationBuilder AddSitePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSecurityHeaders();
        builder.Services.AddDelivery();
        builder.Services.AddPageCache(builder.Configuration);
        return builder;
    }

    public static WebApplication UseSitePipeline(this WebApplication app)
    {
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
        // The server listens while the store is prepared: a request waits here until it is ready (sign-in reads keys
        // from the store; pages read people and reviews).
        app.UseStoreReadiness();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePageCache();
        return app;
    }

    private static bool HttpsIsConfigured(IConfiguration configuration) =>
        (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(configuration["https_port"] ?? configuration["ASPNETCORE_HTTPS_PORT"]);
}
