using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Infrastructure;

public class DeliveryTests(ReviewerSiteFixture fixture) : IClassFixture<ReviewerSiteFixture>
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string encoding = "br, gzip")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task PublicPagesAreCompressedAndStillWholePages()
    {
        using var client = fixture.Site.CreateClient();
        foreach (var url in new[] { "/", "/explainers/gene-therapy-explained", "/glossary", "/feed.atom" })
        {
            using var response = await GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        using var gzip = await GetAsync(client, "/explainers/gene-therapy-explained", "gzip");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        await using var stream = new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var doc = Html.Parse(await reader.ReadToEndAsync());
        Assert.Equal("Gene Therapy Explained: Treating Disease at Its Source", doc.Text("h1"));
    }

    [Fact]
    public async Task PagesThatCarryASecretAreNeverCompressed()
    {
        // Sign-in holds an antiforgery token; a signed-in reader's every page holds one in the sign-out form.
        using var anonymous = fixture.Site.NewSession();
        using var signIn = await GetAsync(anonymous.Client, "/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Empty(signIn.Content.Headers.ContentEncoding);

        using var session = fixture.Site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(ReviewerSiteFixture.Reviewer)).StatusCode);
        foreach (var url in new[] { "/review", "/explainers/gene-therapy-explained" })
        {
            using var response = await GetAsync(session.Client, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task VersionedStaticFilesAreKeptForAYearAndImagesForAnHour()
    {
        using var client = fixture.Site.CreateClient();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var css = Regex.Match(home, "/css/site\\.css\\?v=[^\"]+").Value;
        Assert.NotEmpty(css);
        using var versioned = await GetAsync(client, css);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl!.ToString());
        using var image = await GetAsync(client, "/media/gene-therapy-routes.svg");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), image.Headers.CacheControl!.MaxAge);
        using var page = await GetAsync(client, "/explainers/gene-therapy-explained");
        Assert.Null(page.Headers.CacheControl?.MaxAge);
    }
}
