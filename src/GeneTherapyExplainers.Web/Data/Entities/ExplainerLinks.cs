namespace GeneTherapyExplainers.Web.Data.Entities;

public enum ContributorRole
{
    Author,
    MedicalReviewer,
    TechnicalReviewer,
}

/// <summary>Who wrote or checked an explainer, from its front matter.</summary>
public sealed class ExplainerContributor
{
    public required string ExplainerSlug { get; set; }

    public ContributorRole Role { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }
}

/// <summary>
/// A related item shown on an explainer. Added from front matter the first time it is named there, or on the
/// site; a detached link is kept (with <see cref="DetachedAt"/>) so the front matter never brings it back.
/// </summary>
public sealed class ExplainerRelated
{
    public required string ExplainerSlug { get; set; }

    public int RelatedItemId { get; set; }

    public int Position { get; set; }

    public DateTimeOffset? DetachedAt { get; set; }

    public RelatedItem? RelatedItem { get; set; }
}
