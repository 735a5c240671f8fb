using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure.Store;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Evicts kept pages by what changed: a catalog change by the explainers and terms it touched, a store save by the tags
/// <see cref="StoreChangeTags"/> gives it. The tags pages use are listed in <see cref="PageTags"/>.
/// </summary>
public sealed class PageCacheEviction(PageCache cache, ContentCatalogProvider content, StoreChanges store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        content.Changed += OnContentChanged;
        store.Applied += OnStoreChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        content.Changed -= OnContentChanged;
        store.Applied -= OnStoreChanged;
        return Task.CompletedTask;
    }

    private void OnContentChanged(CatalogChange change) => cache.Evict(PageTags.ForChange(change));

    /// <summary>A save here or on another instance: its tags, or everything (after a lost connection, say).</summary>
    private void OnStoreChanged(StoreChange change) => cache.Evict(change.IsEverything ? ["*"] : change.Tags);
}

/// <summary>The tags pages are kept under, and the ones a catalog change evicts.</summary>
public static class PageTags
{
    /// <summary>Every list of explainers (home, index, feed, sitemap, "used in"): evicted when what is listed, or its order, changes.</summary>
    public const string Lists = "lists";

    /// <summary>The glossary index and anything that counts terms.</summary>
    public const string Glossary = "glossary";

    /// <summary>Search results: any content change may change them.</summary>
    public const string Search = "search";

    /// <summary>Any review date or cadence, for pages ordered or dated by reviews.</summary>
    public const string Reviews = "reviews";

    public static string Explainer(string slug) => "explainer:" + slug;

    /// <summary>What the store says of one explainer: its people, related items and reviews.</summary>
    public static string Store(string slug) => "store:" + slug;

    public static string Series(string series) => "series:" + series;

    public static string Term(string key) => "term:" + key;

    public static string Person(int id) => "person:" + id;

    public static string Related(int id) => "related:" + id;

    /// <summary>The tags an explainer's card shows in a list: the card's text, and its review status.</summary>
    public static IEnumerable<string> Card(Explainer e) => [Explainer(e.Slug), Store(e.Slug)];

    public static HashSet<string> ForChange(CatalogChange change)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal) { Search };
        foreach (var (e, _) in change.ChangedExplainers)
        {
            var old = change.Previous.Find(e.Slug);
            tags.Add(Explainer(e.Slug));
            if (old is null || Listed(old) != Listed(e))
            {
                tags.Add(Lists);
                tags.UnionWith(new[] { old?.Series, e.Series }.OfType<string>().Select(Series));
            }
        }

        foreach (var slug in change.RemovedExplainers)
        {
            tags.UnionWith([Explainer(slug), Lists]);
            if (change.Previous.Find(slug)?.Series is { } series)
            {
                tags.Add(Series(series));
            }
        }

        foreach (var key in change.ChangedTerms.Select(t => t.Key).Concat(change.RemovedTerms))
        {
            tags.UnionWith([Term(key), Glossary]);
        }

        return tags;
    }

    /// <summary>What lists show of an explainer, and what decides where it is listed.</summary>
    private static string Listed(Explainer e) =>
        string.Join('\u001F', e.Title, e.Summary, e.Category, e.Series, e.Order, e.Draft, e.ReadingMinutes, e.Published,
            string.Join(',', e.KeyTerms.Select(t => t.Key)));
}
