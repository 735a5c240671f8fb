using System.Globalization;
using GeneTherapyExplainers.Web.Data.Entities;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>How dates, roles and kinds are written on pages.</summary>
public static class Format
{
    public static CultureInfo Culture { get; } = CultureInfo.InvariantCulture;

    /// <summary>"28 June 2026": unambiguous for readers everywhere.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Role(ContributorRole role) => role switch
    {
        ContributorRole.Author => "Research and writing",
        ContributorRole.MedicalReviewer => "Medical review",
        ContributorRole.TechnicalReviewer => "Technical review",
        _ => role.ToString(),
    };

    public static string Kind(RelatedItemKind kind) => kind switch
    {
        RelatedItemKind.VideoInterview => "Video interview",
        RelatedItemKind.Article => "Article",
        RelatedItemKind.Analysis => "Analysis",
        _ => kind.ToString(),
    };

    public static string Kind(ReviewKind kind) => kind switch
    {
        ReviewKind.Medical => "Medical review",
        ReviewKind.Technical => "Technical review",
        ReviewKind.Editorial => "Editorial review",
        _ => kind.ToString(),
    };
}
