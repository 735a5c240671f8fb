using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Small answers for slow phones: public pages are compressed, and static files that carry a version in their URL are
/// cached for a year.
/// </summary>
public static class Delivery
{
    /// <summary>Files whose URL has a version (<c>?v=</c>) never change under that URL.</summary>
    private const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Images and other unversioned files may be replaced by an editor, so browsers check again within the hour.</summary>
    private const string Unversioned = "public, max-age=3600";

    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/atom+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, PublicResponseCompressionProvider>();
        return services;
    }

    public static IApplicationBuilder UseDelivery(this IApplicationBuilder app) => app.UseResponseCompression();

    /// <summary>Static file options that set how long browsers may keep each file.</summary>
    public static StaticFileOptions Cached(StaticFileOptions options)
    {
        options.OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
            context.Context.Request.Query.ContainsKey("v") ? Immutable : Unversioned;
        return options;
    }

    /// <summary>
    /// Compression over HTTPS can leak a secret that sits next to text an attacker chooses (BREACH). So only answers
    /// that hold no secret are compressed: pages for visitors who are not signed in, outside the account and
    /// reviewer areas, where antiforgery tokens live.
    /// </summary>
    private sealed class PublicResponseCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            context.User.Identity?.IsAuthenticated != true
            && !Accounts.IsPrivatePath(context.Request.Path)
            && base.ShouldCompressResponse(context);
    }
}
