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
        if (document is null)
        {
            return Candidate.Failed(problems);
        }

        // As for explainers, the body is checked even when the front matter cannot be read.
        var front = FrontMatterReader.Read<GlossaryFrontMatter>(document, path, problems);
        if (front is null)
        {
            return Candidate.Failed(problems, CheckLinks(document, path, problems));
        }

        var fm = front.Value;
        Require(fm.Term, "term", front, path, problems);
        Require(fm.Definition, "definition", front, path, problems);
        ListMarkers.Check(path, text, front, "aliases", fm.Aliases, "alias", commas: true, problems);
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
