namespace GeneTherapyExplainers.Content.Model;

/// <summary>A published (or draft) explainer, fully rendered and validated, ready to show.</summary>
public sealed record Explainer
{
    /// <summary>From the file name: <c>content/explainers/{Slug}.md</c>.</summary>
    public required string Slug { get; init; }
    public required string SourcePath { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Category { get; init; }
    public string? Series { get; init; }
    public int Order { get; init; }
    public DateOnly? Published { get; init; }
    public string? AuthorKey { get; init; }
    public string? MedicalReviewerKey { get; init; }
    public string? TechnicalReviewerKey { get; init; }
    public IReadOnlyList<string> KeyPoints { get; init; } = [];
    public IReadOnlyList<GlossaryTerm> KeyTerms { get; init; } = [];
    public IReadOnlyList<string> RelatedKeys { get; init; } = [];
    public Video? Video { get; init; }
    public Infographic? Infographic { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public bool Draft { get; init; }

    /// <summary>The body as safe HTML in UTF-8, the form it is sent in: raw HTML escaped, unsafe URLs removed, key terms marked.</summary>
    public required byte[] BodyUtf8 { get; init; }

    /// <summary>The body as safe HTML.</summary>
    public string BodyHtml => System.Text.Encoding.UTF8.GetString(BodyUtf8);

    /// <summary>The second-level headings of the body, for the on-this-page contents.</summary>
    public IReadOnlyList<Heading> Headings { get; init; } = [];

    /// <summary>When the file last changed.</summary>
    public DateTimeOffset Modified { get; init; }

    /// <summary>The SHA-256 hash of the file's text (see <see cref="ContentText"/>): what a review is tied to.</summary>
    public byte[] ContentHash { get; init; } = [];

    /// <summary>The hash as 64 hexadecimal digits, as the store keeps it.</summary>
    public string Fingerprint => ContentText.Hex(ContentHash);

    /// <summary>What the latest change did, in a sentence for readers (front matter <c>changeNote</c>), if the editor said.</summary>
    public string? ChangeNote { get; init; }
    public int WordCount { get; init; }
    public int ReadingMinutes { get; init; }

    /// <summary>Sentence lengths and reading grade, for editors.</summary>
    public Markdown.ReadabilityReport Readability { get; init; } = new(0, 0, 0, []);

    /// <summary>Lines where each front-matter key begins, so store-backed checks can name a line too.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } =
        new Dictionary<string, SourceLocation>();
}

public sealed record Heading(string Id, string Text);

/// <summary>A part of an explainer's body: <paramref name="Id"/> and <paramref name="Heading"/> are null for the part before the first heading.</summary>
public sealed record Section(string? Id, string? Heading, string Text);

public sealed record Video(string Url, string? Caption, string? Transcript);

public sealed record Infographic(string Image, string Alt, string? Description);

public sealed record Source(string Title, string Publisher, string Url);

/// <summary>A 1-based line and column in a content file.</summary>
public readonly record struct SourceLocation(int Line, int Column);
