using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

// Which files the catalog reads, and the synonyms file: not a page, but its spellings decide which words mark a key term.
public sealed partial class CatalogBuilder
{
    /// <summary>Every content file now in the folder, as relative paths.</summary>
    public IEnumerable<string> ListFiles()
    {
        if (File.Exists(Path.Combine(ContentRoot, SynonymsReader.Path)))
        {
            yield return SynonymsReader.Path;
        }

        foreach (var folder in Folders)
        {
            var directory = Path.Combine(ContentRoot, folder);
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.EnumerateFiles(directory, folder == "media" ? "*" : "*.md"))
                {
                    yield return $"{folder}/{Path.GetFileName(file)}";
                }
            }
        }
    }

    /// <summary>A relative content path the catalog cares about, or null (other folders, sub-folders, other file types).</summary>
    public static string? Normalize(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').TrimStart('/');
        if (path == SynonymsReader.Path)
        {
            return path;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || path.IndexOf('/', slash + 1) >= 0)
        {
            return null;
        }

        var folder = path[..slash];
        return folder switch
        {
            "media" => path,
            "explainers" or "glossary" when path.EndsWith(".md", StringComparison.Ordinal) => path,
            _ => null,
        };
    }

    /// <summary>
    /// Reads the synonyms file again. Its spellings decide which words mark a key term, so explainers listing a term whose
    /// words gained or lost a spelling are linked again. A file with errors leaves the last good list in use.
    /// </summary>
    private void ReadSynonyms(Work work)
    {
        var found = new List<ContentProblem>();
        hasSynonymsFile = File.Exists(Path.Combine(ContentRoot, SynonymsReader.Path));
        var list = SynonymsReader.Read(ContentRoot, options, found);
        if (list is null && synonyms.Spellings.Count + synonyms.Phrases.Count + synonyms.Ignored.Count > 0)
        {
            found.Add(new ContentProblem(SynonymsReader.Path, 1, 1, ProblemSeverity.Warning,
                "Because of the errors above, the last good version of this file stays in use until they are fixed."));
        }

        problems.Remove(SynonymsReader.Path);
        if (found.Count > 0)
        {
            problems[SynonymsReader.Path] = found;
        }

        if (list is null)
        {
            return;
        }

        var changed = SpellingWords(synonyms).ToHashSet(StringComparer.Ordinal);
        changed.SymmetricExceptWith(SpellingWords(list));
        synonyms = list;
        work.SynonymsChanged = true;
        foreach (var term in glossary.Values.Where(t => t.Phrases.Any(p => TextWords(p).Any(changed.Contains))))
        {
            work.Mark(dependents.Users("term:" + term.Key), this);
        }
    }

    /// <summary>Each word with its spelling group, so a word moving between groups counts as changed.</summary>
    private static IEnumerable<string> SpellingWords(SynonymList list) =>
        list.Spellings.SelectMany(g => g.Select(w => w + "\u001F" + string.Join(' ', g))).Concat(list.Spellings.SelectMany(g => g));

    private static IEnumerable<string> TextWords(string phrase) => Markdown.TextStatistics.Words(phrase).Select(w => w.ToLowerInvariant());
}
