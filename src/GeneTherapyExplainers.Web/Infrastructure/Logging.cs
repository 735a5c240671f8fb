using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>The "Logs" section of configuration: how big the log files grow and how many are kept.</summary>
public sealed class LogFileOptions
{
    public const string Section = "Logs";

    /// <summary>A file that reaches this size is closed and the next one started (site-20261130_001.json, ...).</summary>
    public int FileSizeLimitMegabytes { get; set; } = 100;

    /// <summary>At most this many files are kept; the oldest go first.</summary>
    public int RetainedFileCount { get; set; } = 60;

    /// <summary>Files older than this many days are deleted, whatever their number.</summary>
    public int RetainedDays { get; set; } = 31;
}

public static class Logging
{
    /// <summary>
    /// Serilog for this host only: the static <see cref="Log.Logger"/> is never set, so several hosts in one process
    /// (the in-process tests) each keep their own logger and never meet a frozen bootstrap logger.
    /// </summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder, bool quiet = false)
    {
        var site = builder.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var logFolder = Path.Combine(site.ResolveDataPath(builder.Environment.ContentRootPath), "logs");
        var files = builder.Configuration.GetSection(LogFileOptions.Section).Get<LogFileOptions>() ?? new LogFileOptions();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => Configure(logger, builder.Configuration, logFolder, files, quiet, Console.Error, services.GetRequiredService<TimeProvider>()),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// Console lines for people (one line an entry, values escaped), and compact JSON files for machines: one JSON
    /// object a line, so no value, whatever it holds, can start an entry of its own. Files roll by day and by size;
    /// when they cannot be written, <paramref name="failures"/> (the console) says so, at the time <paramref name="clock"/> tells.
    /// </summary>
    public static LoggerConfiguration Configure(
        LoggerConfiguration logger, IConfiguration configuration, string logFolder, LogFileOptions files, bool quiet, TextWriter failures, TimeProvider clock)
    {
        DataFolder.EnsurePrivate(Path.GetDirectoryName(logFolder)!);
        DataFolder.EnsurePrivate(logFolder);
        return logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            // SQL text never reaches the log, whatever the configured levels of Microsoft.EntityFrameworkCore.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            // Commands print their own output; the console log would only get in the way there.
            .WriteTo.Console(new SingleLineConsoleFormatter(), restrictedToMinimumLevel: quiet ? LogEventLevel.Error : LogEventLevel.Verbose)
            .WriteTo.Fallible(
                sink => sink.File(
                    new CompactJsonFormatter(),
                    Path.Combine(logFolder, "site-.json"),
                    restrictedToMinimumLevel: LogEventLevel.Information,
                    fileSizeLimitBytes: files.FileSizeLimitMegabytes * 1024L * 1024L,
                    rollOnFileSizeLimit: true,
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: files.RetainedFileCount,
                    retainedFileTimeLimit: TimeSpan.FromDays(files.RetainedDays),
                    hooks: new PrivateLogFiles()),
                new LogFileFailureNotice(failures, logFolder, clock));
    }

    /// <summary>One structured entry per request (Serilog's request logging): method, path, status code and time taken.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging(o =>
    {
        o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} answered {StatusCode} in {Elapsed:0.0} ms";
    });
}
