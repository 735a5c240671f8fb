using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneTherapyExplainers.Content.Loading;

// One explainer: its front matter, its body, and every check that needs only the file and the glossary.
public static partial class ContentLoader
{
    /// <summary>Parses one explainer on its own, linking it against the glossary as it stands.</summary>
    /// <remarks>
    /// A key term whose file exists but has errors (<paramref name="brokenTerms"/>, key to file) is not this file's
    /// mistake: its last good version, if one is online, is listed but not marked in the text, and there is no problem here.
    /// </remarks>
    internal static Candidate LoadExplainer(
        string root, string path, string text, IReadOnlyDictionary<string, GlossaryTerm> terms,
        IReadOnlyDictionary<string, string> brokenTerms, ContentOptions options, SynonymList? synonyms = null)
    {
        var problems = new List<ContentProblem>();
        var file = new FileProblems(path, problems);
        var slug = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var document = Parse(text, path, problems);
        if (document is null)
        {
            return Candidate.Failed(problems);
        }

        // Every check runs, errors or not, so one save shows all of a file's problems. Without readable front matter
        // the body is still checked.
        var read = FrontMatterReader.Read<ExplainerFrontMatter>(document, path, problems);
        var front = read ?? new FrontMatter<ExplainerFrontMatter>(new(), new Dictionary<string, SourceLocation>());
        var fm = front.Value;
        var keyTerms = new List<GlossaryTerm>();
        List<Source> sources = [];
        Video? video = null;
        Infographic? infographic = null;
        if (read is not null)
        {
            CheckFrontMatter(root, path, text, front, terms, brokenTerms, problems, keyTerms, out video, out infographic, out sources);
        }

        var links = CheckLinks(document, path, problems, root);

        // A broken term's last good version is listed but not marked: what is marked, and so what is warned about, must
        // not depend on whether the site had a good version to keep.
        foreach (var term in GlossaryLinker.MarkFirstUses(document, [.. keyTerms.Where(t => !brokenTerms.ContainsKey(t.Key))], synonyms ?? SynonymList.Empty))
        {
            problems.Add(Warning(path, front.At($"keyTerms[{fm.KeyTerms.IndexOf(term.Key)}]"),
                $"The key term '{term.Term}' never appears in the text, so it is not marked for readers."));
        }

        // Readability and the long-sentence warnings come from one pass over the paragraphs' text.
        var paragraphs = document.Descendants<ParagraphBlock>().Select(p => (Block: p, Text: MarkdownRendering.PlainText(p))).Where(p => p.Text.Length > 0).ToList();
        var longSentences = new List<ContentProblem>();
        var readability = Readability.Measure(paragraphs.Select(p => p.Text),
            (block, sentence, count) => WarnAboutLength(path, paragraphs[block].Block, sentence, count, options, longSentences));
        ContentRules.Check(path, read, document, readability, sources.Count, options, problems);
        problems.AddRange(longSentences);
        if (file.HasErrors)
        {
            return Candidate.Failed(problems, links, Dependencies(fm, document));
        }

        var words = TextStatistics.CountWords(MarkdownRendering.PlainText(document));
        var sections = MarkdownRendering.Sections(document);
        var explainer = new Explainer
        {
            Slug = slug,
            SourcePath = path,
            Title = fm.Title!.Trim(),
            Summary = fm.Summary!.Trim(),
            Category = fm.Category!.Trim(),
            Series = string.IsNullOrWhiteSpace(fm.Series) ? null : fm.Series.Trim(),
            Order = fm.Order,
            Published = fm.Published,
            AuthorKey = fm.Author,
            MedicalReviewerKey = fm.Reviewers?.Medical,
            TechnicalReviewerKey = fm.Reviewers?.Technical,
            KeyPoints = [.. fm.KeyPoints.Where(p => !string.IsNullOrWhiteSpace(p))],
            KeyTerms = keyTerms,
            RelatedKeys = fm.Related,
            Video = video,
            Infographic = infographic,
            Sources = sources,
            Draft = fm.Draft,
            Headings = MarkdownRendering.Headings(document),
            Modified = File.GetLastWriteTimeUtc(Path.Combine(root, path)),
            ContentHash = ContentText.Hash(text),
            ChangeNote = string.IsNullOrWhiteSpace(fm.ChangeNote) ? null : fm.ChangeNote.Trim(),
            BodyUtf8 = System.Text.Encoding.UTF8.GetBytes(MarkdownRendering.ToSafeHtml(document)),
            WordCount = words,
            ReadingMinutes = TextStatistics.ReadingMinutes(words),
            Readability = readability,
            Locations = Kept(front.Locations),
        };
        return new Candidate(explainer, problems, links, Dependencies(fm, document), sections);
    }

