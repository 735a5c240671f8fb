namespace GeneTherapyExplainers.Content.Model;

/// <summary>One key term of the glossary, loaded from <c>content/glossary/{key}.md</c>.</summary>
/// <param name="Key">The file name without extension; the term's URL is <c>/glossary/{Key}</c>.</param>
/// <param name="Term">The term as readers see it.</param>
/// <param name="Aliases">Other words that mean the same term (abbreviations, plurals, spellings).</param>
/// <param name="Definition">One plain sentence.</param>
/// <param name="ExplanationHtml">The longer explanation, rendered from the file's Markdown body.</param>
/// <param name="SourcePath">The file, relative to the content folder.</param>
public sealed record GlossaryTerm(
    string Key,
    string Term,
    IReadOnlyList<string> Aliases,
    string Definition,
    string ExplanationHtml,
    string SourcePath)
{
    /// <summary>The letter the A–Z index files the term under.</summary>
    public char Letter => char.IsLetter(Term[0]) ? char.ToUpperInvariant(Term[0]) : '#';

    /// <summary>The term followed by its aliases: every phrase that counts as a use of the term.</summary>
    public IEnumerable<string> Phrases => Aliases.Prepend(Term);

    /// <summary>The longer explanation as plain text, for search.</summary>
    public string ExplanationText { get; init; } = "";

    /// <summary>Lines where each front-matter key begins.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>();
}
