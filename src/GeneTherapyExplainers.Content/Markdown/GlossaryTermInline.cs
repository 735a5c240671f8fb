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
/// Renders a key term as a button in the sentence that opens its definition over the text (the HTML <c>popover</c>
/// attribute, with <c>popovertarget</c>: no JavaScript), and a link to the glossary inside it. The definition is not in
/// the flow of the sentence, so opening it moves nothing. Each term is marked once per explainer, so its id is unique.
/// </summary>
internal sealed class GlossaryTermRenderer : HtmlObjectRenderer<GlossaryTermInline>
{
    protected override void Write(HtmlRenderer renderer, GlossaryTermInline obj)
    {
        var id = "def-" + obj.Term.Key;
        renderer.Write("<button type=\"button\" class=\"term\" popovertarget=\"").Write(id).Write("\"><dfn>")
            .WriteEscape(obj.Text)
            .Write("</dfn></button><span class=\"term-popover\" id=\"").Write(id).Write("\" popover><strong class=\"term-name\">")
            .WriteEscape(obj.Term.Term)
            .Write("</strong> <span class=\"term-definition\">")
            .WriteEscape(obj.Term.Definition)
            .Write("</span> <a class=\"term-glossary\" href=\"/glossary/")
            .WriteEscapeUrl(obj.Term.Key)
            .Write("\">More about ").WriteEscape(obj.Term.Term).Write(" in the glossary</a> ")
            .Write("<button type=\"button\" class=\"term-close\" popovertarget=\"").Write(id)
            .Write("\" popovertargetaction=\"hide\">Close<span class=\"visually-hidden\"> the definition of ")
            .WriteEscape(obj.Term.Term).Write("</span></button></span>");
    }
}
