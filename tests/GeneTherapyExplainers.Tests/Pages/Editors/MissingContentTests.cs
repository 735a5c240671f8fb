using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Editors;

/// <summary>A content folder that is missing, or goes while the site runs, never turns the site into an empty one.</summary>
public class MissingContentTests
{
    private static string Page(string title) => $"---\ntitle: {title}\nsummary: A summary.\ncategory: Tests\n---\n\nPlain words.\n";

    [Fact]
    public void WithoutAContentFolderTheSiteRefusesToStartAndSaysWhy()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gte-no-content-" + Guid.NewGuid().ToString("N"));
        using var site = new SiteFactory(missing);
        var thrown = Assert.ThrowsAny<Exception>(() => site.Services.GetRequiredService<ContentCatalogProvider>());
        var messages = string.Join(" | ", Chain(thrown).Select(e => e.Message));
        Assert.Contains($"The content folder {missing} does not exist", messages, StringComparison.Ordinal);
        Assert.Contains("Site:ContentPath", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContentFolderRemovedWhileRunningLeavesTheLastCatalogOnlineAndLogsAnError()
    {
        var content = new TempContent();
        content.Write("explainers/kept.md", Page("Kept"));
        using var site = new SiteFactory(content.Root);
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync("/explainers/kept")).Response.StatusCode);

        content.Dispose();
        await Eventually.Until(
            () => Task.FromResult(LogFiles.Lines(LogFiles.Folder(site)).Count(l => l.Contains("content folder", StringComparison.Ordinal) && l.Contains("has gone", StringComparison.Ordinal))),
            n => n > 0);
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync("/explainers/kept")).Response.StatusCode);
        Assert.Single(site.Services.GetRequiredService<ContentCatalogProvider>().Current.Published);
    }

    [Fact]
    public async Task WithoutFileSystemEventsTheFullCheckStillPicksUpAChange()
    {
        using var content = new TempContent();
        content.Write("explainers/first.md", Page("First"));
        using var site = new SiteFactory(content.Root)
        {
            Settings = { ["Content:UseEvents"] = "false", ["Content:FullCheckInterval"] = "00:00:00.200" },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync("/explainers/second")).Response.StatusCode);

        content.Write("explainers/second.md", Page("Second"));
        await Eventually.Until(async () => (await site.GetPageAsync("/explainers/second")).Response.StatusCode, s => s == HttpStatusCode.OK);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
