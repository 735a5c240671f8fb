namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// The address of every page that carries a key or a page number, built here and nowhere else: links, redirects,
/// feeds, the sitemap, structured data and search results all ask for them (absolute ones through
/// <see cref="SiteUrls.Absolute"/>). They have the shapes of the pages' <c>@page</c> routes; a test requests each.
/// Views link pages without a key with <c>asp-page</c>; the few fixed addresses here are for code that has no page to
/// name (an endpoint, the media folder) or no request to build one from (the digest e-mail).
/// </summary>
public static class SitePaths
{
    public const string Explainers = "/explainers";
    public const string Glossary = "/glossary";
    public const string ReviewFeedbackList = "/review/feedback";

    public const string Search = "/search";

    public const string ReviewDashboard = "/review";

    public const string Account = "/account";

    /// <summary>The Atom feed (an endpoint of its own, not a page).</summary>
    public const string Feed = "/feed.atom";

    /// <summary>Where the content folder's <c>media/</c> is served.</summary>
    public const string MediaFolder = "/media";

    public const string Home = "/";

    public const string EditorialStandards = "/editorial-standards";

    public const string SignIn = "/account/sign-in";

    public const string SignOut = "/account/sign-out";

    /// <summary>The editors' pages (content health, previews): private, like the review workspace and accounts.</summary>
    public const string Editors = "/editors";

    /// <summary>Where the reader's feedback form lives (<see cref="FeedbackForm"/>): private, never cached or indexed.</summary>
    public const string FeedbackFolder = "/feedback";

    /// <summary>The sitemap, or the index of its parts (<see cref="Sitemap(int)"/>) on a large site.</summary>
    public const string SitemapIndex = "/sitemap.xml";

    public static string Explainer(string slug) => $"/explainers/{slug}";

    public static string ExplainerHistory(string slug, int page = 1) => Paged($"/explainers/{slug}/history", page);

    public static string ExplainerReviews(string slug, int page = 1) => Paged($"/explainers/{slug}/reviews", page);

    /// <summary>One category of the explainers index, by its id (see <c>CategoryGroup.IdOf</c>).</summary>
    public static string Category(string id, int page = 1) => Paged($"/explainers?category={Uri.EscapeDataString(id)}", page);

    public static string Term(string key) => $"/glossary/{key}";

    /// <summary>A page of the list of explainers that use a term, on the term's page.</summary>
    public static string TermUsedIn(string key, int page) => page == 1 ? Term(key) : $"{Term(key)}?page={page}#used-in";

    /// <summary>A term's entry on the A–Z.</summary>
    public static string GlossaryEntry(string key) => $"/glossary#{key}";

    public static string Person(string key) => $"/people/{key}";

    /// <summary>A page of the list of a person's explainers, on their profile.</summary>
    public static string PersonExplainers(string key, int page) => page == 1 ? Person(key) : $"{Person(key)}?page={page}#explainers";

    /// <summary>The feedback form about a page (<c>explainers/{slug}</c>, <c>glossary/{key}</c>); a mistake report when <paramref name="report"/>.</summary>
    public static string FeedbackForm(string about, bool report = false) => $"{FeedbackFolder}/{about}{(report ? "?report=true" : "")}";

    public static string Preview(string slug) => $"{Editors}/preview/{slug}";

    /// <summary>An image of the content folder's <c>media/</c>, by its file name.</summary>
    public static string Media(string file) => $"{MediaFolder}/{file}";

    public static string Sitemap(int part) => $"/sitemap-{part}.xml";

    public static string ReviewExplainer(string slug) => $"/review/explainers/{slug}";

    /// <summary>The review page showing what changed in the text since an earlier review.</summary>
    public static string ReviewChangesSince(string slug, long reviewId) => $"{ReviewExplainer(slug)}?since={reviewId}#changes";

    public static string ReviewRelated(string slug) => $"/review/explainers/{slug}/related";

    /// <summary>The feedback list, all of it or about one page (<c>explainers/{slug}</c>, <c>glossary/{key}</c>).</summary>
    public static string ReviewFeedback(string? about = null, bool handled = false) => (about, handled) switch
    {
        ({ Length: > 0 } page, true) => $"{ReviewFeedbackList}?about={About(page)}&show=handled",
        (_, true) => $"{ReviewFeedbackList}?show=handled",
        ({ Length: > 0 } page, false) => $"{ReviewFeedbackList}?about={About(page)}",
        _ => ReviewFeedbackList,
    };

    /// <summary>The page feedback is about, as a query value: escaped, its slashes kept readable.</summary>
    private static string About(string page) => Uri.EscapeDataString(page).Replace("%2F", "/", StringComparison.Ordinal);

    public static string ReviewFeedbackItem(long id) => $"{ReviewFeedbackList}/{id}";

    public static string ReviewItem(string key) => $"/review/related/{key}";

    public static string NewReviewItem(string? explainer = null) => explainer is null ? "/review/related/new" : $"/review/related/new?explainer={explainer}";

    public static string ReviewPerson(string key) => $"/review/people/{key}";

    private static string Paged(string path, int page) =>
        page == 1 ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}";
}
