using System.Net;
using System.Net.Http.Headers;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Infrastructure;

/// <summary>
/// Whole pages kept in memory: served with a strong ETag and a 304 for an unchanged page, and evicted by exactly the
/// changes that alter them, so a change shows on the next request of every page it affects.
/// </summary>
public sealed class PageCacheTests : IAsyncLifetime, IDisposable
{
    private const string Page = "/explainers/monoclonal-antibodies";
    private readonly TempContent content = new(withTestContent: true);
    private readonly SiteFactory site;

    public PageCacheTests() => site = new SiteFactory(content.Root) { Settings = { ["Accounts:SignInPermitLimit"] = "10000" } };

    public async Task InitializeAsync() => await site.AddUserAsync("reviewer@example.org", "Reviewer", Session.Password, "georgios-anagas");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        site.Dispose();
        content.Dispose();
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? ifNoneMatch = null, string encoding = "br, gzip")
    {
        using var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        return await client.SendAsync(request);
    }

    private async Task<string> ETagAsync(string url) => (await GetAsync(url)).Headers.ETag!.Tag;

    /// <summary>Reads the page twice and checks the second answer came from memory: the same bytes, the same ETag.</summary>
    private async Task<string> KeptAsync(string url)
    {
        var first = await ETagAsync(url);
        Assert.Equal(first, await ETagAsync(url));
        Assert.True(site.Services.GetRequiredService<PageCache>().Count > 0);
        return first;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        Html.Parse(await DecodeAsync(response)).Body!.TextContent;

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var input = new MemoryStream(bytes);
        using Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task AnUnchangedPageAnswers304AndAChangedOneAnswersInFull()
    {
        var etag = await KeptAsync(Page);
        var repeat = await GetAsync(Page, etag);
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
        Assert.Empty(await repeat.Content.ReadAsByteArrayAsync());

        var plain = await GetAsync(Page, encoding: "identity");
        Assert.Null(plain.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.NotEqual(etag, plain.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(Page, plain.Headers.ETag!.Tag, "identity")).StatusCode);

        Edit("explainers/monoclonal-antibodies.md", "leaves the rest alone", "leaves the rest alone (edited)");
        var changed = await GetAsync(Page, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task AContentEditShowsOnTheNextRequestOfEveryPageThatShowsIt()
    {
        string[] pages = ["/explainers/monoclonal-antibodies", "/explainers", "/explainers?category=biologic-medicines", "/glossary/antibody",
            "/explainers/gene-therapy-explained", "/feed.atom", "/search?q=antibodies"];
        foreach (var page in pages)
        {
            await KeptAsync(page);
        }

        Edit("explainers/monoclonal-antibodies.md", "title: Monoclonal Antibodies", "title: Monoclonal Antibodies Renamed");
        foreach (var page in pages)
        {
            Assert.Contains("Monoclonal Antibodies Renamed", await DecodeAsync(await GetAsync(page)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AReviewAPersonEditAndARelatedItemEditShowOnTheNextRequest()
    {
        await KeptAsync(Page);
        await KeptAsync("/explainers/gene-therapy-explained");
        await KeptAsync("/people/achi-anagas");
        using var session = site.NewSession();
        await session.SignInAsync("reviewer@example.org");
        var today = TestClock.TodayIso;

        await session.SubmitAsync("/review/explainers/monoclonal-antibodies", new Dictionary<string, string>
        {
            ["Input.Kind"] = "0", ["Input.ReviewedOn"] = today, ["Input.Notes"] = "Checked for the page cache.",
        });
        Assert.Contains("Checked for the page cache.", await TextAsync(await GetAsync(Page)), StringComparison.Ordinal);

        await session.SubmitAsync("/review/people/achi-anagas", new Dictionary<string, string> { ["Input.Bio"] = "A bio changed by a reviewer." });
        Assert.Contains("A bio changed by a reviewer.", await TextAsync(await GetAsync("/people/achi-anagas")), StringComparison.Ordinal);
        Assert.Contains("A bio changed by a reviewer.", await TextAsync(await GetAsync("/explainers/gene-therapy-explained")), StringComparison.Ordinal);

        await session.SubmitAsync("/review/related/feng-shank3-interview", new Dictionary<string, string> { ["Input.Title"] = "A retitled interview" });
        Assert.Contains("A retitled interview", await TextAsync(await GetAsync("/explainers/gene-therapy-explained")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInReaderIsNeverServedAKeptPageNorIsTheirPageKept()
    {
        await KeptAsync(Page);
        using var session = site.NewSession();
        await session.SignInAsync("reviewer@example.org");
        var (signedIn, doc) = await session.GetAsync(Page);
        Assert.Null(signedIn.Headers.ETag);
        Assert.NotNull(doc.QuerySelector("header form[method=post]"));

        var anonymous = await GetAsync(Page);
        Assert.DoesNotContain("Sign out", await DecodeAsync(anonymous), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APrivatePageAndAnErrorAreNeverKept()
    {
        var cache = site.Services.GetRequiredService<PageCache>();
        var before = cache.Count;
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/explainers/no-such-page")).StatusCode);
        Assert.Null((await GetAsync("/account/sign-in")).Headers.ETag);
        Assert.Equal(before, cache.Count);
    }

    /// <summary>Changes a file and has the site pick it up now, as the watcher would a moment later.</summary>
    private void Edit(string path, string from, string to)
    {
        var file = Path.Combine(content.Root, path);
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
        site.Services.GetRequiredService<ContentCatalogProvider>().Update([path]);
    }
}
