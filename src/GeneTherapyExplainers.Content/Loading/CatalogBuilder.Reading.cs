using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

// Reading and parsing one file, and keeping the indexes of what it needs and links to.
public sealed partial class CatalogBuilder
{
    private void Read(FileEntry entry, Work work)
    {
        entry.ReadProblems = [];
        entry.Parsed = null;
        if (entry.Deleted)
        {
            return;
        }

        var owner = addressOwners.First($"{entry.Folder}/{entry.Key}", claims);
        if (ContentLoader.CheckName(entry.Path) is { } badName)
        {
            entry.ReadProblems.Add(badName);
        }
        else if (owner != entry.Path)
        {
            entry.ReadProblems.Add(new ContentProblem(entry.Path, 1, 1, ProblemSeverity.Error,
                $"The address '{entry.Key}' is already used by {owner}. Rename one of the files."));
        }
        else if (ContentLoader.ReadText(Path.Combine(ContentRoot, entry.Path), entry.Path, options, entry.ReadProblems) is not { } text)
        {
            // Unreadable for now (empty while an editor saves it, say): like any broken file, its last good version stays.
            entry.Parsed = Candidate.Failed([]);
        }
        else
        {
            try
            {
                var parsed = entry.IsTerm
                    ? ContentLoader.LoadTerm(entry.Path, text)
                    : ContentLoader.LoadExplainer(ContentRoot, entry.Path, text, glossary, brokenTerms, options, synonyms);
                if (parsed.Sections is { } sections)
                {
                    // Search takes the text once, from the change; the catalog does not keep it.
                    work.Sections[entry] = sections;
                    parsed = parsed with { Sections = null };
                }

                entry.Parsed = parsed;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever goes wrong inside one file stays with that file: the rest of the site still loads.
                entry.Parsed = Candidate.Failed([new ContentProblem(entry.Path, 1, 1, ProblemSeverity.Error, "The file could not be read: " + ex.Message)]);
            }
        }
    }

    /// <summary>Updates which files this one depends on (terms, images) and links to.</summary>
    private void Reindex(FileEntry entry)
    {
        foreach (var key in entry.Dependencies)
        {
            dependents.Remove(key, entry.Path);
        }

        foreach (var target in entry.LinkTargets)
        {
            linkers.Remove(target, entry.Path);
        }

        entry.Dependencies = entry.Parsed?.Dependencies ?? [];
        entry.LinkTargets = [.. (entry.Parsed?.Links ?? []).Select(l => $"{l.Kind}/{l.Key}").Distinct(StringComparer.Ordinal)];
        foreach (var key in entry.Dependencies)
        {
            dependents.Add(key, entry.Path);
        }

        foreach (var target in entry.LinkTargets)
        {
            linkers.Add(target, entry.Path);
        }
    }
}
