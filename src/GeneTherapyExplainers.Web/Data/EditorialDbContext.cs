using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Data;

/// <summary>The editorial store: people, related items, the links from explainers to both, and review history.</summary>
public sealed class EditorialDbContext(DbContextOptions<EditorialDbContext> options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<RelatedItem> RelatedItems => Set<RelatedItem>();

    public DbSet<RelatedItemPerson> RelatedItemPeople => Set<RelatedItemPerson>();

    public DbSet<ExplainerContributor> ExplainerContributors => Set<ExplainerContributor>();

    public DbSet<ExplainerRelated> ExplainerRelated => Set<ExplainerRelated>();

    public DbSet<ExplainerSchedule> ExplainerSchedules => Set<ExplainerSchedule>();

    public DbSet<ReviewRecord> ReviewRecords => Set<ReviewRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EditorialDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database reads plainly and reordering an enum changes nothing.
        configurationBuilder.Properties<RelatedItemKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RelatedItemRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ContributorRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReviewKind>().HaveConversion<string>().HaveMaxLength(32);
    }
}
