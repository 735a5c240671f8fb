using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GeneTherapyExplainers.Web.Data.Configurations;

/// <summary>
/// Times are UTC <see cref="DateTime"/>s rather than DateTimeOffsets: SQLite compares and orders DateTimes (stored as
/// sortable text) in the database, where it would have to fetch every row to compare DateTimeOffsets.
/// </summary>
internal static class UtcTimes
{
    public static readonly ValueConverter<DateTime, DateTime> Converter = new(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static readonly ValueConverter<DateTime?, DateTime?> NullableConverter = new(
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

internal sealed class ReaderFeedbackConfiguration : IEntityTypeConfiguration<ReaderFeedback>
{
    public void Configure(EntityTypeBuilder<ReaderFeedback> builder)
    {
        builder.ToTable("ReaderFeedback");
        builder.Property(x => x.Page).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.PageKey).HasMaxLength(100);
        builder.Property(x => x.Comment).HasMaxLength(ReaderFeedback.MaxCommentLength);
        builder.Property(x => x.ReceivedAt).HasConversion(UtcTimes.Converter);
        // Two reviewers handling the same comment at once: the second save finds it handled and is refused.
        builder.Property(x => x.HandledAt).HasConversion(UtcTimes.NullableConverter).IsConcurrencyToken();
        builder.Property(x => x.HandledBy).HasMaxLength(256);
        builder.Property(x => x.HandledNote).HasMaxLength(ReaderFeedback.MaxNoteLength);
        builder.HasOne(x => x.HandledReview).WithMany().HasForeignKey(x => x.HandledReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(x => x.NeedsReviewer);
        builder.Ignore(x => x.PagePath);
        builder.HasIndex(x => new { x.Page, x.PageKey, x.ReceivedAt });
        builder.HasIndex(x => x.ReceivedAt);
        builder.HasIndex(x => x.HandledAt);
    }
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.ToTable("DigestDeliveries");
        builder.Property(x => x.PeriodStart).HasConversion(UtcTimes.Converter);
        builder.Property(x => x.ClaimedAt).HasConversion(UtcTimes.Converter);
        builder.Property(x => x.SentAt).HasConversion(UtcTimes.NullableConverter);
        builder.Property(x => x.Channel).HasMaxLength(16);
        // The guarantee: one digest per account and period, whichever instance claims it first.
        builder.HasIndex(x => new { x.UserId, x.PeriodStart }).IsUnique();
        builder.HasOne<SiteUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
