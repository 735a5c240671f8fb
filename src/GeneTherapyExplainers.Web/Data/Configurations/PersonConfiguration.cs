using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeneTherapyExplainers.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Key).HasMaxLength(100);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Honorific).HasMaxLength(20);
        builder.Property(p => p.Credentials).HasMaxLength(500);
        builder.Property(p => p.Bio).HasMaxLength(4000);
        builder.Property(p => p.SourcePage).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DisplayName);
    }
}

internal sealed class RelatedItemConfiguration : IEntityTypeConfiguration<RelatedItem>
{
    public void Configure(EntityTypeBuilder<RelatedItem> builder)
    {
        builder.ToTable("RelatedItems");
        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Series).HasMaxLength(200);
        builder.Property(r => r.Source).HasMaxLength(200);
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.Property(r => r.Url).HasMaxLength(2000);
        builder.Property(r => r.SourcePage).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RelatedItemPersonConfiguration : IEntityTypeConfiguration<RelatedItemPerson>
{
    public void Configure(EntityTypeBuilder<RelatedItemPerson> builder)
    {
        builder.ToTable("RelatedItemPeople");
        builder.HasKey(x => new { x.RelatedItemId, x.PersonId, x.Role });
        builder.HasOne(x => x.RelatedItem).WithMany(r => r.People).HasForeignKey(x => x.RelatedItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
