namespace GeneTherapyExplainers.Web.Data.Entities;

public enum RelatedItemKind
{
    VideoInterview,
    Article,
    Analysis,
}

/// <summary>An interview, article or analysis that an explainer points readers to.</summary>
public sealed class RelatedItem
{
    public int Id { get; set; }

    /// <summary>A short slug of the title: <c>feng-shank3-interview</c>.</summary>
    public required string Key { get; set; }

    public RelatedItemKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>The series or publication it belongs to, such as "GENEration Hope".</summary>
    public string? Series { get; set; }

    /// <summary>Who published it, as the source page credits it.</summary>
    public string? Source { get; set; }

    public string? Summary { get; set; }

    /// <summary>A watch or read link; null until one is known.</summary>
    public string? Url { get; set; }

    public string? SourcePage { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<RelatedItemPerson> People { get; set; } = [];
}

public enum RelatedItemRole
{
    Guest,
    Host,
}

/// <summary>A guest or host of a related item.</summary>
public sealed class RelatedItemPerson
{
    public int RelatedItemId { get; set; }

    public int PersonId { get; set; }

    public RelatedItemRole Role { get; set; }

    public RelatedItem? RelatedItem { get; set; }

    public Person? Person { get; set; }
}
