using System.Globalization;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace GeneTherapyExplainers.Tests.Infrastructure;

public class LoggingTests
{
    private const string Forged = "2026-11-30 10:00:00.000 +00:00 [INF] HTTP GET /review answered 200 in 1.0 ms";

    [Fact]
    public async Task ARequestPathWithAnEncodedNewLineStaysInsideItsOwnEntry()
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        using var client = site.CreateClient();
        await client.GetAsync(new Uri("/explainers/x%0A" + Uri.EscapeDataString(Forged).Replace("%2F", "/", StringComparison.Ordinal), UriKind.Relative));

        var folder = LogFiles.Folder(site);
        var entries = await Eventually.Until(
            () => Task.FromResult(LogFiles.Entries(folder)),
            found => found.Any(e => e.Property("RequestPath")?.Contains(Forged, StringComparison.Ordinal) == true));

        // Every line parsed as an entry of its own, and the forged text sits inside the request's path, newline and all.
        var request = Assert.Single(entries, e => e.Property("RequestPath")?.Contains(Forged, StringComparison.Ordinal) == true);
        Assert.Equal("/explainers/x\n" + Forged, request.Property("RequestPath"));
        Assert.Equal("404", request.Property("StatusCode"));
        Assert.DoesNotContain(LogFiles.Lines(folder), line => line.StartsWith("2026-11-30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeveralSitesInOneProcessEachLogToTheirOwnFiles()
    {
        using var first = new SiteFactory(RepositoryPaths.Content);
        using var second = new SiteFactory(RepositoryPaths.Content);
        await Task.WhenAll(first.GetPageAsync("/glossary"), second.GetPageAsync("/explainers"));

        await Eventually.Until(() => Task.FromResult(LogFiles.Entries(LogFiles.Folder(first))), e => e.Any(x => x.Property("RequestPath") == "/glossary"));
        await Eventually.Until(() => Task.FromResult(LogFiles.Entries(LogFiles.Folder(second))), e => e.Any(x => x.Property("RequestPath") == "/explainers"));
        Assert.DoesNotContain(LogFiles.Entries(LogFiles.Folder(first)), e => e.Property("RequestPath") == "/explainers");
        Assert.DoesNotContain(LogFiles.Entries(LogFiles.Folder(second)), e => e.Property("RequestPath") == "/glossary");
    }

    [Fact]
    public void WhenTheLogFileCannotBeWrittenTheConsoleSaysSoInOneLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gte-logs-" + Guid.NewGuid().ToString("N"), "logs");
        // Today's log file cannot be created: a folder is in its place (as good as a full disk for the sink).
        Directory.CreateDirectory(Path.Combine(folder, $"site-{DateTime.Now.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.json"));
        using var console = new StringWriter();
        using (var logger = Logging.Configure(new LoggerConfiguration(), new ConfigurationBuilder().Build(), folder, new LogFileOptions(), quiet: true, console, TestClock.New()).CreateLogger())
        {
            logger.Information("First entry");
            logger.Information("Second entry");
        }

        var notices = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var notice = Assert.Single(notices);
        Assert.Contains("THE LOG FILE CANNOT BE WRITTEN", notice, StringComparison.Ordinal);
        Assert.Contains(folder, notice, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public void LogFilesRollBySizeAndOnlyTheStatedNumberIsKept()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gte-logs-" + Guid.NewGuid().ToString("N"), "logs");
        var files = new LogFileOptions { FileSizeLimitMegabytes = 1, RetainedFileCount = 2 };
        using (var logger = Logging.Configure(new LoggerConfiguration(), new ConfigurationBuilder().Build(), folder, files, quiet: true, TextWriter.Null, TestClock.New()).CreateLogger())
        {
            var filler = new string('x', 1000);
            for (var i = 0; i < 3500; i++)
            {
                logger.Information("Entry {Number} {Filler}", i, filler);
            }
        }

        var written = Directory.GetFiles(folder);
        Assert.Equal(2, written.Length);
        Assert.All(written, f => Assert.True(new FileInfo(f).Length < 1.1 * 1024 * 1024, $"{f} is {new FileInfo(f).Length} bytes"));
        Assert.Contains("\"Number\":3499", LogFiles.Lines(folder)[^1], StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public void SingleLineConsoleOutputEscapesLineBreaksInValues()
    {
        var events = new Collected();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(events).CreateLogger())
        {
            logger.Information("HTTP GET {RequestPath}", "/x\n" + Forged);
        }

        using var console = new StringWriter();
        new SingleLineConsoleFormatter().Format(Assert.Single(events.Events), console);
        var line = Assert.Single(console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("/x\\n2026-11-30", line, StringComparison.Ordinal);
    }

    private sealed class Collected : Serilog.Core.ILogEventSink
    {
        public List<Serilog.Events.LogEvent> Events { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent) => Events.Add(logEvent);
    }
}
