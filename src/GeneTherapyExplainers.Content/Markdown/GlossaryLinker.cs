using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Content.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>
/// Marks the first use of each key term (or one of its aliases, in any spelling the synonym list gives) in a parsed
/// body, never inside a heading, a link or code. Emphasis around nothing but the term is dropped, so every key term
/// looks the same. Returns the terms that were never found, so the editor can be told.
/// </summary>
internal static class GlossaryLinker
{
    /// <summary>One pattern a term and synonym list, made once and shared by every explainer that uses the term.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GlossaryTerm, TermPattern> Patterns = new();

    public static IReadOnlyList<GlossaryTerm> MarkFirstUses(MarkdownDocument document, IReadOnlyList<GlossaryTerm> terms, SynonymList synonyms)
    {
        var pending = terms.Select(t => (Term: t, Pattern: PatternFor(t, synonyms))).ToList();
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

        return [.. pending.Select(p => p.Term)];
    }

    private static TermPattern PatternFor(GlossaryTerm term, SynonymList synonyms)
    {
        if (Patterns.TryGetValue(term, out var made) && ReferenceEquals(made.Synonyms, synonyms))
        {
            return made;
        }

        var spellings = term.Phrases.SelectMany(synonyms.SpellingsOfPhrase).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var pattern = new TermPattern(synonyms, Pattern(spellings),
            spellings.Length > 0 && spellings.All(s => Ascii.IsValid(s)) ? SearchValues.Create(spellings, StringComparison.OrdinalIgnoreCase) : null);
        Patterns.AddOrUpdate(term, pattern);
        return pattern;
    }

    private static void MarkIn(ContainerInline container, List<(GlossaryTerm Term, TermPattern Pattern)> pending)
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
    private static LiteralInline? MarkLiteral(LiteralInline literal, List<(GlossaryTerm Term, TermPattern Pattern)> pending)
    {
        var text = literal.Content.ToString();
        (int Index, Match Match)? best = null;
        // Most text holds none of a term's spellings: a vectorised search says so far sooner than the pattern. For ASCII
        // text and spellings, ignoring case the ordinal way is what the pattern does, so no use is skipped.
        var ascii = Ascii.IsValid(text);
        for (var i = 0; i < pending.Count; i++)
        {
            var entry = pending[i];
            if (ascii && entry.Pattern.Spellings is { } spellings && !text.AsSpan().ContainsAny(spellings))
            {
                continue;
            }

            var match = entry.Pattern.Regex.Match(text);
            if (match.Success && (best is not { } current || match.Index < current.Match.Index
                || (match.Index == current.Match.Index && match.Length > current.Match.Length)))
            {
                best = (i, match);
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        // By position: comparing entries would compare whole terms, field by field.
        var term = pending[found.Index].Term;
        pending.RemoveAt(found.Index);
        var before = text[..found.Match.Index];
        var after = text[(found.Match.Index + found.Match.Length)..];
        var marked = new GlossaryTermInline(term, found.Match.Value) { Line = literal.Line, Column = literal.Column };
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

        if (after.Length == 0)
        {
            // Nothing follows in this text: go on from what followed it (also after the emphasis is unwrapped).
            rest.Remove();
            UnwrapEmphasis(marked);
            return null;
        }

        // Other terms may appear later in the same text.
        return rest;
    }

    /// <summary>"**vector**" around nothing but the term: the term's own marking is enough, so the emphasis goes.</summary>
    private static void UnwrapEmphasis(GlossaryTermInline marked)
    {
        if (marked.Parent is EmphasisInline emphasis && emphasis.FirstChild == marked && emphasis.LastChild == marked)
        {
            marked.Remove();
            emphasis.InsertBefore(marked);
            emphasis.Remove();
        }
    }

    /// <summary>
    /// Any of the term's phrases as a whole word, longest first so the longest wins where several start together. Escaped
    /// literals with fixed lookarounds match in linear time, so no timeout is needed (and a busy machine cannot trip one).
    /// </summary>
    private static Regex Pattern(IEnumerable<string> spellings) =>
        new($@"(?<![\p{{L}}\p{{N}}-])(?:{string.Join('|', spellings.OrderByDescending(p => p.Length).Select(Regex.Escape))})(?![\p{{L}}\p{{N}}-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);

    /// <summary>A term's pattern for one synonym list, with its spellings for a quick first look (null when not all ASCII).</summary>
    private sealed record TermPattern(SynonymList Synonyms, Regex Regex, SearchValues<string>? Spellings);
}
