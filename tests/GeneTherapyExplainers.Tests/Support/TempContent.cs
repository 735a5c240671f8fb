namespace GeneTherapyExplainers.Tests.Support;

/// <summary>A throwaway content folder for one test: write files into it, then load or serve it.</summary>
public sealed class TempContent : IDisposable
{
    /// <param name="withTestContent">Start from a copy of the test content (<see cref="RepositoryPaths.Content"/>), for a test that changes it.</param>
    public TempContent(bool withTestContent = false)
    {
        Root = Path.Combine(Path.GetTempPath(), "gte-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "explainers"));
        Directory.CreateDirectory(Path.Combine(Root, "glossary"));
        Directory.CreateDirectory(Path.Combine(Root, "media"));
        if (withTestContent)
        {
            CopyDirectory(RepositoryPaths.Content, Root);
        }
    }

    public string Root { get; }

    public TempContent Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    public TempContent WriteBytes(string relativePath, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(Root, relativePath), bytes);
        return this;
    }

    /// <summary>
    /// Sets when a file was last saved. Of two files claiming the same address, word or series place, the one saved
    /// first keeps it; tests say which that is rather than rely on how fast the disk is.
    /// </summary>
    public TempContent Stamp(string relativePath, DateTime savedUtc)
    {
        File.SetLastWriteTimeUtc(Path.Combine(Root, relativePath), savedUtc);
        return this;
    }

    /// <summary>A glossary term file with the given key, term, definition and aliases.</summary>
    public TempContent Term(string key, string term, string definition, params string[] aliases) =>
        Write($"glossary/{key}.md", $"---\nterm: {term}\naliases: [{string.Join(", ", aliases)}]\ndefinition: {definition}\n---\n\nMore about {term}.\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open in another test host; the temp folder is cleaned by the OS later.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
        }
    }
}

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The content the tests run on: a small folder written for the tests (five explainers, a few glossary terms, a seed,
    /// a synonym list and one picture), so editing an explainer in content/ breaks no test but the shipped-content suite.
    /// </summary>
    public static string Content => Path.Combine(Root, "tests", "GeneTherapyExplainers.Tests", "TestContent");

    /// <summary>The content the site ships with (content/): only the shipped-content suite reads it.</summary>
    public static string ShippedContent => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeneTherapyExplainers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above the test output folder.");
    }
}

/// <summary>Content settings for tests whose small folders hold explainers without sources (what they test is elsewhere).</summary>
public static class TestContentOptions
{
    /// <summary>Every rule as shipped, except that an explainer needs no sources to be published.</summary>
    public static GeneTherapyExplainers.Content.Loading.ContentOptions WithoutSourceRule => new() { MinimumSources = 0 };
}
