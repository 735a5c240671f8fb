namespace GeneTherapyExplainers.Tests.Support;

/// <summary>
/// A content folder with one good explainer and term, and one file for each kind of mistake an editor can make,
/// with the line each mistake is on. Built in code, because some mistakes (two files whose names differ only in
/// case, bytes that are not UTF-8) cannot live safely in the repository.
/// </summary>
public static class BrokenContent
{
    public sealed record Expected(string Path, int Line, string Severity, string Fragment);

    private const string Sources = "sources:\n  - title: T1\n    publisher: P\n    url: https://example.org/1\n"
        + "  - title: T2\n    publisher: P\n    url: https://example.org/2\n  - title: T3\n    publisher: P\n    url: https://example.org/3\n";

    /// <summary>The site settings these files are checked with: the shipped rules, three sources a published explainer.</summary>
    public static Dictionary<string, string> Settings => new() { ["Content:MinimumSources"] = "3" };

    private static string Page(string title, string extra = "", string body = "Plain words about genes.") =>
        $"---\ntitle: {title}\nsummary: A short plain line.\ncategory: Tests\n{extra}{Sources}---\n\n{body}\n";

    public static TempContent Create()
    {
        var content = new TempContent();
        content.Write("seed/store.yml", "people:\n  - key: known-person\n    name: Known Person\nrelated:\n  - key: known-item\n    kind: Article\n    title: Known item\n");
        content.Write("media/picture.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        content.Term("gene", "Gene", "One instruction in DNA.", "genes");
        content.Write("explainers/good.md", Page("Good", "series: s\norder: 1\nauthor: known-person\nrelated: [known-item]\nkeyTerms: [gene]\n",
            "A gene is an instruction. See [the glossary](/glossary/gene) and ![a picture](/media/picture.svg)."));
        content.Write("explainers/bad-yaml.md", "---\ntitle: Bad\nsummary: [unclosed\ncategory: Tests\n---\n\nText.\n");
        content.Write("explainers/no-title.md", "---\nsummary: S.\ncategory: Tests\n---\n\nText.\n");
        content.Write("explainers/no-summary.md", "---\ntitle: No summary\ncategory: Tests\n---\n\nText.\n");
        content.Write("explainers/unknown-field.md", "---\ntitle: T\nsummary: S.\ncategory: Tests\nauthr: known-person\n---\n\nText.\n");
        content.Write("explainers/same-name.md", Page("Same name lower"));
        content.Write("explainers/Same-Name.md", Page("Same name upper"));
        content.Stamp("explainers/same-name.md", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        content.Stamp("explainers/Same-Name.md", new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        content.Write("explainers/unknown-term.md", Page("Unknown term", "keyTerms: [gene, plasmid]\n"));
        content.Write("explainers/unknown-person.md", Page("Unknown person", "author: nobody-known\n"));
        content.Write("explainers/unknown-item.md", Page("Unknown item", "related: [known-item, no-such-item]\n"));
        content.Write("explainers/order-clash.md", Page("Order clash", "series: s\norder: 1\n"));
        content.Write("explainers/missing-image.md", Page("Missing image", "infographic:\n  image: nowhere.svg\n  alt: Something.\n"));
        content.Write("explainers/no-alt.md", Page("No alt", "", "Text.\n\n![](/media/picture.svg)"));
        content.Write("explainers/term-unused.md", Page("Term unused", "keyTerms: [gene]\n", "Nothing about it here."));
        content.Write("explainers/broken-explainer-link.md", Page("Broken explainer link", "", "See [this](/explainers/does-not-exist)."));
        content.Write("explainers/broken-term-link.md", Page("Broken term link", "", "See [this](/glossary/not-a-term)."));
        content.Write("explainers/empty.md", "");
        content.WriteBytes("explainers/not-utf8.md", [0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9, 0x0A]);
        content.Write("explainers/no-sources.md", "---\ntitle: No sources\nsummary: S.\ncategory: Tests\n---\n\nText.\n");
        return content;
    }

    /// <summary>What must be reported; the path, the line and a piece of the message.</summary>
    public static IReadOnlyList<Expected> Problems { get; } =
    [
        new("explainers/bad-yaml.md", 3, "error", "could not be read"),
        new("explainers/no-title.md", 1, "error", "'title' field is missing"),
        new("explainers/no-summary.md", 1, "error", "'summary' field is missing"),
        new("explainers/unknown-field.md", 5, "error", "'authr' is not a known field"),
        new("explainers/Same-Name.md", 1, "error", "already used by explainers/same-name.md"),
        new("explainers/unknown-term.md", 5, "error", "'plasmid' is not in the glossary"),
        new("explainers/unknown-person.md", 5, "error", "'nobody-known'"),
        new("explainers/unknown-item.md", 5, "error", "'no-such-item'"),
        new("explainers/order-clash.md", 6, "error", "already taken by explainers/good.md"),
        new("explainers/missing-image.md", 6, "error", "'media/nowhere.svg' does not exist"),
        new("explainers/no-alt.md", 19, "error", "no alt text"),
        new("explainers/term-unused.md", 5, "warning", "never appears in the text"),
        new("explainers/broken-explainer-link.md", 17, "error", "points to no published explainer"),
        new("explainers/broken-term-link.md", 17, "error", "points to no glossary term"),
        new("explainers/empty.md", 1, "error", "The file is empty"),
        new("explainers/not-utf8.md", 1, "error", "not saved as UTF-8"),
        new("explainers/no-sources.md", 1, "error", "explainers/no-sources.md lists 0 sources; a published explainer needs at least 3"),
    ];

    /// <summary>The explainers that must be published despite everything else.</summary>
    public static IReadOnlyList<string> GoodPages { get; } = ["good", "term-unused", "unknown-person", "unknown-item"];
}
