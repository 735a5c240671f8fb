using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeneTherapyExplainers.Web.Data.Configurations;

internal sealed class SiteUserConfiguration : IEntityTypeConfiguration<SiteUser>
{
    public void Configure(EntityTypeBuilder<SiteUser> builder) =>
        builder.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityKey).HasMaxLength(300);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Details).HasMaxLength(8000);
    }
}
