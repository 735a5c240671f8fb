using GeneTherapyExplainers.Content.Model;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>
/// The one Markdown pipeline of the site, built once and shared (Markdig pipelines are immutable and
/// thread-safe), and the safe way to turn a parsed document into HTML.
/// </summary>
public static class MarkdownRendering
{
    /// <summary>Front matter, heading ids, tables, emphasis extras; raw HTML is escaped, never passed through.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders a document to HTML with every link, image and autolink URL checked by <see cref="UrlSafety"/>.</summary>
    public static string ToSafeHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = UrlSafety.Rewrite };
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Insert(0, new GlossaryTermRenderer());
        // The front matter is data, not text: never let it leak into the page.
        foreach (var yaml in document.Descendants<YamlFrontMatterBlock>().ToList())
        {
            document.Remove(yaml);
        }

        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The second-level headings and their ids, in order.</summary>
    public static IReadOnlyList<Heading> Headings(MarkdownDocument document) =>
        [.. document.Descendants<HeadingBlock>()
            .Where(h => h.Level == 2)
            .Select(h => new Heading(h.GetAttributes().Id ?? string.Empty, PlainText(h.Inline)))
            .Where(h => h.Id.Length > 0)];

    /// <summary>
    /// The body split at its second-level headings, as plain text: the part before the first heading (with no id),
    /// then one section per heading. Search indexes these, so a match can link to its section.
    /// </summary>
    public static IReadOnlyList<Section> Sections(MarkdownDocument document)
    {
        var sections = new List<Section>();
        string? id = null;
        string? heading = null;
        var text = new System.Text.StringBuilder();
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } h && h.GetAttributes().Id is { Length: > 0 } headingId)
            {
                if (text.Length > 0 || heading is not null)
                {
                    sections.Add(new Section(id, heading, text.ToString().Trim()));
                }

                (id, heading) = (headingId, PlainText(h.Inline));
                text.Clear();
            }
            else
            {
                text.Append(PlainText(block)).Append(' ');
            }
        }

        if (text.Length > 0 || heading is not null)
        {
            sections.Add(new Section(id, heading, text.ToString().Trim()));
        }

        return sections;
    }

    /// <summary>The words a reader reads: paragraphs, headings and list items, without markup.</summary>
    public static string PlainText(MarkdownObject? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        // A leaf block's own Descendants() does not reach its inlines; its inline container's does.
        var nodes = node is LeafBlock { Inline: { } inline } ? inline.Descendants() : node.Descendants();
        var text = new System.Text.StringBuilder();
        foreach (var d in nodes)
        {
            _ = d switch
            {
                LiteralInline l => text.Append(l.Content.AsSpan()),
                CodeInline c => text.Append(c.Content),
                GlossaryTermInline g => text.Append(g.Text),
                LineBreakInline or LeafBlock => text.Append(' '),
                _ => text,
            };
        }

        return text.ToString().Trim();
    }
}
