using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeneTherapyExplainers.Web.Data.Configurations;

internal sealed class ExplainerContributorConfiguration : IEntityTypeConfiguration<ExplainerContributor>
{
    public void Configure(EntityTypeBuilder<ExplainerContributor> builder)
    {
        builder.ToTable("ExplainerContributors");
        builder.HasKey(x => new { x.ExplainerSlug, x.Role });
        builder.Property(x => x.ExplainerSlug).HasMaxLength(100);
        builder.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExplainerRelatedConfiguration : IEntityTypeConfiguration<ExplainerRelated>
{
    public void Configure(EntityTypeBuilder<ExplainerRelated> builder)
    {
        builder.ToTable("ExplainerRelated");
        builder.HasKey(x => new { x.ExplainerSlug, x.RelatedItemId });
        builder.Property(x => x.ExplainerSlug).HasMaxLength(100);
        builder.HasOne(x => x.RelatedItem).WithMany().HasForeignKey(x => x.RelatedItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExplainerScheduleConfiguration : IEntityTypeConfiguration<ExplainerSchedule>
{
    public void Configure(EntityTypeBuilder<ExplainerSchedule> builder)
    {
        builder.ToTable("ExplainerSchedules");
        builder.HasKey(x => x.ExplainerSlug);
        builder.Property(x => x.ExplainerSlug).HasMaxLength(100);
        builder.Property(x => x.SourcePage).HasMaxLength(200);
    }
}

internal sealed class ReviewRecordConfiguration : IEntityTypeConfiguration<ReviewRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRecord> builder)
    {
        builder.ToTable("ReviewRecords");
        builder.Property(x => x.ExplainerSlug).HasMaxLength(100);
        builder.Property(x => x.Notes).HasMaxLength(4000);
        builder.Property(x => x.SourcesChecked).HasMaxLength(4000);
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
        builder.Property(x => x.SourcePage).HasMaxLength(200);
        builder.HasIndex(x => x.ExplainerSlug);
        builder.HasIndex(x => x.SubmissionId).IsUnique();
        builder.HasOne(x => x.Reviewer).WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReviewRecord>().WithMany().HasForeignKey(x => x.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        // A plain column, not a foreign key to ReviewedTexts: SQLite would rebuild the table (and lose its append-only
        // triggers) to add one. Kept texts are never deleted.
        builder.Property(x => x.ContentFingerprint).HasMaxLength(64);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.ToTable("ContentVersions");
        builder.Property(x => x.ExplainerSlug).HasMaxLength(100);
        builder.Property(x => x.Fingerprint).HasMaxLength(64);
        builder.Property(x => x.ChangeNote).HasMaxLength(GeneTherapyExplainers.Content.Loading.ContentLoader.ChangeNoteLimit);
        builder.HasIndex(x => new { x.ExplainerSlug, x.Number }).IsUnique();
    }
}

internal sealed class ReviewedTextConfiguration : IEntityTypeConfiguration<ReviewedText>
{
    public void Configure(EntityTypeBuilder<ReviewedText> builder)
    {
        builder.ToTable("ReviewedTexts");
        builder.HasKey(x => x.Fingerprint);
        builder.Property(x => x.Fingerprint).HasMaxLength(64);
    }
}
