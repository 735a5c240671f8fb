using System.Text.RegularExpressions;

namespace GeneTherapyExplainers.Content.Markdown;

/// <summary>
/// The one rule for every URL that reaches a page: http, https, mailto and relative URLs only.
/// Markdown's <c>DisableHtml()</c> does not stop <c>javascript:</c>, <c>data:</c> or <c>vbscript:</c> links, so this does.
/// </summary>
public static partial class UrlSafety
{
    /// <summary>What an unsafe URL is replaced with when rendered.</summary>
    public const string Blocked = "#blocked-link";

    /// <summary>True for http, https, mailto and relative URLs (no scheme at all).</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Browsers ignore tabs, new lines and leading control characters and spaces in a URL, so
        // "java\tscript:" is still javascript:. Strip them before looking for a scheme.
        var compact = Invisible().Replace(url, string.Empty);
        var scheme = Scheme().Match(compact);
        if (!scheme.Success)
        {
            // A colon before any '/', '?' or '#' that is not a valid scheme is not a relative URL either.
            var colon = compact.IndexOf(':', StringComparison.Ordinal);
            var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
            return colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon);
        }

        return scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https" or "mailto";
    }

    /// <summary>True for absolute http and https URLs only: for links a reviewer or editor gives as a web address.</summary>
    public static bool IsWebAddress(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && Scheme().Match(url.Trim()).Groups[1].Value.ToLowerInvariant() is "http" or "https";

    /// <summary>The URL itself when safe, otherwise <see cref="Blocked"/>.</summary>
    public static string Rewrite(string url) => IsSafe(url) ? url : Blocked;

    [GeneratedRegex(@"[\u0000-\u0020\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\uFEFF]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
