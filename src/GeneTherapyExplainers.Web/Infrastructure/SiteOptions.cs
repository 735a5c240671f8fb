namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>The "Site" section of configuration.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    public string Name { get; set; } = "Gene Therapy Explainers";

    /// <summary>The public address of the site, such as https://genetherapy.example.org. Empty: the request's own.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>The content folder. Empty: the nearest <c>content/</c> folder above the app.</summary>
    public string ContentPath { get; set; } = string.Empty;

    /// <summary>Where the database and logs live; relative paths are under the app's content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public string ResolveDataPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataPath));

    public string ResolveContentPath(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ContentPath))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, ContentPath));
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "explainers")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No content folder was found above {contentRoot}. Set Site:ContentPath to the folder that holds explainers/ and glossary/.");
    }
}
