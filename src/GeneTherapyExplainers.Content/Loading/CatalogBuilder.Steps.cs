using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

// The steps of one update, in order: terms first (explainers are linked against them), then explainers, then the checks
// that span files, then what readers see of each touched file.
public sealed partial class CatalogBuilder
{
    private void ParseTerms(Work work)
    {
        var parse = work.Parse.Where(e => e.IsTerm).ToList();
        Parallel.ForEach(parse, entry => Read(entry, work));
        foreach (var entry in parse)
        {
            var before = entry.Phrases;
            entry.Phrases = entry.Parsed?.Item is GlossaryTerm term ? [.. term.Phrases.Distinct(StringComparer.OrdinalIgnoreCase)] : [];
            foreach (var phrase in before)
            {
                phraseOwners.Remove(phrase, entry.Path);
            }

            foreach (var phrase in entry.Phrases)
            {
                phraseOwners.Add(phrase, entry.Path);
            }

            // Whoever else uses these words may now win or lose them.
            foreach (var phrase in before.Concat(entry.Phrases))
            {
                work.Recheck(phraseOwners.Users(phrase), this);
            }

            Reindex(entry);
        }
    }

    /// <summary>
    /// Each word belongs to the term saved first that claims it (see <see cref="ClaimOrder"/>); the others are blamed and
    /// not published. A term whose file has errors is remembered as broken, so explainers that list or link to it are not
    /// blamed for its mistake.
    /// </summary>
    private void SettleTerms(Work work)
    {
        foreach (var entry in work.Check.Where(e => e.IsTerm).ToList())
        {
            entry.ClashProblems = [];
            if (entry.Parsed?.Item is GlossaryTerm term)
            {
                foreach (var phrase in entry.Phrases)
                {
                    if (phraseOwners.First(phrase, claims) is { } owner && owner != entry.Path)
                    {
                        var at = term.Locations.GetValueOrDefault(string.Equals(phrase, term.Term, StringComparison.OrdinalIgnoreCase) ? "term" : "aliases", new SourceLocation(1, 1));
                        entry.ClashProblems.Add(new ContentProblem(entry.Path, at.Line, at.Column, ProblemSeverity.Error,
                            $"'{phrase}' is already a term or alias in {owner}, which had it first. Each word can belong to one term only: remove it here, or there."));
                    }
                }
            }

            var ok = entry.Parsed?.Item is GlossaryTerm && !entry.Clashes;
            Settle(entry, ok, work.Previous.FindTerm(entry.Key));
            var key = entry.Key;
            var was = glossary.GetValueOrDefault(key);
            var wasBroken = brokenTerms.ContainsKey(key);
            if (!ok && !entry.Deleted && addressOwners.First("glossary/" + key, claims) == entry.Path)
            {
                brokenTerms[key] = entry.Path;
            }
            else if (brokenTerms.TryGetValue(key, out var brokenPath) && brokenPath == entry.Path)
            {
                brokenTerms.Remove(key);
            }

            var isBroken = brokenTerms.ContainsKey(key);
            if (entry.Published is GlossaryTerm now)
            {
                glossary[key] = now;
            }
            else if (was?.SourcePath == entry.Path)
            {
                glossary.Remove(key);
            }

            var current = glossary.GetValueOrDefault(key);
            if (!ReferenceEquals(was, current) || wasBroken != isBroken)
            {
                // Explainers that list the term are linked again; files that link to it are checked again.
                work.Mark(dependents.Users("term:" + key), this);
                if ((was is not null || wasBroken) != (current is not null || isBroken))
                {
                    work.Recheck(linkers.Users("glossary/" + key), this);
                }
            }
        }
    }

    private void ParseExplainers(Work work)
    {
        var parse = work.Parse.Where(e => !e.IsTerm).ToList();
        Parallel.ForEach(parse, entry => Read(entry, work));
        foreach (var entry in parse)
        {
            Reindex(entry);
            var slot = entry.Parsed?.Item is Explainer { Series: { } series } e ? (series, e.Order) : ((string, int)?)null;
            if (slot is { } claimed)
            {
                // A file saved again is the newest claimant of its place: whoever shares it may now keep it.
                work.Recheck(seriesSlots.Users(claimed), this);
            }

            if (entry.Slot != slot)
            {
                foreach (var changed in new[] { entry.Slot, slot }.OfType<(string, int)>())
                {
                    if (changed == entry.Slot)
                    {
                        seriesSlots.Remove(changed, entry.Path);
                    }
                    else
                    {
                        seriesSlots.Add(changed, entry.Path);
                    }

                    work.Recheck(seriesSlots.Users(changed), this);
                }

                entry.Slot = slot;
            }

            // A link to an explainer that has errors of its own is not another mistake: that file is blamed, once.
            var linkable = !entry.Deleted && entry.Parsed is not null && entry.Parsed.Item is Explainer { Draft: false } or null;
            if (linkable != linkableExplainers.Contains(entry.Key) && addressOwners.First("explainers/" + entry.Key, claims) is var owner
                && (owner == entry.Path || owner is null))
            {
                _ = linkable ? linkableExplainers.Add(entry.Key) : linkableExplainers.Remove(entry.Key);
                work.Recheck(linkers.Users("explainers/" + entry.Key), this);
            }
        }
    }

