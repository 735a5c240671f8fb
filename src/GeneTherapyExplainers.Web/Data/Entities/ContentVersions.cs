namespace GeneTherapyExplainers.Web.Data.Entities;

/// <summary>
/// One version of an explainer's text, recorded when the site picks up a changed file: its fingerprint, the file's
/// date and the change note its front matter carried. Numbered from 1 per explainer; version 1 is the one the site
/// saw first. Rows are only added.
/// </summary>
public sealed class ContentVersion
{
    public int Id { get; set; }

    public required string ExplainerSlug { get; set; }

    /// <summary>1 for the first version the site saw, then 2, 3, ...: unique per explainer, so two instances picking up one change record it once.</summary>
    public int Number { get; set; }

    /// <summary>The SHA-256 of the file's text, 64 hexadecimal digits.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>When the file was saved with this text (its last-write time when the site read it).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The front matter's <c>changeNote</c> in this version, if any.</summary>
    public string? ChangeNote { get; set; }

    /// <summary>When the site recorded this version.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// The full text of an explainer as a reviewer saw it, kept once per fingerprint however many reviews point to it,
/// so the reviewer can later see what changed since.
/// </summary>
public sealed class ReviewedText
{
    /// <summary>The SHA-256 of <see cref="Text"/>, 64 hexadecimal digits.</summary>
    public required string Fingerprint { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset KeptAt { get; set; }
}
