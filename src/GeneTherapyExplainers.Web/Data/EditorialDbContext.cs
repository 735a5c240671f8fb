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
/// can only ever be added. One subclass per database provider (<see cref="SqliteEditorialDbContext"/>,
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

    /// <summary>Off only while <see cref="StoreCopy"/> copies rows that already carry their own audit trail.</summary>
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (RecordsAudit)
        {
            Audit.Record(this);
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (RecordsAudit)
        {
            Audit.Record(this);
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
