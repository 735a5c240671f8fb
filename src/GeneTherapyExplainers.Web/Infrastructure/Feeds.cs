using System.Text;
using System.Xml;
using GeneTherapyExplainers.Web.Data;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>The Atom feed, the sitemap and robots.txt: published pages only, never drafts or private pages.</summary>
public static class Feeds
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] FixedPages = ["/", "/explainers", "/glossary", "/editorial-standards"];

    public static WebApplication MapFeeds(this WebApplication app)
    {
        app.MapGet("/feed.atom", AtomAsync);
        app.MapGet("/sitemap.xml", SitemapAsync);
        app.MapGet("/robots.txt", (SiteUrls urls) => Results.Text(
            $"User-agent: *\nDisallow: /review\nDisallow: /editors\nDisallow: /account\nDisallow: /search\n\nSitemap: {urls.Absolute("/sitemap.xml")}\n",
            "text/plain; charset=utf-8"));
        return app;
    }

    /// <summary>Each published explainer, dated by its latest change or review, newest first.</summary>
    private static async Task<List<(Content.Model.Explainer Explainer, DateOnly Updated, ReviewState State)>> DatedAsync(
        ContentCatalogProvider content, EditorialQueries store, CancellationToken ct)
    {
        var states = await store.ReviewStatesAsync(ct);
        return [.. content.Current.Published
            .Select(e => (Explainer: e, State: states.GetValueOrDefault(e.Slug) ?? ReviewState.NotReviewed))
            .Select(x => (x.Explainer, x.State.UpdatedOn(x.Explainer), x.State))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Explainer.Title, StringComparer.Ordinal)];
    }

    private static async Task<IResult> AtomAsync(ContentCatalogProvider content, EditorialQueries store, SiteUrls urls, CancellationToken ct)
    {
        var dated = await DatedAsync(content, store, ct);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteElementString("title", AtomNamespace, "Gene Therapy Explainers: new and newly reviewed explainers");
            writer.WriteElementString("id", AtomNamespace, urls.Absolute("/feed.atom"));
            writer.WriteElementString("updated", AtomNamespace, Stamp(dated.Count > 0 ? dated.Max(d => d.Updated) : DateOnly.FromDateTime(DateTime.UtcNow)));
            Link(writer, urls.Absolute("/feed.atom"), "self");
            Link(writer, urls.Absolute("/explainers"), "alternate");
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, "Gene Therapy Explainers");
            writer.WriteEndElement();
            foreach (var (e, updated, state) in dated)
            {
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("id", AtomNamespace, urls.Absolute($"/explainers/{e.Slug}"));
                writer.WriteElementString("title", AtomNamespace, e.Title);
                writer.WriteElementString("updated", AtomNamespace, Stamp(updated));
                writer.WriteElementString("published", AtomNamespace, Stamp(state.PublishedOn(e)));
                Link(writer, urls.Absolute($"/explainers/{e.Slug}"), "alternate");
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

    private static async Task<IResult> SitemapAsync(ContentCatalogProvider content, EditorialQueries store, SiteUrls urls, CancellationToken ct)
    {
        var dated = await DatedAsync(content, store, ct);
        var catalog = content.Current;
        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            var newest = dated.Count > 0 ? dated.Max(d => d.Updated) : (DateOnly?)null;
            foreach (var path in FixedPages)
            {
                Url(writer, urls.Absolute(path), newest);
            }

            foreach (var (e, updated, _) in dated)
            {
                Url(writer, urls.Absolute($"/explainers/{e.Slug}"), updated);
            }

            foreach (var term in catalog.Glossary)
            {
                Url(writer, urls.Absolute($"/glossary/{term.Key}"), null);
            }

            writer.WriteEndElement();
        });
        return Results.Text(xml, "application/xml; charset=utf-8");
    }

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
