namespace GeneTherapyExplainers.Web.Data.Entities;

public enum ReviewKind
{
    Medical,
    Technical,
    Editorial,
}

/// <summary>How often an explainer must be reviewed. The publisher's stated cadence is quarterly.</summary>
public sealed class ExplainerSchedule
{
    public const int Quarterly = 3;

    public required string ExplainerSlug { get; set; }

    public int CadenceMonths { get; set; } = Quarterly;

    /// <summary>The day the site first published the explainer; no review can be dated before it.</summary>
    public DateOnly? FirstSeenOn { get; set; }

    public string? SourcePage { get; set; }
}

/// <summary>One review of an explainer. Records are only ever added, never changed or deleted.</summary>
public sealed class ReviewRecord
{
    public int Id { get; set; }

    public required string ExplainerSlug { get; set; }

    public ReviewKind Kind { get; set; }

    public DateOnly ReviewedOn { get; set; }

    public int? ReviewerId { get; set; }

    public Person? Reviewer { get; set; }

    public string? Notes { get; set; }

    public string? SourcesChecked { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Who recorded it: an account, or "seed" for facts from a source page.</summary>
    public required string RecordedBy { get; set; }

    /// <summary>The earlier record this one corrects, if any.</summary>
    public int? CorrectsId { get; set; }

    public string? SourcePage { get; set; }

    /// <summary>
    /// The one-time key of the form that recorded it (unique): a post of the same form again, such as a retry after
    /// a lost answer, records nothing new. Null for records that came from no form (the seed data).
    /// </summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>
    /// The fingerprint of the explainer's text as the reviewer saw it (see <see cref="ReviewedText"/>). Null for reviews
    /// recorded before reviews were tied to the text, and for the seed data.
    /// </summary>
    public string? ContentFingerprint { get; set; }
}
