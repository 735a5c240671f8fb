using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using Markdig.Syntax;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// The editorial rules every explainer is held to, with the line to fix: a published explainer lists at least
/// <see cref="ContentOptions.MinimumSources"/> sources (an error: it is not published until it does); the body and the
/// summary each read at or below the grade target (<see cref="ContentOptions.ReadabilityTargetGrade"/>); and there is at
/// least one key term. The last two are warnings, which never stop a page from being published.
/// </summary>
internal static class ContentRules
{
    // front: The front matter, or null when it could not be read: then only the body is checked.
    public static void Check(
        string path, FrontMatter<ExplainerFrontMatter>? front, MarkdownDocument document, ReadabilityReport body, int sources,
        ContentOptions options, List<ContentProblem> problems)
    {
        var target = options.ReadabilityTargetGrade;
        if (body.Words > 0 && body.FleschKincaidGrade > target)
        {
            var hardest = body.LongestSentences.Count > 0 ? $" The longest sentence: “{Shorten(body.LongestSentences[0])}”." : "";
            problems.Add(Warning(path, BodyStart(document),
                $"The reading grade of the text is {body.FleschKincaidGrade:0.0}, above the target of {target:0.#}. Shorter sentences and shorter words help.{hardest}"));
        }

        if (front is null)
        {
            return;
        }

        var summary = Readability.Measure([front.Value.Summary ?? ""]);
        if (summary.Words > 0 && summary.FleschKincaidGrade > target)
        {
            problems.Add(Warning(path, front.At("summary"),
                $"The reading grade of the summary is {summary.FleschKincaidGrade:0.0}, above the target of {target:0.#}. Use fewer, shorter words, or two short sentences."));
        }

        if (!front.Value.Draft && sources < options.MinimumSources)
        {
            var at = front.At("sources");
            problems.Add(new ContentProblem(path, at.Line, at.Column, ProblemSeverity.Error,
                $"{path} lists {sources} source{(sources == 1 ? "" : "s")}; a published explainer needs at least {options.MinimumSources}. "
                + "It stays unpublished (a draft) until it has them: add them under 'sources:', or set 'draft: true' while you work on it."));
        }
        else if (sources == 0)
        {
            problems.Add(Warning(path, front.At("sources"), "The explainer lists no sources. Readers and reviewers need them."));
        }

        if (front.Value.KeyTerms.Count == 0)
        {
            problems.Add(Warning(path, front.At("keyTerms"),
                "The explainer lists no key terms. Add 'keyTerms:' with the glossary keys of the hard words it uses."));
        }
    }

    /// <summary>The first line of the body, after the front matter (Markdig lines are 0-based).</summary>
    private static SourceLocation BodyStart(MarkdownDocument document)
    {
        var first = document.FirstOrDefault(b => b is not Markdig.Extensions.Yaml.YamlFrontMatterBlock);
        return new SourceLocation((first?.Line ?? 0) + 1, 1);
    }

    private static string Shorten(string sentence) => sentence.Length <= 80 ? sentence : sentence[..77] + "...";

    private static ContentProblem Warning(string path, SourceLocation at, string message) =>
        new(path, at.Line, at.Column, ProblemSeverity.Warning, message);
}
