using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.BrowserTests;

/// <summary>Requests only a real server sees: over-long request lines, NUL bytes, raw odd requests.</summary>
[Collection(BrowserGroup.Name)]
public class KestrelRequestTests(BrowserSite browser)
{
    private async Task<int> RawStatusAsync(string requestLine, string host = "localhost")
    {
        var uri = new Uri(browser.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, uri.Port);
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate?.GetCertHashString() == browser.CertificateHash);
        await ssl.AuthenticateAsClientAsync("localhost");
        var bytes = Encoding.Latin1.GetBytes($"{requestLine}\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        await ssl.WriteAsync(bytes);
        using var reader = new StreamReader(ssl, Encoding.Latin1);
        var status = await reader.ReadLineAsync() ?? "";
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("GET /explainers/%00 HTTP/1.1")]
    [InlineData("GET /explainers/..%2f..%2f..%2fetc%2fpasswd HTTP/1.1")]
    [InlineData("GET /media/../../appsettings.json HTTP/1.1")]
    [InlineData("GET /../../appsettings.json HTTP/1.1")]
    [InlineData("TRACE / HTTP/1.1")]
    [InlineData("DELETE /explainers/gene-therapy-explained HTTP/1.1")]
    [InlineData("GET\t/ HTTP/1.1")]
    public async Task OddRequestsGetClean4xxAnswers(string line)
    {
        var status = await RawStatusAsync(line);
        Assert.InRange(status, 400, 499);
        TestSummary.Write($"Hostile request (Kestrel): {line} answered {status}.");
    }

    [Fact]
    public async Task VeryLongUrlsAndAnUnknownHostGetClean4xxAnswers()
    {
        Assert.InRange(await RawStatusAsync($"GET /explainers/{new string('a', 20_000)} HTTP/1.1"), 400, 499);
        Assert.InRange(await RawStatusAsync($"GET /search?q={new string('x', 20_000)} HTTP/1.1"), 400, 499);
        Assert.Equal(400, await RawStatusAsync("GET / HTTP/1.1", host: "evil.example"));
        Assert.Equal(200, await RawStatusAsync("GET / HTTP/1.1"));
        TestSummary.Write("Hostile request (Kestrel): three over-long or foreign-host requests answered 4xx.");
    }
}
