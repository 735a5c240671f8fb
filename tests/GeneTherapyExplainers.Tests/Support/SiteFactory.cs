using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
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
