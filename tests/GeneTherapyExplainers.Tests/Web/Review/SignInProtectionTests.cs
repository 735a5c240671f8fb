using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Web.Review;

/// <summary>Each test has its own site, so lockout and rate-limit counters start at zero.</summary>
public class SignInProtectionTests
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task FiveFailedAttemptsLockTheAccount()
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        await site.AddUserAsync("locked@example.org", "Reviewer", Session.Password);
        using var session = site.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await session.SubmitAsync("/account/sign-in", Credentials("locked@example.org", "a wrong password here"));
        }

        var (response, doc) = await session.SubmitAsync("/account/sign-in", Credentials("locked@example.org", Session.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", doc.Text("#sign-in-error"), StringComparison.Ordinal);
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
