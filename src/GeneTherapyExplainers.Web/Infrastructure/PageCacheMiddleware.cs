using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GeneTherapyExplainers.Web.Infrastructure;

public static class PageCacheHttpContextExtensions
{
    private const string TagsItem = "page-cache-tags";

    /// <summary>Lets the page be kept whole for readers who are not signed in, until something with one of these tags changes.</summary>
    public static void CacheAs(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Items[TagsItem] is not HashSet<string> set)
        {
            context.Items[TagsItem] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.UnionWith(tags);
    }

    internal static HashSet<string>? CacheTags(this HttpContext context) => context.Items[TagsItem] as HashSet<string>;

    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PageCacheOptions>(configuration.GetSection(PageCacheOptions.Section));
        services.AddSingleton<PageCache>();
        services.AddHostedService<PageCacheEviction>();
        return services;
    }

    /// <summary>Serves kept pages, with a 304 for an unchanged one; keeps the ones that tag themselves.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<PageCache>();
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var get = HttpMethods.IsGet(request.Method);
            if (!cache.Enabled || !(get || HttpMethods.IsHead(request.Method)) || context.User.Identity?.IsAuthenticated == true
                || Accounts.IsPrivatePath(request.Path))
            {
                await next(context);
                return;
            }

            var key = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
            if (cache.Find(key) is { } hit)
            {
                await SendAsync(context, hit);
                return;
            }

            if (!get)
            {
                await next(context);
                return;
            }

            var renderedAt = cache.Version;
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var body = buffer.ToArray();
            if (!context.Response.HasStarted && Keepable(context, body) is { } tags && cache.Store(key, context.Response.ContentType!, body, tags, renderedAt) is { } kept)
            {
                await SendAsync(context, kept);
                return;
            }

            // Nothing written means nothing sent yet: the status-code pages can still answer (a 404 page, say).
            if (body.Length > 0)
            {
                await original.WriteAsync(body, context.RequestAborted);
            }
        });
    }

    private static HashSet<string>? Keepable(HttpContext context, byte[] body)
    {
        var response = context.Response;
        var type = response.ContentType ?? "";
        var textual = type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal);
        return context.CacheTags() is { Count: > 0 } tags && response.StatusCode == StatusCodes.Status200OK && textual
            && !response.Headers.ContainsKey(HeaderNames.SetCookie) && !response.Headers.ContainsKey(HeaderNames.ContentEncoding)
            && context.User.Identity?.IsAuthenticated != true
            // A form's antiforgery token belongs to one reader: such a page is never shared.
            && body.AsSpan().IndexOf("__RequestVerificationToken"u8) < 0
            && body.Length <= 4 * 1024 * 1024
            ? tags : null;
    }

    private static async Task SendAsync(HttpContext context, PageCache.Entry entry)
    {
        var encoding = PickEncoding(context.Request.Headers.AcceptEncoding);
        var response = context.Response;
        var etag = entry.ETagFor(encoding);
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.ETag = etag;
        // Browsers may keep the page but ask each time whether it changed: a 304 costs a few bytes.
        response.Headers.CacheControl = "no-cache";
        if (Matches(context.Request.Headers.IfNoneMatch, entry))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var bytes = entry.For(encoding);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = entry.ContentType;
        response.ContentLength = bytes.Length;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    private static bool Matches(StringValues ifNoneMatch, PageCache.Entry entry)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any)
            || new[] { entry.ETagFor(null), entry.ETagFor("br"), entry.ETagFor("gzip") }.Contains(t.Tag.ToString(), StringComparer.Ordinal));
    }

    /// <summary>Brotli, else gzip, else none, as the browser accepts (a q of 0 refuses).</summary>
    private static string? PickEncoding(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var accepted))
        {
            return null;
        }

        bool Accepts(string name) => accepted.Any(a => (a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || a.Value == "*") && (a.Quality ?? 1) > 0)
            && !accepted.Any(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && a.Quality == 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }
}
