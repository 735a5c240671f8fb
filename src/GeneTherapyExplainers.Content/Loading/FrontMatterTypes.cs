namespace GeneTherapyExplainers.Content.Loading;

// The shapes front matter is read into. Keys are camelCase in the files; a key that is not here is an error.
#pragma warning disable CA1002, CA2227 // YamlDotNet fills these by setting mutable lists.

internal sealed class ExplainerFrontMatter
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Category { get; set; }
    public string? Series { get; set; }
    public int Order { get; set; }
    public DateOnly? Published { get; set; }
    public string? Author { get; set; }
    public ReviewersFrontMatter? Reviewers { get; set; }
    public List<string> KeyPoints { get; set; } = [];
    public List<string> KeyTerms { get; set; } = [];
    public List<string> Related { get; set; } = [];
    public VideoFrontMatter? Video { get; set; }
    public InfographicFrontMatter? Infographic { get; set; }
    public List<SourceFrontMatter> Sources { get; set; } = [];
    public bool Draft { get; set; }
    public string? ChangeNote { get; set; }
}

internal sealed class ReviewersFrontMatter
{
    public string? Medical { get; set; }
    public string? Technical { get; set; }
}

internal sealed class VideoFrontMatter
{
    public string? Url { get; set; }
    public string? Caption { get; set; }
    public string? Transcript { get; set; }
}

internal sealed class InfographicFrontMatter
{
    public string? Image { get; set; }
    public string? Alt { get; set; }
    public string? Description { get; set; }
}

internal sealed class SourceFrontMatter
{
    public string? Title { get; set; }
    public string? Publisher { get; set; }
    public string? Url { get; set; }
}

internal sealed class GlossaryFrontMatter
{
    public string? Term { get; set; }
    public List<string> Aliases { get; set; } = [];
    public string? Definition { get; set; }
}
#pragma warning restore CA1002, CA2227

#pragma warning disable CA1002, CA2227 // YamlDotNet fills these by setting mutable lists.

/// <summary>The shape of <c>content/synonyms.yml</c>.</summary>
internal sealed class SynonymsFile
{
    public List<List<string>> Spellings { get; set; } = [];
    public Dictionary<string, List<string>> Everyday { get; set; } = [];
    public List<string> Ignore { get; set; } = [];
}
#pragma warning restore CA1002, CA2227
