using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;

namespace GeneTherapyExplainers.Tests.Web.Review;

public class UsersCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(SiteFactory site, string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new UsersCommand(site.Services, reader, output, error).RunAsync(args);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AddListResetAndRemoveAnAccount()
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        var pw = $"{Session.Password}\n{Session.Password}\n";
        Assert.Equal(0, (await RunAsync(site, pw, "users", "add", "--email", "achi@example.org", "--role", "reviewer", "--person", "achi-anagas")).Code);
        var (_, list, _) = await RunAsync(site, "", "users", "list");
        Assert.Contains("achi@example.org\tReviewer\tachi-anagas", list, StringComparison.Ordinal);

        using var session = site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("achi@example.org")).StatusCode);
        const string fresh = "a brand new passphrase for achi";
        Assert.Equal(0, (await RunAsync(site, $"{fresh}\n{fresh}\n", "users", "reset-password", "--email", "achi@example.org")).Code);
        var (afterReset, _) = await session.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, afterReset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.NewSession().SignInAsync("achi@example.org", fresh)).StatusCode);

        Assert.Equal(0, (await RunAsync(site, "", "users", "remove", "--email", "achi@example.org")).Code);
        Assert.DoesNotContain("achi@example.org", (await RunAsync(site, "", "users", "list")).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short\nshort\n", "at least 12 characters")]
    [InlineData("one long password\nanother long password\n", "do not match")]
    [InlineData("", "No password")]
    public async Task ABadPasswordIsRefusedWithAReason(string input, string reason)
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        var (code, _, error) = await RunAsync(site, input, "users", "add", "--email", "x@example.org", "--role", "Reviewer");
        Assert.Equal(1, code);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordOver128CharactersIsRefused()
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        var longPassword = new string('a', 129);
        var (code, _, error) = await RunAsync(site, $"{longPassword}\n{longPassword}\n", "users", "add", "--email", "x@example.org", "--role", "Reviewer");
        Assert.Equal(1, code);
        Assert.Contains("at most 128", error, StringComparison.Ordinal);
        var ok = new string('b', 64);
        Assert.Equal(0, (await RunAsync(site, $"{ok}\n{ok}\n", "users", "add", "--email", "y@example.org", "--role", "Editor")).Code);
    }

    [Theory]
    [InlineData("users", "add", "--email", "x@example.org", "--role", "Admin")]
    [InlineData("users", "add", "--role", "Reviewer")]
    [InlineData("users", "frobnicate")]
    [InlineData("users", "add", "--email", "x@example.org", "--role", "Reviewer", "--person", "no-such-person")]
    public async Task WrongArgumentsAreExplained(params string[] args)
    {
        using var site = new SiteFactory(RepositoryPaths.Content);
        var (code, _, error) = await RunAsync(site, $"{Session.Password}\n{Session.Password}\n", args);
        Assert.Equal(1, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
