using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;
using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Commands;

/// <summary>The users command, on both providers.</summary>
public abstract class UsersCommandTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
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
        using var site = new SiteFactory(RepositoryPaths.Content) { Store = store.NewSiteSettings() };
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
        using var site = new SiteFactory(RepositoryPaths.Content) { Store = store.NewSiteSettings() };
        var (code, _, error) = await RunAsync(site, input, "users", "add", "--email", "x@example.org", "--role", "Reviewer");
        Assert.Equal(1, code);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordOver128CharactersIsRefused()
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Store = store.NewSiteSettings() };
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
    [InlineData("users", "add", "--email", "x@example.org", "--role", "Reviewer", "--help")]
    [InlineData("users", "remove", "--email", "x@example.org", "--role", "Reviewer")]
    public async Task WrongArgumentsAreExplained(params string[] args)
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Store = store.NewSiteSettings() };
        var (code, _, error) = await RunAsync(site, $"{Session.Password}\n{Session.Password}\n", args);
        Assert.Equal(1, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task EveryAccountChangeIsAuditedWithWhoRanItAndTheLogHoldsNoSqlOrSecret()
    {
        // As if appsettings.json were not found: Entity Framework at Information would log every SQL statement.
        using var site = new SiteFactory(RepositoryPaths.Content) { Store = store.NewSiteSettings(), Settings = { ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Information" } };
        const string email = "audited@example.org";
        const string fresh = "a brand new passphrase for audit";
        Assert.Equal(0, (await RunAsync(site, $"{Session.Password}\n{Session.Password}\n", "users", "add", "--email", email, "--role", "Reviewer", "--person", "achi-anagas")).Code);
        Assert.Equal(0, (await RunAsync(site, $"{fresh}\n{fresh}\n", "users", "reset-password", "--email", email)).Code);
        Assert.Equal(0, (await RunAsync(site, "", "users", "unlock", "--email", email)).Code);
        Assert.Equal(0, (await RunAsync(site, "", "users", "remove", "--email", email)).Code);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Account" && a.EntityKey == email).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Added", "Password reset", "Unlocked", "Removed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal($"os:{Environment.UserName}", a.Actor));
        Assert.Contains("role Reviewer, person achi-anagas", audit[0].Details, StringComparison.Ordinal);

        var folder = LogFiles.Folder(site);
        // The command's own entries (the review digest, running meanwhile, may write one to a new reviewer too).
        bool ByTheCommand(System.Text.Json.JsonElement e) => e.Property("Email") == email && e.Property("SourceContext") == typeof(UsersCommand).FullName;
        var entries = await Eventually.Until(() => Task.FromResult(LogFiles.Entries(folder)), e => e.Count(ByTheCommand) == 4);
        Assert.All(entries.Where(ByTheCommand), e => Assert.Equal($"os:{Environment.UserName}", e.Property("Actor")));
        var text = string.Join("\n", LogFiles.Lines(folder));
        Assert.DoesNotContain("INSERT INTO", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SELECT ", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Session.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlockLetsALockedAccountSignInAgainAtOnce()
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Store = store.NewSiteSettings(), Settings = { ["Accounts:MaxFailedSignInsPerAccount"] = "2" } };
        await site.AddUserAsync("unlock@example.org", "Reviewer", Session.Password);
        using var session = site.NewSession();
        await session.SignInAsync("unlock@example.org", "a wrong password here");
        await session.SignInAsync("unlock@example.org", "a wrong password here");
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync("unlock@example.org")).StatusCode);
        Assert.Contains("(locked out)", (await RunAsync(site, "", "users", "list")).Output, StringComparison.Ordinal);

        var (code, output, _) = await RunAsync(site, "", "users", "unlock", "--email", "unlock@example.org");
        Assert.Equal(0, code);
        Assert.Contains("unlocked", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await site.NewSession().SignInAsync("unlock@example.org")).StatusCode);
        Assert.Equal(1, (await RunAsync(site, "", "users", "unlock", "--email", "nobody@example.org")).Code);
    }
}

public sealed class UsersCommandTests(SqliteStore store) : UsersCommandTests<SqliteStore>(store);

public sealed class PostgresUsersCommandTests(PostgresStore store) : UsersCommandTests<PostgresStore>(store);
