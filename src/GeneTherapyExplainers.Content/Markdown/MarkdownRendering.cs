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

        // A leaf block stands for its text: its inlines, not the block itself.
        var text = new System.Text.StringBuilder();
        AppendText(node is LeafBlock { Inline: { } inline } ? inline : node, text);
        return text.ToString().Trim();
    }

    /// <summary>
    /// The text of everything below <paramref name="node"/>, in document order (as Markdig's Descendants() visits it,
    /// without its stacks): a space for each leaf block and line break.
    /// </summary>
    private static void AppendText(MarkdownObject node, System.Text.StringBuilder text)
    {
        if (node is ContainerBlock blocks)
        {
            foreach (var block in blocks)
            {
                if (block is LeafBlock leaf)
                {
                    text.Append(' ');
                    if (leaf.Inline is { } inline)
                    {
                        AppendText(inline, text);
                    }
                }
                else
                {
                    AppendText(block, text);
                }
            }

            return;
        }

        for (var child = (node as ContainerInline)?.FirstChild; child is not null; child = child.NextSibling)
        {
            _ = child switch
            {
                LiteralInline l => text.Append(l.Content.AsSpan()),
                CodeInline c => text.Append(c.Content),
                GlossaryTermInline g => text.Append(g.Text),
                LineBreakInline => text.Append(' '),
                _ => text,
            };
            if (child is ContainerInline inner)
            {
                AppendText(inner, text);
            }
        }
    }
}
