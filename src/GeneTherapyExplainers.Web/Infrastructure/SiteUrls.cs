using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Absolute addresses for canonical links, structured data, feeds and the sitemap. <c>Site:PublicUrl</c> names the
/// public address; without it the request's own scheme and host are used (hosts are limited by AllowedHosts).
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> options, IHttpContextAccessor http)
{
    public string Base
    {
        get
        {
            var configured = options.Value.PublicUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}";
        }
    }

    public string Absolute(string path) => Base + (path.StartsWith('/') ? path : "/" + path);
}