    private static void CheckFrontMatter(
        string root, string path, string text, FrontMatter<ExplainerFrontMatter> front, IReadOnlyDictionary<string, GlossaryTerm> terms,
        IReadOnlyDictionary<string, string> brokenTerms, List<ContentProblem> problems, List<GlossaryTerm> keyTerms,
        out Video? video, out Infographic? infographic, out List<Source> sources)
    {
        var fm = front.Value;
        Limit(fm.KeyPoints.Count, 12, "keyPoints", "key points", front, path, problems);
        Limit(fm.KeyTerms.Count, 40, "keyTerms", "key terms", front, path, problems);
        Limit(fm.Related.Count, 20, "related", "related items", front, path, problems);
        Limit(fm.Sources.Count, 50, "sources", "sources", front, path, problems);
        Limit(fm.ChangeNote?.Length ?? 0, ChangeNoteLimit, "changeNote", "characters in the change note", front, path, problems);
        Require(fm.Title, "title", front, path, problems);
        Require(fm.Summary, "summary", front, path, problems);
        Require(fm.Category, "category", front, path, problems);
        ListMarkers.Check(path, text, front, "keyPoints", fm.KeyPoints, "key point", commas: false, problems);
        for (var i = 0; i < fm.KeyTerms.Count; i++)
        {
            if (terms.TryGetValue(fm.KeyTerms[i], out var term))
            {
                keyTerms.Add(term);
            }
            else if (!brokenTerms.ContainsKey(fm.KeyTerms[i]))
            {
                problems.Add(Error(path, front.At($"keyTerms[{i}]"),
                    $"The key term '{fm.KeyTerms[i]}' is not in the glossary. Add content/glossary/{fm.KeyTerms[i]}.md or fix the key."));
            }
        }

        video = ReadVideo(fm.Video, front, path, problems);
        infographic = ReadInfographic(root, fm.Infographic, front, path, problems);
        sources = ReadSources(fm.Sources, front, path, problems);
    }

    /// <summary>
    /// The locations checks after parsing still need (top-level keys, people and related items), with shared key strings:
    /// an explainer keeps a handful, not one for every list item of its front matter.
    /// </summary>
    private static Dictionary<string, SourceLocation> Kept(IReadOnlyDictionary<string, SourceLocation> locations) =>
        locations.Where(l => !l.Key.Contains('.', StringComparison.Ordinal) && !l.Key.Contains('[', StringComparison.Ordinal)
                || l.Key.StartsWith("reviewers.", StringComparison.Ordinal) || l.Key.StartsWith("related[", StringComparison.Ordinal))
            .ToDictionary(l => SharedStrings.Of(l.Key), l => l.Value, StringComparer.Ordinal);

    /// <summary>What an explainer needs from other files: its key terms, and the images it shows.</summary>
    private static string[] Dependencies(ExplainerFrontMatter fm, MarkdownDocument document) =>
    [
        .. fm.KeyTerms.Select(k => SharedStrings.Of("term:", k)),
        .. new[] { fm.Infographic?.Image?.Trim() }.OfType<string>().Select(i => SharedStrings.Of("media:", i)),
        .. document.Descendants<LinkInline>().Where(l => l.IsImage && l.Url is not null)
            .Select(l => MediaLink().Match(l.Url!)).Where(m => m.Success).Select(m => SharedStrings.Of("media:", m.Groups[1].ValueSpan)),
    ];

    private static void WarnAboutLength(string path, ParagraphBlock paragraph, string sentence, int count, ContentOptions options, List<ContentProblem> problems)
    {
        if (count > options.LongSentenceWords)
        {
            problems.Add(new ContentProblem(path, paragraph.Line + 1, 1, ProblemSeverity.Warning,
                $"A sentence of {count} words (more than {options.LongSentenceWords}): “{Shorten(sentence)}”. Try splitting it."));
        }
    }

    private static string Shorten(string sentence) => sentence.Length <= 80 ? sentence : sentence[..77] + "...";

    private static Video? ReadVideo<T>(VideoFrontMatter? video, FrontMatter<T> front, string path, List<ContentProblem> problems)
    {
        if (video is null || string.IsNullOrWhiteSpace(video.Url))
        {
            return null;
        }

        if (!UrlSafety.IsWebAddress(video.Url))
        {
            problems.Add(Error(path, front.At("video.url"), "The video address must start with http:// or https://."));
            return null;
        }

        return new Video(video.Url.Trim(), video.Caption?.Trim(), video.Transcript?.Trim());
    }

    private static Infographic? ReadInfographic<T>(
        string root, InfographicFrontMatter? infographic, FrontMatter<T> front, string path, List<ContentProblem> problems)
    {
        if (infographic is null)
        {
            return null;
        }

        var image = infographic.Image?.Trim() ?? string.Empty;
        if (!MediaName().IsMatch(image))
        {
            problems.Add(Error(path, front.At("infographic.image"),
                "The infographic image must be a file name in content/media, such as steps.svg (letters, digits and hyphens)."));
            return null;
        }

        if (!File.Exists(Path.Combine(root, "media", image)))
        {
            problems.Add(Error(path, front.At("infographic.image"), $"The image 'media/{image}' does not exist."));
            return null;
        }

        if (string.IsNullOrWhiteSpace(infographic.Alt))
        {
            problems.Add(Error(path, front.At("infographic"),
                "The infographic has no alt text. Add 'alt:' with a short description of what the image shows."));
            return null;
        }

        return new Infographic(image, infographic.Alt.Trim(), infographic.Description?.Trim());
    }

    private static List<Source> ReadSources<T>(List<SourceFrontMatter> sources, FrontMatter<T> front, string path, List<ContentProblem> problems)
    {
        var result = new List<Source>();
        for (var i = 0; i < sources.Count; i++)
        {
            var s = sources[i];
            if (string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Publisher))
            {
                problems.Add(Error(path, front.At($"sources[{i}]"), "Each source needs a title and a publisher."));
            }
            else if (!UrlSafety.IsWebAddress(s.Url))
            {
                problems.Add(Error(path, front.At($"sources[{i}].url"), "A source address must start with http:// or https://."));
            }
            else
            {
                // The same few sources recur across many explainers: one copy of each string serves them all.
                result.Add(new Source(SharedStrings.Of(s.Title.AsSpan().Trim()), SharedStrings.Of(s.Publisher.AsSpan().Trim()), SharedStrings.Of(s.Url!.AsSpan().Trim())));
            }
        }

        return result;
    }
}