    /// <summary>Two explainers cannot share a place in a series: the one saved first keeps it.</summary>
    private void CheckSeries(Work work)
    {
        foreach (var entry in work.Check.Where(e => !e.IsTerm))
        {
            entry.ClashProblems = [];
            if (entry.Slot is { } slot && seriesSlots.First(slot, claims) is { } first && first != entry.Path && entry.Parsed?.Item is Explainer e)
            {
                var at = e.Locations.GetValueOrDefault("order", new SourceLocation(1, 1));
                entry.ClashProblems.Add(new ContentProblem(entry.Path, at.Line, at.Column, ProblemSeverity.Error,
                    $"Order {slot.Order} in series '{slot.Series}' is already taken by {first}, which had it first. Give this explainer another order."));
            }
        }
    }

    /// <summary>Links to other explainers and glossary terms must reach a published page.</summary>
    private void CheckLinks(Work work)
    {
        foreach (var entry in work.Check)
        {
            entry.LinkProblems = [];
            entry.LinksBroken = false;
            if (entry.Parsed?.Item is null || entry.Clashes)
            {
                continue;
            }

            foreach (var link in entry.Parsed.Links)
            {
                var known = link.Kind == "explainers" ? linkableExplainers.Contains(link.Key) : glossary.ContainsKey(link.Key) || brokenTerms.ContainsKey(link.Key);
                if (!known)
                {
                    entry.LinkProblems.Add(new ContentProblem(entry.Path, link.Line, link.Column, ProblemSeverity.Error, link.Kind == "explainers"
                        ? $"The link {link.Url} points to no published explainer. Check the address against the file names in content/explainers."
                        : $"The link {link.Url} points to no glossary term. Check the address against the file names in content/glossary."));
                    entry.LinksBroken = true;
                }
            }
        }
    }

    private static void SettleExplainers(Work work)
    {
        foreach (var entry in work.Check.Where(e => !e.IsTerm))
        {
            var ok = entry.Parsed?.Item is Explainer && !entry.Clashes && !entry.LinksBroken;
            Settle(entry, ok, work.Previous.Find(entry.Key));
        }
    }

    /// <summary>The version that loaded, or for a file with errors its last good version (and a note saying so).</summary>
    private static void Settle(FileEntry entry, bool ok, object? lastGood)
    {
        entry.FellBack = !ok && entry.Parsed is not null && lastGood is not null;
        entry.Published = ok ? entry.Parsed!.Item : entry.FellBack ? lastGood : null;
    }

    private CatalogChange Finish(Work work)
    {
        var changedExplainers = new List<(Explainer, IReadOnlyList<Section>)>();
        var removedExplainers = new List<string>();
        var changedTerms = new List<GlossaryTerm>();
        var removedTerms = new List<string>();
        foreach (var (entry, before) in work.Before)
        {
            problems.Remove(entry.Path);
            if (entry.Problems.ToList() is { Count: > 0 } list)
            {
                problems[entry.Path] = list;
            }

            if (ReferenceEquals(before, entry.Published))
            {
                continue;
            }

            switch (entry.Published)
            {
                case Explainer e:
                    explainers[entry.Key] = e;
                    changedExplainers.Add((e, work.Sections.GetValueOrDefault(entry) ?? []));
                    break;
                case GlossaryTerm t:
                    changedTerms.Add(t);
                    break;
                case null when before is Explainer:
                    explainers.Remove(entry.Key);
                    removedExplainers.Add(entry.Key);
                    break;
                case null when before is GlossaryTerm:
                    removedTerms.Add(entry.Key);
                    break;
            }
        }

        foreach (var entry in work.Before.Keys.Where(e => e.Deleted && e.Published is null))
        {
            files.Remove(entry.Path);
        }

        Catalog = new ContentCatalog(explainers.Values, glossary.Values, problems.Values.SelectMany(p => p),
            files.Values.Where(f => !f.Deleted).Select(f => f.Path).Concat(hasSynonymsFile ? [SynonymsReader.Path] : []), synonyms,
            files.Values.Where(f => f.FellBack).Select(f => f.Path));
        return new CatalogChange(Catalog, changedExplainers, removedExplainers, changedTerms, removedTerms) { Previous = work.Previous, SynonymsChanged = work.SynonymsChanged };
    }
}
