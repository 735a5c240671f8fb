using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Pages.Account;

namespace GeneTherapyExplainers.Tests.Pages.Account;

/// <summary>Each test has its own site, so lockout and rate-limit counters start at zero.</summary>
public class SignInProtectionTests
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    /// <summary>A visitor from its own address (set as a trusted proxy would, with X-Forwarded-For).</summary>
    private static Session From(SiteFactory site, string address)
    {
        var session = site.NewSession();
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return session;
    }

    private static async Task<string?> TryAsync(Session session, string email, string password)
    {
        var (response, doc) = await session.SubmitAsync("/account/sign-in", Credentials(email, password));
        return response.StatusCode == HttpStatusCode.Redirect ? null : doc.Text("#sign-in-error");
    }

    [Fact]
    public async Task FiveFailuresFromOneClientPauseThatClientButLockNoAccount()
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        await site.AddUserAsync("target@example.org", "Reviewer", Session.Password);
        using var attacker = From(site, "203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SignInModel.Mismatch, await TryAsync(attacker, "target@example.org", "a wrong password here"));
        }

        // The client is paused, for every address and even with the right password...
        Assert.Contains("from your connection", await TryAsync(attacker, "target@example.org", Session.Password), StringComparison.Ordinal);
        Assert.Contains("from your connection", await TryAsync(attacker, "someone-else@example.org", "a wrong password here"), StringComparison.Ordinal);

        // ...but the reviewer, from their own connection, still signs in.
        using var reviewer = From(site, "198.51.100.20");
        Assert.Null(await TryAsync(reviewer, "target@example.org", Session.Password));
    }

    [Fact]
    public async Task AnAccountLocksAfterTwentyFailuresFromSeveralClientsAndAnUnknownAddressSaysTheSame()
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        await site.AddUserAsync("locked@example.org", "Reviewer", Session.Password);
        var real = new List<string?>();
        var unknown = new List<string?>();
        for (var client = 0; client < 4; client++)
        {
            using var forReal = From(site, $"203.0.113.{10 + client}");
            using var forUnknown = From(site, $"203.0.113.{20 + client}");
            for (var i = 0; i < 5; i++)
            {
                real.Add(await TryAsync(forReal, "locked@example.org", "a wrong password here"));
                unknown.Add(await TryAsync(forUnknown, "nobody-at-all@example.org", "a wrong password here"));
            }
        }

        Assert.Equal(real, unknown);
        Assert.Contains("locked for 15 minutes", real[^1], StringComparison.Ordinal);
        Assert.All(real.SkipLast(1), message => Assert.Equal(SignInModel.Mismatch, message));

        using var fresh = From(site, "198.51.100.30");
        var locked = await TryAsync(fresh, "locked@example.org", Session.Password);
        Assert.Contains("locked for 15 minutes", locked, StringComparison.Ordinal);
        Assert.Equal(locked, await TryAsync(fresh, "nobody-at-all@example.org", "a wrong password here"));
        var (response, _) = await fresh.SubmitAsync("/account/sign-in", Credentials("locked@example.org", Session.Password));
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("__Host-gte-session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TooManySignInPostsFromOneClientAnswer429WithRetryAfter()
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Settings = { ["Accounts:SignInPermitLimit"] = "3" } };
        using var session = site.NewSession();
        HttpResponseMessage? last = null;
        AngleSharp.Dom.IDocument? page = null;
        for (var i = 0; i < 4; i++)
        {
            var (response, doc) = await session.SubmitAsync("/account/sign-in", Credentials("someone@example.org", "a wrong password here"));
            last = response;
            page = doc;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Too many attempts", page!.Text("h1"));
        var (get, _) = await session.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
