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

    public static ContentCatalog Load(string contentRoot)
    {
        var problems = new List<ContentProblem>();
        var glossary = new List<GlossaryTerm>();
        foreach (var (path, text) in ReadFiles(contentRoot, "glossary", problems))
        {
            var term = LoadTerm(path, text, problems);
            if (term is not null)
            {
                glossary.Add(term);
            }
        }

        var terms = glossary.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var explainers = new List<Explainer>();
        foreach (var (path, text) in ReadFiles(contentRoot, "explainers", problems))
        {
            var explainer = LoadExplainer(contentRoot, path, text, terms, problems);
            if (explainer is not null)
            {
                explainers.Add(explainer);
            }
        }

        RejectOrderClashes(explainers, problems);
        return new ContentCatalog(explainers, glossary, problems);
    }

    private static IEnumerable<(string Path, string Text)> ReadFiles(string root, string folder, List<ContentProblem> problems)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var path = $"{folder}/{Path.GetFileName(file)}";
            string? text = null;
            try
            {
                text = StrictUtf8.GetString(File.ReadAllBytes(file));
            }
            catch (DecoderFallbackException)
            {
                problems.Add(Error(path, 1, 1, "The file is not saved as UTF-8 text. Save it again with UTF-8 encoding."));
            }
            catch (IOException ex)
            {
                problems.Add(Error(path, 1, 1, "The file could not be read: " + ex.Message));
            }

            if (text is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(Error(path, 1, 1, "The file is empty."));
                continue;
            }

            var key = Path.GetFileNameWithoutExtension(file);
            if (!Slug().IsMatch(key))
            {
                problems.Add(Error(path, 1, 1,
                    $"The file name '{key}' cannot be a web address. Use lower-case letters, digits and single hyphens, such as gene-therapy.md."));
                continue;
            }

            yield return (path, text.TrimStart('\uFEFF'));
        }
    }

    private static GlossaryTerm? LoadTerm(string path, string text, List<ContentProblem> problems)
    {
        var document = MarkdownRendering.Parse(text);
        var front = FrontMatterReader.Read<GlossaryFrontMatter>(document, path, problems);
        if (front is null)
        {
            return null;
        }

        var fm = front.Value;
        var ok = Require(fm.Term, "term", front, path, problems) & Require(fm.Definition, "definition", front, path, problems);
        if (!ok)
        {
            return null;
        }

        var html = MarkdownRendering.ToSafeHtml(document);
        CheckLinks(document, path, problems);
        return new GlossaryTerm(Path.GetFileNameWithoutExtension(path), fm.Term!.Trim(),
            [.. fm.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())], fm.Definition!.Trim(), html, path);
    }

    private static Explainer? LoadExplainer(
        string root, string path, string text, Dictionary<string, GlossaryTerm> terms, List<ContentProblem> problems)
    {
        var document = MarkdownRendering.Parse(text);
        var front = FrontMatterReader.Read<ExplainerFrontMatter>(document, path, problems);
        if (front is null)
        {
            return null;
        }

        var fm = front.Value;
        var errorsBefore = problems.Count(p => p.Severity == ProblemSeverity.Error);
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
        if (problems.Count(p => p.Severity == ProblemSeverity.Error) > errorsBefore)
        {
            return null;
        }

        var missing = GlossaryLinker.MarkFirstUses(document, keyTerms);
        foreach (var term in missing)
        {
            problems.Add(Warning(path, front.At($"keyTerms[{fm.KeyTerms.IndexOf(term.Key)}]"),
                $"The key term '{term.Term}' never appears in the text, so it is not marked for readers."));
        }

        if (sources.Count == 0)
        {
            problems.Add(Warning(path, front.At("sources"), "The explainer lists no sources. Readers and reviewers need them."));
        }

        if (!CheckLinks(document, path, problems))
        {
            return null;
        }

        var words = TextStatistics.CountWords(MarkdownRendering.PlainText(document));
        return new Explainer
        {
            Slug = Path.GetFileNameWithoutExtension(path),
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
            BodyHtml = MarkdownRendering.ToSafeHtml(document),
            WordCount = words,
            ReadingMinutes = TextStatistics.ReadingMinutes(words),
            Locations = front.Locations,
        };
    }

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

    /// <summary>Unsafe link schemes are an error the editor must fix; the renderer has already blocked them.</summary>
    private static bool CheckLinks(MarkdownDocument document, string path, List<ContentProblem> problems)
    {
        var ok = true;
        foreach (var inline in document.Descendants().OfType<Inline>())
        {
            var url = inline switch
            {
                LinkInline link => link.Url,
                AutolinkInline auto => auto.Url,
                _ => null,
            };
            if (url is not null && !UrlSafety.IsSafe(url))
            {
                problems.Add(Error(path, inline.Line + 1, inline.Column + 1,
                    "This link is not allowed: only http, https, mailto and relative addresses are published."));
                ok = false;
            }
        }

        return ok;
    }

    private static void RejectOrderClashes(List<Explainer> explainers, List<ContentProblem> problems)
    {
        var clashes = explainers.Where(e => e.Series is not null)
            .GroupBy(e => (e.Series, e.Order))
            .Where(g => g.Count() > 1);
        foreach (var clash in clashes)
        {
            var first = clash.OrderBy(e => e.SourcePath, StringComparer.Ordinal).First();
            foreach (var other in clash.Where(e => e != first))
            {
                problems.Add(Error(other.SourcePath, other.Locations.GetValueOrDefault("order", new SourceLocation(1, 1)),
                    $"Order {other.Order} in series '{other.Series}' is already taken by {first.SourcePath}."));
                explainers.Remove(other);
            }
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

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:svg|png|jpg|jpeg|webp)$")]
    private static partial Regex MediaName();
}
