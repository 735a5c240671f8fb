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
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Loads the folder. Where a file has errors and <paramref name="previous"/> holds a good version of it, that
    /// version stays published; a new file with errors stays unpublished.
    /// </summary>
    public static ContentCatalog Load(string contentRoot, ContentOptions? options = null, ContentCatalog? previous = null)
    {
        options ??= new ContentOptions();
        var problems = new List<ContentProblem>();
        var files = new List<string>();
        var termCandidates = new List<Candidate<GlossaryTerm>>();
        foreach (var (path, text) in ReadFiles(contentRoot, "glossary", options, problems, files))
        {
            termCandidates.Add(LoadTerm(path, text, problems));
        }

        RejectDuplicateTerms(termCandidates, problems);
        var glossary = Settle(termCandidates, previous?.Glossary, t => t.Key, problems);
        var terms = glossary.ToDictionary(t => t.Key, StringComparer.Ordinal);

        var candidates = new List<Candidate<Explainer>>();
        foreach (var (path, text) in ReadFiles(contentRoot, "explainers", options, problems, files))
        {
            candidates.Add(LoadExplainer(contentRoot, path, text, terms, options, problems));
        }

        RejectOrderClashes(candidates, problems);
        var published = candidates.Where(c => c.Item is { Draft: false }).Select(c => c.Item!.Slug)
            .Concat(previous?.Published.Select(e => e.Slug) ?? [])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in candidates.Concat<ICandidate>(termCandidates))
        {
            CheckInternalLinks(candidate, published, terms.Keys.ToHashSet(StringComparer.Ordinal), problems);
        }

        var explainers = Settle(candidates, previous?.All, e => e.Slug, problems);
        return new ContentCatalog(explainers, glossary, problems, files);
    }

    /// <summary>Good files as loaded; for each file with errors, its last good version if there is one.</summary>
    private static List<T> Settle<T>(List<Candidate<T>> candidates, IEnumerable<T>? previous, Func<T, string> key, List<ContentProblem> problems)
        where T : class
    {
        var result = new List<T>();
        var lastGood = previous?.ToDictionary(key, StringComparer.Ordinal) ?? [];
        foreach (var c in candidates)
        {
            if (c.Item is not null && !c.Failed)
            {
                result.Add(c.Item);
            }
            else if (lastGood.TryGetValue(c.Key, out var good))
            {
                result.Add(good);
                problems.Add(new ContentProblem(c.Path, 1, 1, ProblemSeverity.Warning,
                    "Because of the errors above, the last good version of this file stays online until they are fixed."));
            }
        }

        return result;
    }

    private static IEnumerable<(string Path, string Text)> ReadFiles(
        string root, string folder, ContentOptions options, List<ContentProblem> problems, List<string> files)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var path = $"{folder}/{Path.GetFileName(file)}";
            files.Add(path);
            var name = Path.GetFileNameWithoutExtension(file);
            if (!FileName().IsMatch(name))
            {
                problems.Add(Error(path, 1, 1,
                    $"The file name '{name}' cannot be a web address. Use letters, digits and single hyphens, such as gene-therapy.md."));
                continue;
            }

            // The slug is the file name in lower case, so Gene.md and gene.md would claim the same address.
            var slug = name.ToLowerInvariant();
            if (seen.TryGetValue(slug, out var other))
            {
                problems.Add(Error(path, 1, 1, $"The address '{slug}' is already used by {other}. Rename one of the files."));
                continue;
            }

            seen[slug] = path;
            var text = ReadText(file, path, options, problems);
            if (text is not null)
            {
                yield return (path, text);
            }
        }
    }

    private static string? ReadText(string file, string path, ContentOptions options, List<ContentProblem> problems)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > options.MaxFileBytes)
            {
                problems.Add(Error(path, 1, 1, $"The file is {info.Length / 1024:N0} KB; the limit is {options.MaxFileBytes / 1024:N0} KB. Split it, or move large data out of it."));
                return null;
            }

            var text = StrictUtf8.GetString(File.ReadAllBytes(file)).TrimStart('\uFEFF');
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

    private static Candidate<GlossaryTerm> LoadTerm(string path, string text, List<ContentProblem> problems)
    {
        var file = new FileProblems(path, problems);
        var key = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var document = Parse(text, path, problems);
        var front = document is null ? null : FrontMatterReader.Read<GlossaryFrontMatter>(document, path, problems);
        if (document is null || front is null)
        {
            return new Candidate<GlossaryTerm>(path, key, null, [], true);
        }

        var fm = front.Value;
        Require(fm.Term, "term", front, path, problems);
        Require(fm.Definition, "definition", front, path, problems);
        var links = CheckLinks(document, path, problems);
        if (file.HasErrors)
        {
            return new Candidate<GlossaryTerm>(path, key, null, links, true);
        }

        var term = new GlossaryTerm(key, fm.Term!.Trim(),
            [.. fm.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())], fm.Definition!.Trim(),
            MarkdownRendering.ToSafeHtml(document), path)
        {
            Locations = front.Locations,
            ExplanationText = MarkdownRendering.PlainText(document),
        };
        return new Candidate<GlossaryTerm>(path, key, term, links, false);
    }

    private static Candidate<Explainer> LoadExplainer(
        string root, string path, string text, Dictionary<string, GlossaryTerm> terms, ContentOptions options, List<ContentProblem> problems)
    {
        var file = new FileProblems(path, problems);
        var slug = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var document = Parse(text, path, problems);
        var front = document is null ? null : FrontMatterReader.Read<ExplainerFrontMatter>(document, path, problems);
        if (document is null || front is null)
        {
            return new Candidate<Explainer>(path, slug, null, [], true);
        }

        var fm = front.Value;
        Limit(fm.KeyPoints.Count, 12, "keyPoints", "key points", front, path, problems);
        Limit(fm.KeyTerms.Count, 40, "keyTerms", "key terms", front, path, problems);
        Limit(fm.Related.Count, 20, "related", "related items", front, path, problems);
        Limit(fm.Sources.Count, 50, "sources", "sources", front, path, problems);
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
            return new Candidate<Explainer>(path, slug, null, links, true);
        }

        foreach (var term in GlossaryLinker.MarkFirstUses(document, keyTerms))
        {
            problems.Add(Warning(path, front.At($"keyTerms[{fm.KeyTerms.IndexOf(term.Key)}]"),
                $"The key term '{term.Term}' never appears in the text, so it is not marked for readers."));
        }

        var readability = Readability.Measure(MarkdownRendering.ProseBlocks(document));
        ContentRules.Check(path, front, document, readability, sources.Count, options, problems);
        WarnAboutReadability(path, document, readability, options, problems);
        var words = TextStatistics.CountWords(MarkdownRendering.PlainText(document));
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
            Sections = MarkdownRendering.Sections(document),
            Modified = File.GetLastWriteTimeUtc(Path.Combine(root, path)),
            BodyHtml = MarkdownRendering.ToSafeHtml(document),
            WordCount = words,
            ReadingMinutes = TextStatistics.ReadingMinutes(words),
            Readability = readability,
            Locations = front.Locations,
        };
        return new Candidate<Explainer>(path, slug, explainer, links, false);
    }

    private static void WarnAboutReadability(string path, MarkdownDocument document, ReadabilityReport report, ContentOptions options, List<ContentProblem> problems)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            foreach (var sentence in Readability.SplitSentences(MarkdownRendering.PlainText(paragraph)))
            {
                var count = TextStatistics.CountWords(sentence);
                if (count > options.LongSentenceWords)
                {
                    problems.Add(new ContentProblem(path, paragraph.Line + 1, 1, ProblemSeverity.Warning,
                        $"A sentence of {count} words (more than {options.LongSentenceWords}): “{Shorten(sentence)}”. Try splitting it."));
                }
            }
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
                result.Add(new Source(s.Title.Trim(), s.Publisher.Trim(), s.Url!.Trim()));
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

    private static void CheckInternalLinks(ICandidate candidate, HashSet<string> explainers, HashSet<string> terms, List<ContentProblem> problems)
    {
        if (candidate.Failed)
        {
            return;
        }

        foreach (var link in candidate.Links)
        {
            var known = link.Kind == "explainers" ? explainers.Contains(link.Key) : terms.Contains(link.Key);
            if (!known)
            {
                problems.Add(Error(candidate.Path, link.Line, link.Column, link.Kind == "explainers"
                    ? $"The link {link.Url} points to no published explainer. Check the address against the file names in content/explainers."
                    : $"The link {link.Url} points to no glossary term. Check the address against the file names in content/glossary."));
                candidate.Failed = true;
            }
        }
    }

    private static void RejectDuplicateTerms(List<Candidate<GlossaryTerm>> candidates, List<ContentProblem> problems)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in candidates.Where(c => c.Item is not null))
        {
            foreach (var phrase in c.Item!.Phrases)
            {
                if (owners.TryGetValue(phrase, out var owner) && owner != c.Path)
                {
                    var at = c.Item.Locations.GetValueOrDefault(phrase == c.Item.Term ? "term" : "aliases", new SourceLocation(1, 1));
                    problems.Add(Error(c.Path, at, $"'{phrase}' is already a term or alias in {owner}. Each word can belong to one term only."));
                    c.Failed = true;
                }
                else
                {
                    owners[phrase] = c.Path;
                }
            }
        }
    }

    private static void RejectOrderClashes(List<Candidate<Explainer>> candidates, List<ContentProblem> problems)
    {
        var clashes = candidates.Where(c => c is { Failed: false, Item.Series: not null })
            .GroupBy(c => (c.Item!.Series, c.Item.Order))
            .Where(g => g.Count() > 1);
        foreach (var clash in clashes)
        {
            var first = clash.OrderBy(c => c.Path, StringComparer.Ordinal).First();
            foreach (var other in clash.Where(c => c != first))
            {
                problems.Add(Error(other.Path, other.Item!.Locations.GetValueOrDefault("order", new SourceLocation(1, 1)),
                    $"Order {other.Item.Order} in series '{other.Item.Series}' is already taken by {first.Path}."));
                other.Failed = true;
            }
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

    private sealed record InternalLink(string Kind, string Key, string Url, int Line, int Column);

    private interface ICandidate
    {
        string Path { get; }

        IReadOnlyList<InternalLink> Links { get; }

        bool Failed { get; set; }
    }

    /// <summary>One file's result: the item when it loaded, and whether any error (even a later one) rules it out.</summary>
    private sealed class Candidate<T>(string path, string key, T? item, IReadOnlyList<InternalLink> links, bool failed) : ICandidate
        where T : class
    {
        public string Path { get; } = path;

        public string Key { get; } = key;

        public T? Item { get; } = item;

        public IReadOnlyList<InternalLink> Links { get; } = links;

        public bool Failed { get; set; } = failed;
    }

    /// <summary>Tells whether problems were added for one file since this was made.</summary>
    private sealed class FileProblems(string path, List<ContentProblem> problems)
    {
        private readonly int start = problems.Count;

        public bool HasErrors => problems.Skip(start).Any(p => p.Path == path && p.Severity == ProblemSeverity.Error);
    }
}
