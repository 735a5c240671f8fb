using GeneTherapyExplainers.Content.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>The first use of a key term in an explainer's body, as it was written.</summary>
internal sealed class GlossaryTermInline(GlossaryTerm term, string text) : LeafInline
{
    public GlossaryTerm Term { get; } = term;

    public string Text { get; } = text;
}

/// <summary>
/// Renders a key term as a link to its glossary entry with the definition as its accessible description.
/// The definition is in the page itself, so CSS can show it on focus or hover: no JavaScript is needed.
/// </summary>
internal sealed class GlossaryTermRenderer : HtmlObjectRenderer<GlossaryTermInline>
{
    protected override void Write(HtmlRenderer renderer, GlossaryTermInline obj)
    {
        var id = "def-" + obj.Term.Key;
        renderer.Write("<span class=\"term\"><a class=\"term-link\" href=\"/glossary/")
            .WriteEscapeUrl(obj.Term.Key)
            .Write("\" aria-describedby=\"").Write(id).Write("\"><dfn>")
            .WriteEscape(obj.Text)
            .Write("</dfn></a><span class=\"term-def\" id=\"").Write(id).Write("\"> (")
            .WriteEscape(obj.Term.Definition.TrimEnd('.'))
            .Write(")</span></span>");
    }
}
