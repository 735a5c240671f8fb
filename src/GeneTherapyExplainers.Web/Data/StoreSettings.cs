using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Data;

/// <summary>Which database the store is on and where: <c>Store:Provider</c> and <c>ConnectionStrings:Editorial</c>.</summary>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString)
{
    public static StoreSettings From(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var provider = StoreProviders.Parse(configuration["Store:Provider"]);
        var connection = configuration.GetConnectionString("Editorial");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return new(provider, connection);
        }

        if (provider == StoreProvider.PostgreSQL)
        {
            throw new InvalidOperationException(
                "Store:Provider is PostgreSQL but ConnectionStrings:Editorial is not set. Set it, for example "
                + "ConnectionStrings__Editorial=\"Host=db.example.org;Database=gte;Username=gte;Password=...\".");
        }

        var site = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var database = Path.Combine(site.ResolveDataPath(environment.ContentRootPath), "editorial.db");
        DataFolder.EnsurePrivateDatabase(database);
        return new(provider, $"Data Source={database}");
    }
}
