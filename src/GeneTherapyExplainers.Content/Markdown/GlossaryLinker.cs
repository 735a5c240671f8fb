using System.Text.RegularExpressions;
using GeneTherapyExplainers.Content.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>
/// Marks the first use of each key term (or one of its aliases) in a parsed body, never inside a heading,
/// a link or code. Returns the terms that were never found, so the editor can be told.
/// </summary>
internal static class GlossaryLinker
{
    /// <summary>One pattern a term, made once and shared by every explainer that uses the term.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GlossaryTerm, Regex> Patterns = new();

    public static IReadOnlyList<GlossaryTerm> MarkFirstUses(MarkdownDocument document, IReadOnlyList<GlossaryTerm> terms)
    {
        var pending = terms.ToList();
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (pending.Count == 0)
            {
                break;
            }

            if (paragraph.Inline is not null)
            {
                MarkIn(paragraph.Inline, pending);
            }
        }

        return pending;
    }

    private static void MarkIn(ContainerInline container, List<GlossaryTerm> pending)
    {
        var child = container.FirstChild;
        while (child is not null && pending.Count > 0)
        {
            var next = child.NextSibling;
            switch (child)
            {
                case LinkInline:
                case CodeInline:
                case AutolinkInline:
                    break;
                case ContainerInline inner:
                    MarkIn(inner, pending);
                    break;
                case LiteralInline literal:
                    next = MarkLiteral(literal, pending) ?? next;
                    break;
            }

            child = next;
        }
    }

    /// <summary>Splits the literal around the earliest term match; returns the inline to continue from.</summary>
    private static LiteralInline? MarkLiteral(LiteralInline literal, List<GlossaryTerm> pending)
    {
        var text = literal.Content.ToString();
        (GlossaryTerm Term, Match Match)? best = null;
        foreach (var term in pending)
        {
            var match = Patterns.GetValue(term, Pattern).Match(text);
            if (match.Success && (best is not { } current || match.Index < current.Match.Index
                || (match.Index == current.Match.Index && match.Length > current.Match.Length)))
            {
                best = (term, match);
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        pending.Remove(found.Term);
        var before = text[..found.Match.Index];
        var after = text[(found.Match.Index + found.Match.Length)..];
        var marked = new GlossaryTermInline(found.Term, found.Match.Value) { Line = literal.Line, Column = literal.Column };
        literal.InsertAfter(marked);
        var rest = new LiteralInline(after) { Line = literal.Line, Column = literal.Column };
        marked.InsertAfter(rest);
        if (before.Length == 0)
        {
            literal.Remove();
        }
        else
        {
            literal.Content = new Markdig.Helpers.StringSlice(before);
        }

        // Other terms may appear later in the same text.
        return rest;
    }

    /// <summary>
    /// Any of the term's phrases as a whole word, longest first so the longest wins where several start together. Escaped
    /// literals with fixed lookarounds match in linear time, so no timeout is needed (and a busy machine cannot trip one).
    /// </summary>
    private static Regex Pattern(GlossaryTerm term) =>
        new($@"(?<![\p{{L}}\p{{N}}-])(?:{string.Join('|', term.Phrases.OrderByDescending(p => p.Length).Select(Regex.Escape))})(?![\p{{L}}\p{{N}}-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
}
