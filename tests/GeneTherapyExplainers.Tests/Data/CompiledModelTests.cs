using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Data;

/// <summary>
/// The compiled models in Data/CompiledModels (what the site uses instead of building its model at start) are exactly
/// what <c>dotnet ef dbcontext optimize</c> makes from the model today, for each provider.
/// </summary>
public sealed partial class CompiledModelTests
{
    public static TheoryData<StoreProvider> Providers => [StoreProvider.Sqlite, StoreProvider.PostgreSQL];

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheCompiledModelIsTheOneTheToolsMakeFromTodaysModel(StoreProvider provider)
    {
        using var db = StoreProviders.CreateContext(provider, provider == StoreProvider.Sqlite ? "Data Source=unopened.db" : "Host=unopened.invalid;Database=unopened");
        var folder = provider == StoreProvider.Sqlite ? "Sqlite" : "PostgreSQL";
        var output = Directory.CreateTempSubdirectory("compiled-model-");
        try
        {
            var written = Scaffolder(db, provider).ScaffoldModel(db.GetService<IDesignTimeModel>().Model, output.FullName, new CompiledModelCodeGenerationOptions
            {
                ContextType = db.GetType(),
                ModelNamespace = $"GeneTherapyExplainers.Web.Data.CompiledModels.{folder}",
                Language = "C#",
                UseNullableReferenceTypes = true,
            });

            var committed = Path.Combine(RepositoryPaths.Root, "src", "GeneTherapyExplainers.Web", "Data", "CompiledModels", folder);
            var expected = written.Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
            foreach (var file in written)
            {
                var name = Path.GetFileName(file);
                Assert.True(Normalized(File.ReadAllText(file)) == Normalized(File.ReadAllText(Path.Combine(committed, name))),
                    $"{folder}/{name} is out of date: make the compiled models again (docs/operating.md, \"Migrations\").");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheSiteRunsOnTheCompiledModel(StoreProvider provider)
    {
        using var db = StoreProviders.CreateContext(provider, provider == StoreProvider.Sqlite ? "Data Source=unopened.db" : "Host=unopened.invalid;Database=unopened");
        Assert.Equal($"GeneTherapyExplainers.Web.Data.CompiledModels.{(provider == StoreProvider.Sqlite ? "Sqlite" : "PostgreSQL")}", db.Model.GetType().Namespace);
    }

    private static ICompiledModelScaffolder Scaffolder(DbContext db, StoreProvider provider)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        // The provider names its design-time services on its assembly, as the tools find them.
        var providerAssembly = System.Reflection.Assembly.Load(db.Database.ProviderName!);
        var named = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<DesignTimeProviderServicesAttribute>(providerAssembly)!;
        var providerServices = (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(named.TypeName, throwOnError: true)!)!;
        providerServices.ConfigureDesignTimeServices(services);
        services.AddDbContextDesignTimeServices(db);
        return services.BuildServiceProvider().GetRequiredService<ICompiledModelScaffolder>();
    }

    /// <summary>The text without its byte-order mark and line-ending style, and with the model's id (new each time) left out.</summary>
    private static string Normalized(string text) =>
        ModelId().Replace(text.TrimStart('\uFEFF').ReplaceLineEndings("\n"), "modelId: new Guid()");

    [System.Text.RegularExpressions.GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial System.Text.RegularExpressions.Regex ModelId();
}
