using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GeneTherapyExplainers.Web.Data;

/// <summary>
/// The editorial store: people, related items, the links from explainers to both, review history, accounts,
/// the audit trail, reader feedback and the record of digests sent. Every save records who changed what (see <see cref="Actor"/>), and review records
/// can only ever be added: the audit interceptor every context is opened with does both (Infrastructure/Store/Audit.cs,
/// so the store itself knows nothing of the site). One subclass per database provider (<see cref="SqliteEditorialDbContext"/>,
/// <see cref="PostgresEditorialDbContext"/>), each with its own migrations; the site asks for this type.
/// </summary>
public abstract class EditorialDbContext(DbContextOptions options) : IdentityDbContext<SiteUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who the changes in the next save are made by: an account's email, or a "system:" name.</summary>
    public string Actor { get; set; } = "system";

    /// <summary>
    /// The clock audit entries and link changes are dated by: the site's <see cref="TimeProvider"/> when the context
    /// comes from the site's services; a context made outside them is given one before it saves.
    /// </summary>
    public TimeProvider Clock
    {
        get => clock ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
            ?? throw new InvalidOperationException("This context was made outside the site's services: set its Clock before saving.");
        set => clock = value;
    }

    private TimeProvider? clock;

    /// <summary>
    /// Whether a save writes audit entries (the audit interceptor every context is opened with reads it): off only
    /// while the <c>store copy</c> command copies rows that already carry their own audit trail.
    /// </summary>
    public bool RecordsAudit { get; set; } = true;

    public DbSet<Person> People => Set<Person>();

    public DbSet<RelatedItem> RelatedItems => Set<RelatedItem>();

    public DbSet<RelatedItemPerson> RelatedItemPeople => Set<RelatedItemPerson>();

    public DbSet<ExplainerContributor> ExplainerContributors => Set<ExplainerContributor>();

    public DbSet<ExplainerRelated> ExplainerRelated => Set<ExplainerRelated>();

    public DbSet<ExplainerSchedule> ExplainerSchedules => Set<ExplainerSchedule>();

    public DbSet<ReviewRecord> ReviewRecords => Set<ReviewRecord>();

    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();

    public DbSet<ReviewedText> ReviewedTexts => Set<ReviewedText>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>What readers said about pages; no personal data.</summary>
    public DbSet<ReaderFeedback> ReaderFeedback => Set<ReaderFeedback>();

    /// <summary>Which reviewer's digest went out for which period.</summary>
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    /// <summary>The Data Protection key ring, shared by every instance (see Infrastructure/KeyRing.cs).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Fixed, so the model (and the migrations) never depend on how Identity is configured.</summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EditorialDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database reads plainly and reordering an enum changes nothing.
        configurationBuilder.Properties<RelatedItemKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RelatedItemRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ContributorRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReviewKind>().HaveConversion<string>().HaveMaxLength(32);
    }
}

/// <summary>The store on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteEditorialDbContext(DbContextOptions<SqliteEditorialDbContext> options) : EditorialDbContext(options);

/// <summary>The store on PostgreSQL; its migrations are in Data/Migrations/PostgreSQL.</summary>
public sealed class PostgresEditorialDbContext(DbContextOptions<PostgresEditorialDbContext> options) : EditorialDbContext(options);
