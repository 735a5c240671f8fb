using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>The site in process, on a given content folder and a fresh data folder of its own.</summary>
public class SiteFactory(string contentRoot, string environment = "Production", string? dataRoot = null) : WebApplicationFactory<Program>
{
    /// <summary>The data folder (database and logs). Pass the same one to a second factory to simulate a restart.</summary>
    public string DataRoot { get; } = dataRoot ?? Path.Combine(Path.GetTempPath(), "gte-data-" + Guid.NewGuid().ToString("N"));

    /// <summary>Keep the data folder on dispose, so a later factory can start on it.</summary>
    public bool KeepData { get; init; }

    /// <summary>Where the store is (<see cref="StoreFixture.NewSiteSettings"/>); by default SQLite in <see cref="DataRoot"/>.</summary>
    public IReadOnlyDictionary<string, string> Store { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra configuration, as if given on the command line.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>
    /// The site's clock: by default one that starts at <see cref="TestClock.Now"/>, so no test depends on today's date;
    /// pass a FakeTimeProvider and move it to run background jobs.
    /// </summary>
    public TimeProvider Clock { get; init; } = TestClock.New();

    /// <summary>Adds an account with the users command, as an operator would.</summary>
    public async Task AddUserAsync(string email, string role, string password, string? person = null)
    {
        var args = new List<string> { "users", "add", "--email", email, "--role", role };
        if (person is not null)
        {
            args.AddRange(["--person", person]);
        }

        using var input = new StringReader($"{password}\n{password}\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new GeneTherapyExplainers.Web.Commands.UsersCommand(Services, input, output, error).RunAsync(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"users add failed: {error}");
        }
    }

    /// <summary>A client over HTTPS (the session cookie is Secure), keeping cookies, not following redirects.</summary>
    public Session NewSession() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    /// <summary>
    /// A client over HTTPS that keeps its cookies in <paramref name="cookies"/>: give two sites the same container and
    /// one browser talks to both, as behind a load balancer.
    /// </summary>
    public Session NewSession(System.Net.CookieContainer cookies) =>
        new(CreateDefaultClient(new Uri("https://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)));

    /// <summary>Runs an action with a scoped service provider of the running site.</summary>
    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Site:ContentPath", contentRoot);
        builder.UseSetting("Site:DataPath", DataRoot);

        // Small test folders hold explainers without sources; tests of that rule (and of the shipped content) set it.
        builder.UseSetting("Content:MinimumSources", "0");
        foreach (var (key, value) in Store.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(Clock));
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string url)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, Html.Parse(html));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (KeepData)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataRoot, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static IElement Find(this IDocument document, string selector) =>
        document.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}'.");

    public static string Text(this IDocument document, string selector) => document.Find(selector).TextContent.Trim();
}
