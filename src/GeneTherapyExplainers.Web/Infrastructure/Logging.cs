using Serilog;
using Serilog.Events;

namespace GeneTherapyExplainers.Web.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section, to the console and a daily rolling file in the data folder.
    /// Each host builds its own logger (no static bootstrap logger), so several hosts in one process never fight.
    /// </summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder, bool quiet = false)
    {
        var site = builder.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var logFolder = Path.Combine(site.ResolveDataPath(builder.Environment.ContentRootPath), "logs");
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            // Commands print their own output; the console log would only get in the way there.
            .WriteTo.Console(restrictedToMinimumLevel: quiet ? LogEventLevel.Error : LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(logFolder, "site-.log"), rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31, restrictedToMinimumLevel: LogEventLevel.Information,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>One structured line per request: method, path, status code and time taken.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Requests");
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            log.Request(context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed);
        }
    });
}
