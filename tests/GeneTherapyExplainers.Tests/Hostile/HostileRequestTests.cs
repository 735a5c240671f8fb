using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Hostile;

public class HostileRequestTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    public static TheoryData<string> Traversals => new()
    {
        "/explainers/..%2f..%2fappsettings.json",
        "/explainers/..%2F..%2F..%2Fetc%2Fpasswd",
        "/explainers/%2e%2e%2f%2e%2e%2fappsettings.json",
        "/glossary/..%2f..%2fcontent%2fseed%2fstore.yml",
        "/people/..%2f..%2fApp_Data%2feditorial.db",
        "/media/..%2f..%2fappsettings.json",
        "/media/%2e%2e/%2e%2e/appsettings.json",
        "/css/..%2f..%2fappsettings.json",
        "/..%2fappsettings.json",
        "/appsettings.json",
        "/GeneTherapyExplainers.Web.dll",
        "/App_Data/editorial.db",
        "/explainers/gene-therapy-explained.md",
        "/content/explainers/gene-therapy-explained.md",
        "/media/../../appsettings.json",
        "/explainers/%c0%ae%c0%ae%2fappsettings.json",
    };

    [Theory]
    [MemberData(nameof(Traversals))]
    public async Task PathTraversalNeverReachesAFileOutsideTheSite(string url)
    {
        using var client = fixture.Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("\"Serilog\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
        Assert.DoesNotContain("keyTerms:", body, StringComparison.Ordinal);
        TestSummary.Write($"Hostile request: GET {url} answered {(int)response.StatusCode}.");
    }

    [Theory]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/explainers/gene-therapy-explained")]
    [InlineData("PATCH", "/review")]
    [InlineData("TRACE", "/")]
    [InlineData("OPTIONS", "/glossary")]
    [InlineData("PROPFIND", "/")]
    [InlineData("FOO", "/search")]
    public async Task OddMethodsGetA405(string method, string url)
    {
        using var client = fixture.Site.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", string.Join(",", response.Content.Headers.Allow), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("https://localhost")]
    public async Task APostToAPublicPageIsRefusedCleanly(string origin)
    {
        using var client = fixture.Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin) });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" });
        var response = await client.PostAsync(new Uri("/explainers/gene-therapy-explained", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInOverPlainHttpExplainsThatHttpsIsNeeded()
    {
        var (response, doc) = await fixture.Site.GetPageAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This page needs a secure connection", doc.Text("h1"));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.2")]
    public async Task AnUnknownHostIsRefused(string host)
    {
        using var client = fixture.Site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public static TheoryData<string, string, string> OddHeaders => new()
    {
        { "/explainers/gene-therapy-explained", "Accept-Encoding", "br;q=abc, gzip;q=-1, *;q=2" },
        { "/explainers/gene-therapy-explained", "Accept-Encoding", new string('x', 6_000) },
        { "/", "Cookie", "__Host-gte-session=not-a-ticket; .AspNetCore.Antiforgery.x=%%%" },
        { "/review", "Cookie", "__Host-gte-session=" + new string('A', 3_000) },
        { "/css/site.css", "Range", "bytes=999999-1, -0, abc" },
        { "/css/site.css", "If-None-Match", "\"\u0000\", W/" },
        { "/css/site.css", "If-Modified-Since", "yesterday at noon" },
        { "/glossary", "Accept-Language", "zz-ZZ;q=x, 🧬;q=1" },
        { "/feed.atom", "Accept", "application/atom+xml;q=nope, */*;q=" },
    };

    [Theory]
    [MemberData(nameof(OddHeaders))]
    public async Task OddRequestHeadersGetACleanAnswer(string url, string header, string value)
    {
        using var client = fixture.Site.NewSession().Client;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        Assert.True(request.Headers.TryAddWithoutValidation(header, value));
        using var response = await client.SendAsync(request);
        Assert.InRange((int)response.StatusCode, 200, 499);
        TestSummary.Write($"Hostile request: GET {url} with an odd {header} header answered {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task VeryLongPathsAndQueriesNeverCauseA500()
    {
        using var client = fixture.Site.CreateClient();
        foreach (var url in new[]
        {
            "/explainers/" + new string('a', 4_000),
            "/glossary/" + string.Concat(Enumerable.Repeat("%2e%2e%2f", 500)),
            "/search?q=" + new string('x', 6_000),
            "/search?" + string.Join('&', Enumerable.Range(0, 500).Select(i => $"q{i}=v")),
            "/review?status=" + new string('z', 3_000),
            "/explainers?" + new string('&', 2_000),
        })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True((int)response.StatusCode < 500, $"{url[..40]}… answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders()
    {
        using var client = fixture.Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        foreach (var url in new[] { "/", "/explainers/gene-therapy-explained", "/css/site.css", "/media/gene-therapy-routes.svg", "/nowhere", "/feed.atom", "/robots.txt", "/review", "/account/sign-in", "/search?q=gene" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            foreach (var directive in new[] { "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "script-src 'self'", "style-src 'self'" })
            {
                Assert.Contains(directive, csp, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(response.Headers.Contains("Referrer-Policy"), url);
            Assert.True(response.Headers.Contains("Permissions-Policy"), url);
            Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
            var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
            Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"), url);
        }
    }
}
