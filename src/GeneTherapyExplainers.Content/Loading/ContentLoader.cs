using System.Text;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Reads a content folder (<c>explainers/</c>, <c>glossary/</c>, <c>media/</c>) into an immutable
/// <see cref="ContentCatalog"/>. A file with an error is left out and reported; every other file still loads.
/// </summary>
public static partial class ContentLoader
{
    /// <summary>The longest change note the front matter may carry.</summary>
    public const int ChangeNoteLimit = 500;

    /// <summary>
    /// Loads the folder. Where a file has errors and <paramref name="previous"/> holds a good version of it, that
    /// version stays published; a new file with errors stays unpublished.
    /// </summary>
    public static ContentCatalog Load(string contentRoot, ContentOptions? options = null, ContentCatalog? previous = null) =>
        new CatalogBuilder(contentRoot, options).Build(previous).Catalog;

    /// <summary>A problem when the file name cannot be a web address, else null.</summary>
    internal static ContentProblem? CheckName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return FileName().IsMatch(name) ? null : Error(path, 1, 1,
            $"The file name '{name}' cannot be a web address. Use letters, digits and single hyphens, such as gene-therapy.md.");
    }

    internal static string? ReadText(string file, string path, ContentOptions options, List<ContentProblem> problems)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > options.MaxFileBytes)
            {
                problems.Add(Error(path, 1, 1, $"The file is {info.Length / 1024:N0} KB; the limit is {options.MaxFileBytes / 1024:N0} KB. Split it, or move large data out of it."));
                return null;
            }

            var text = ContentText.Read(file);
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(Error(path, 1, 1, "The file is empty."));
                return null;
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add(Error(path, 1, 1, "The file holds binary data, not text."));
                return null;
            }

            if (InputGuard.CheckText(text) is { } unsafeText)
            {
                problems.Add(Error(path, unsafeText.Line, 1, unsafeText.Message));
                return null;
            }

            return text;
        }
        catch (DecoderFallbackException)
        {
            problems.Add(Error(path, 1, 1, "The file is not saved as UTF-8 text. Save it again with UTF-8 encoding."));
        }
        catch (IOException ex)
        {
            problems.Add(Error(path, 1, 1, "The file could not be read: " + ex.Message));
        }

        return null;
    }

    private static MarkdownDocument? Parse(string text, string path, List<ContentProblem> problems)
    {
        try
        {
            return MarkdownRendering.Parse(text);
        }
        catch (ArgumentException ex)
        {
            // Markdig's own depth limit: reported like any other mistake, never a crash.
            problems.Add(Error(path, 1, 1, "The Markdown could not be read: " + ex.Message));
            return null;
        }
    }

    /// <summary>Parses one glossary file on its own.</summary>
    internal static Candidate LoadTerm(string path, string text)
    {
        var problems = new List<ContentProblem>();
        var file = new FileProblems(path, problems);
        var key = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var document = Parse(text, path, problems);
        var front = document is null ? null : FrontMatterReader.Read<GlossaryFrontMatter>(document, path, problems);
        if (document is null || front is null)
        {
            return Candidate.Failed(problems);
        }

        var fm = front.Value;
        Require(fm.Term, "term", front, path, problems);
        Require(fm.Definition, "definition", front, path, problems);
        var links = CheckLinks(document, path, problems);
        if (file.HasErrors)
        {
            return Candidate.Failed(problems, links);
        }

        var term = new GlossaryTerm(key, fm.Term!.Trim(),
            [.. fm.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())], fm.Definition!.Trim(),
            MarkdownRendering.ToSafeHtml(document), path)
        {
            Locations = front.Locations,
            ExplanationText = MarkdownRendering.PlainText(document),
        };
        return new Candidate(term, problems, links, [], null);
    }

    /// <summary>Parses one explainer on its own, linking it against the glossary as it stands.</summary>
    internal static Candidate LoadExplainer(
        string root, string path, string text, IReadOnlyDictionary<string, GlossaryTerm> terms, ContentOptions options, SynonymList? synonyms = null)
    {
        var problems = new List<ContentProblem>();
        var file = new FileProblems(path, problems);
        var slug = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var document = Parse(text, path, problems);
        var front = document is null ? null : FrontMatterReader.Read<ExplainerFrontMatter>(document, path, problems);
        if (document is null || front is null)
        {
            return Candidate.Failed(problems);
        }

        var fm = front.Value;
        Limit(fm.KeyPoints.Count, 12, "keyPoints", "key points", front, path, problems);
        Limit(fm.KeyTerms.Count, 40, "keyTerms", "key terms", front, path, problems);
        Limit(fm.Related.Count, 20, "related", "related items", front, path, problems);
        Limit(fm.Sources.Count, 50, "sources", "sources", front, path, problems);
        Limit(fm.ChangeNote?.Length ?? 0, ChangeNoteLimit, "changeNote", "characters in the change note", front, path, problems);
        Require(fm.Title, "title", front, path, problems);
        Require(fm.Summary, "summary", front, path, problems);
        Require(fm.Category, "category", front, path, problems);

        var keyTerms = new List<GlossaryTerm>();
        for (var i = 0; i < fm.KeyTerms.Count; i++)
        {
            if (terms.TryGetValue(fm.KeyTerms[i], out var term))
            {
                keyTerms.Add(term);
            }
            else
            {
                problems.Add(Error(path, front.At($"keyTerms[{i}]"),
                    $"The key term '{fm.KeyTerms[i]}' is not in the glossary. Add content/glossary/{fm.KeyTerms[i]}.md or fix the key."));
            }
        }

        var video = ReadVideo(fm.Video, front, path, problems);
        var infographic = ReadInfographic(root, fm.Infographic, front, path, problems);
        var sources = ReadSources(fm.Sources, front, path, problems);
        var links = CheckLinks(document, path, problems, root);
        if (file.HasErrors)
        {
            return Candidate.Failed(problems, links, Dependencies(fm, document));
        }

        foreach (var term in GlossaryLinker.MarkFirstUses(document, keyTerms, synonyms ?? SynonymList.Empty))
        {
            problems.Add(Warning(path, front.At($"keyTerms[{fm.KeyTerms.IndexOf(term.Key)}]"),
                $"The key term '{term.Term}' never appears in the text, so it is not marked for readers."));
        }

        // Readability and the long-sentence warnings come from one pass over the paragraphs' text.
        var paragraphs = document.Descendants<ParagraphBlock>().Select(p => (Block: p, Text: MarkdownRendering.PlainText(p))).Where(p => p.Text.Length > 0).ToList();
        var longSentences = new List<ContentProblem>();
        var readability = Readability.Measure(paragraphs.Select(p => p.Text),
            (block, sentence, count) => WarnAboutLength(path, paragraphs[block].Block, sentence, count, options, longSentences));
        ContentRules.Check(path, front, document, readability, sources.Count, options, problems);
        problems.AddRange(longSentences);
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

    /// <summary>
    /// The locations checks after parsing still need (top-level keys, people and related items), with shared key strings:
    /// an explainer keeps a handful, not one for every list item of its front matter.
    /// </summary>
    private static Dictionary<string, SourceLocation> Kept(IReadOnlyDictionary<string, SourceLocation> locations) =>
        locations.Where(l => !l.Key.Contains('.', StringComparison.Ordinal) && !l.Key.Contains('[', StringComparison.Ordinal)
                || l.Key.StartsWith("reviewers.", StringComparison.Ordinal) || l.Key.StartsWith("related[", StringComparison.Ordinal))
            .ToDictionary(l => string.Intern(l.Key), l => l.Value, StringComparer.Ordinal);

    /// <summary>What an explainer needs from other files: its key terms, and the images it shows.</summary>
    private static string[] Dependencies(ExplainerFrontMatter fm, MarkdownDocument document) =>
    [
        .. fm.KeyTerms.Select(k => string.Intern("term:" + k)),
        .. new[] { fm.Infographic?.Image?.Trim() }.OfType<string>().Select(i => string.Intern("media:" + i)),
        .. document.Descendants<LinkInline>().Where(l => l.IsImage && l.Url is not null)
            .Select(l => MediaLink().Match(l.Url!)).Where(m => m.Success).Select(m => string.Intern("media:" + m.Groups[1].Value)),
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
                result.Add(new Source(string.Intern(s.Title.Trim()), string.Intern(s.Publisher.Trim()), string.Intern(s.Url!.Trim())));
            }
        }

        return result;
    }

    /// <summary>
    /// Unsafe link schemes and broken images are errors the editor must fix (the renderer has already blocked the
    /// links). Returns the links to other explainers and glossary terms, checked once everything is loaded.
    /// </summary>
    private static List<InternalLink> CheckLinks(MarkdownDocument document, string path, List<ContentProblem> problems, string? root = null)
    {
        var internalLinks = new List<InternalLink>();
        foreach (var inline in document.Descendants().OfType<Inline>())
        {
            var (url, isImage) = inline switch
            {
                LinkInline link => (link.Url, link.IsImage),
                AutolinkInline auto => (auto.Url, false),
                _ => (null, false),
            };
            if (url is null)
            {
                continue;
            }

            var (line, column) = (inline.Line + 1, inline.Column + 1);
            if (!UrlSafety.IsSafe(url))
            {
                problems.Add(Error(path, line, column, "This link is not allowed: only http, https, mailto and relative addresses are published."));
            }
            else if (isImage)
            {
                CheckImage((LinkInline)inline, url, path, root, problems);
            }
            else if (InternalTarget().Match(url) is { Success: true } match)
            {
                internalLinks.Add(new InternalLink(match.Groups[1].Value, match.Groups[2].Value.ToLowerInvariant(), url, line, column));
            }
        }

        return internalLinks;
    }

    private static void CheckImage(LinkInline image, string url, string path, string? root, List<ContentProblem> problems)
    {
        var (line, column) = (image.Line + 1, image.Column + 1);
        if (image.FirstChild is null || string.IsNullOrWhiteSpace(MarkdownRendering.PlainText(image)))
        {
            problems.Add(Error(path, line, column, "This image has no alt text. Write what it shows between the brackets: ![what it shows](/media/name.svg)."));
        }

        var media = MediaLink().Match(url);
        if (!media.Success)
        {
            problems.Add(Error(path, line, column, "Images must be files in content/media, linked as /media/name.svg: images from other sites are not shown."));
        }
        else if (root is not null && !File.Exists(Path.Combine(root, "media", media.Groups[1].Value)))
        {
            problems.Add(Error(path, line, column, $"The image 'media/{media.Groups[1].Value}' does not exist."));
        }
    }

    private static void Limit<T>(int count, int limit, string key, string what, FrontMatter<T> front, string path, List<ContentProblem> problems)
    {
        if (count > limit)
        {
            problems.Add(Error(path, front.At(key), $"There are {count} {what}; an explainer can have at most {limit}."));
        }
    }

    private static bool Require<T>(string? value, string key, FrontMatter<T> front, string path, List<ContentProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        problems.Add(Error(path, front.Locations.ContainsKey(key) ? front.At(key) : new SourceLocation(1, 1), $"The '{key}' field is missing or empty."));
        return false;
    }

    private static ContentProblem Error(string path, SourceLocation at, string message) => Error(path, at.Line, at.Column, message);

    private static ContentProblem Error(string path, int line, int column, string message) =>
        new(path, line, column, ProblemSeverity.Error, message);

    private static ContentProblem Warning(string path, SourceLocation at, string message) =>
        new(path, at.Line, at.Column, ProblemSeverity.Warning, message);

    [GeneratedRegex("^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:svg|png|jpg|jpeg|webp)$")]
    private static partial Regex MediaName();

    [GeneratedRegex(@"^/media/([a-z0-9]+(?:-[a-z0-9]+)*\.(?:svg|png|jpg|jpeg|webp))$")]
    private static partial Regex MediaLink();

    [GeneratedRegex(@"^/(explainers|glossary)/([^/?#]+)/?(?:[?#].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex InternalTarget();

    /// <summary>Tells whether problems were added for one file since this was made.</summary>
    private sealed class FileProblems(string path, List<ContentProblem> problems)
    {
        private readonly int start = problems.Count;

        public bool HasErrors => problems.Skip(start).Any(p => p.Path == path && p.Severity == ProblemSeverity.Error);
    }
}
