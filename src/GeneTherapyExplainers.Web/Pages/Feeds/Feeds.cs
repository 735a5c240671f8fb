using System.Text;
using System.Xml;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Pages.Feeds;

/// <summary>The Atom feed, the sitemap and robots.txt: published pages only, never drafts or private pages.</summary>
public static class Feeds
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] FixedPages = [SitePaths.Home, SitePaths.Explainers, SitePaths.Glossary, SitePaths.EditorialStandards];

    /// <summary>The feed announces the newest and the most recently reviewed explainers, not the whole site.</summary>
    public const int FeedEntries = 50;

    public static WebApplication MapFeeds(this WebApplication app)
    {
        app.MapGet(SitePaths.Feed, AtomAsync);
        app.MapGet(SitePaths.SitemapIndex, SitemapAsync);
        app.MapGet("/sitemap-{part:int}.xml", SitemapPartAsync);
        app.MapGet("/robots.txt", (SiteUrls urls, HttpContext context) => Cached(context, ["robots"], Results.Text(
            $"User-agent: *\nDisallow: {SitePaths.ReviewDashboard}\nDisallow: {SitePaths.Editors}\nDisallow: {SitePaths.Account}\nDisallow: {SitePaths.Search}\n\nSitemap: {urls.Absolute(SitePaths.SitemapIndex)}\n",
            "text/plain; charset=utf-8")));
        return app;
    }

    /// <summary>Explainers dated by their latest change or review, newest first.</summary>
    private static async Task<List<(Content.Model.Explainer Explainer, DateOnly Updated, ReviewState State)>> DatedAsync(
        IReadOnlyCollection<Content.Model.Explainer> explainers, EditorialQueries store, CancellationToken ct)
    {
        var states = await store.ReviewStatesAsync([.. explainers.Select(e => e.Slug)], ct);
        return [.. explainers
            .Select(e => (Explainer: e, State: states.GetValueOrDefault(e.Slug) ?? ReviewState.NotReviewed))
            .Select(x => (x.Explainer, x.State.UpdatedOn(x.Explainer), x.State))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Explainer.Title, StringComparer.Ordinal)];
    }

    /// <summary>The newest explainers and the most recently reviewed ones: any of them can be among the newest updates.</summary>
    private static async Task<List<(Content.Model.Explainer Explainer, DateOnly Updated, ReviewState State)>> NewestAsync(
        ContentCatalogProvider content, EditorialQueries store, CancellationToken ct)
    {
        var catalog = content.Current;
        var candidates = catalog.Published.OrderByDescending(e => e.Published ?? DateOnly.FromDateTime(e.Modified.UtcDateTime)).Take(FeedEntries)
            .Concat((await store.RecentlyReviewedAsync(FeedEntries, ct)).Select(catalog.FindPublished).OfType<Content.Model.Explainer>())
            .DistinctBy(e => e.Slug).ToList();
        return [.. (await DatedAsync(candidates, store, ct)).Take(FeedEntries)];
    }

    private static IResult Cached(HttpContext context, IEnumerable<string> tags, IResult result)
    {
        context.CacheAs(tags);
        return result;
    }

    private static async Task<IResult> AtomAsync(ContentCatalogProvider content, EditorialQueries store, SiteUrls urls, HttpContext context, CancellationToken ct)
    {
        var dated = await NewestAsync(content, store, ct);
        context.CacheAs([PageTags.Lists, PageTags.Reviews, .. dated.SelectMany(d => PageTags.Card(d.Explainer))]);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteElementString("title", AtomNamespace, "Gene Therapy Explainers: new and newly reviewed explainers");
            writer.WriteElementString("id", AtomNamespace, urls.Absolute(SitePaths.Feed));
            writer.WriteElementString("updated", AtomNamespace, Stamp(dated.Count > 0 ? dated.Max(d => d.Updated) : store.Today));
            Link(writer, urls.Absolute(SitePaths.Feed), "self");
            Link(writer, urls.Absolute(SitePaths.Explainers), "alternate");
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, "Gene Therapy Explainers");
            writer.WriteEndElement();
            foreach (var (e, updated, state) in dated)
            {
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("id", AtomNamespace, urls.Absolute(SitePaths.Explainer(e.Slug)));
                writer.WriteElementString("title", AtomNamespace, e.Title);
                writer.WriteElementString("updated", AtomNamespace, Stamp(updated));
                writer.WriteElementString("published", AtomNamespace, Stamp(state.PublishedOn(e)));
                Link(writer, urls.Absolute(SitePaths.Explainer(e.Slug)), "alternate");
                var summary = state.Last is { } last ? $"{e.Summary} Last reviewed {Format.Date(last.ReviewedOn)}." : e.Summary;
                writer.WriteElementString("summary", AtomNamespace, summary);
                writer.WriteStartElement("category", AtomNamespace);
                writer.WriteAttributeString("term", e.Category);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/atom+xml; charset=utf-8");
    }

    /// <summary>
    /// One sitemap while the site fits in one file; past that (the protocol allows 50,000 addresses a file) a sitemap
    /// index that lists the parts.
    /// </summary>
    private static async Task<IResult> SitemapAsync(ContentCatalogProvider content, EditorialQueries store, SiteUrls urls, IConfiguration configuration, HttpContext context, CancellationToken ct)
    {
        var perFile = UrlsPerFile(configuration);
        var total = FixedPages.Length + content.Current.Published.Count + content.Current.Glossary.Count;
        if (total <= perFile)
        {
            return await SitemapPartAsync(1, content, store, urls, configuration, context, ct);
        }

        context.CacheAs(PageTags.Lists, PageTags.Glossary);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNamespace);
            for (var part = 1; part <= (total + perFile - 1) / perFile; part++)
            {
                writer.WriteStartElement("sitemap", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, urls.Absolute(SitePaths.Sitemap(part)));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/xml; charset=utf-8");
    }

    private static async Task<IResult> SitemapPartAsync(int part, ContentCatalogProvider content, EditorialQueries store, SiteUrls urls, IConfiguration configuration, HttpContext context, CancellationToken ct)
    {
        var catalog = content.Current;
        var perFile = UrlsPerFile(configuration);
        var pages = FixedPages.Select(p => (Path: p, Explainer: (Content.Model.Explainer?)null))
            .Concat(catalog.Published.Select(e => (Path: SitePaths.Explainer(e.Slug), Explainer: (Content.Model.Explainer?)e)))
            .Concat(catalog.Glossary.Select(t => (Path: SitePaths.Term(t.Key), Explainer: (Content.Model.Explainer?)null)))
            .Skip((part - 1) * perFile).Take(perFile).ToList();
        if (part < 1 || pages.Count == 0)
        {
            return Results.NotFound();
        }

        var explainers = pages.Select(p => p.Explainer).OfType<Content.Model.Explainer>().ToList();
        var dated = (await DatedAsync(explainers, store, ct)).ToDictionary(d => d.Explainer.Slug, d => d.Updated, StringComparer.Ordinal);
        context.CacheAs([PageTags.Lists, PageTags.Glossary, PageTags.Reviews, .. explainers.Select(e => PageTags.Explainer(e.Slug))]);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            foreach (var (path, explainer) in pages)
            {
                Url(writer, urls.Absolute(path), explainer is null ? null : dated[explainer.Slug]);
            }

            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/xml; charset=utf-8");
    }

    /// <summary>Addresses in one sitemap file: under the protocol's limit of 50,000.</summary>
    private static int UrlsPerFile(IConfiguration configuration) => Math.Clamp(configuration.GetValue("Sitemap:UrlsPerFile", 45_000), 10, 50_000);

    private static void Url(XmlWriter writer, string location, DateOnly? modified)
    {
        writer.WriteStartElement("url", SitemapNamespace);
        writer.WriteElementString("loc", SitemapNamespace, location);
        if (modified is { } m)
        {
            writer.WriteElementString("lastmod", SitemapNamespace, m.ToString("yyyy-MM-dd", Format.Culture));
        }

        writer.WriteEndElement();
    }

    private static void Link(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Stamp(DateOnly date) => date.ToString("yyyy-MM-dd", Format.Culture) + "T00:00:00Z";

    private static string Write(Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        // XmlWriter over a StringBuilder declares utf-16; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
