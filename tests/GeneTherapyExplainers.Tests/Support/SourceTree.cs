using System.Text.RegularExpressions;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>
/// One source file of the site: its path, its namespace, the namespaces it imports itself, those it sees (a view's
/// <c>_ViewImports</c> too) and its code without comments or strings.
/// </summary>
public sealed record SourceFile(string Path, string Namespace, IReadOnlyList<string> Usings, IReadOnlyList<string> Sees, string Code);

/// <summary>A file that makes one namespace use another, and the names it uses there.</summary>
public sealed record NamespaceUse(string From, string To, string Path, IReadOnlyList<string> Names);

/// <summary>
/// The web project's source read as text: which namespace uses which, from <c>using</c> directives (and a view's
/// <c>@using</c>, <c>@model</c> and <c>@inject</c>), names qualified by a namespace (<c>Search.SearchIndex</c>) and type
/// names a file sees from its own namespace's parents. Comments and strings are left out.
/// </summary>
public static partial class SourceTree
{
    public const string Web = "GeneTherapyExplainers.Web";

    /// <summary>Every .cs and .cshtml file of the web project, except build output.</summary>
    public static IReadOnlyList<SourceFile> ReadWebProject() => ReadProject(Web);

    /// <summary>Every .cs and .cshtml file of a project under src/, except build output; paths are relative to the project.</summary>
    public static IReadOnlyList<SourceFile> ReadProject(string name)
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", name);
        var files = Directory.EnumerateFiles(project, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(project, f)));
        return Parse(files);
    }

    /// <summary>Reads files given as path (relative to the project) and text.</summary>
    public static IReadOnlyList<SourceFile> Parse(IReadOnlyDictionary<string, string> files)
    {
        var viewImports = files.Where(f => f.Key.EndsWith("_ViewImports.cshtml", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetDirectoryName(f.Key)!.Replace('\\', '/'), f => Usings(f.Value, view: true));
        return [.. files.Where(f => !Path.GetFileName(f.Key).StartsWith("_View", StringComparison.Ordinal)).Select(f => f.Key.EndsWith(".cshtml", StringComparison.Ordinal)
            ? View(f.Key, f.Value, ImportsFor(f.Key, viewImports))
            : Code(f.Key, f.Value))];
    }

    private static SourceFile Code(string path, string text)
    {
        var usings = Usings(text, view: false);
        return new(path, FileNamespace().Match(text) is { Success: true } m ? m.Groups[1].Value : "", usings, usings, Strip(text));
    }

    // What _ViewImports brings into every view is seen, not used: only the names a view uses count.
    private static SourceFile View(string path, string text, IEnumerable<string> imports)
    {
        var usings = Usings(text, view: true);
        return new(path, ViewNamespace(path), usings, [.. imports, .. usings], Strip(RazorComment().Replace(text, " ")));
    }

    /// <summary>Which namespace of the site uses which other one, with the files that make each use.</summary>
    public static IReadOnlyList<NamespaceUse> Uses(IReadOnlyList<SourceFile> files)
    {
        var types = new Types(files);
        return [.. files.SelectMany(file => file.Usings.Where(types.Namespaces.Contains).Select(u => (Namespace: u, Name: "using"))
                .Concat(types.UsedBy(file))
                .Where(t => t.Namespace != file.Namespace)
                .GroupBy(t => t.Namespace, StringComparer.Ordinal)
                .Select(g => new NamespaceUse(file.Namespace, g.Key, file.Path, [.. g.Select(t => t.Name).Distinct().Order(StringComparer.Ordinal)])))];
    }

    /// <summary>The types of the site each file names (by path), with the namespace each one means there.</summary>
    public static ILookup<string, (string Namespace, string Name)> TypesUsed(IReadOnlyList<SourceFile> files)
    {
        var types = new Types(files);
        return files.SelectMany(f => types.UsedBy(f).Select(t => (f.Path, t))).ToLookup(x => x.Path, x => x.t, StringComparer.Ordinal);
    }

    /// <summary>The types each namespace of the site declares.</summary>
    private sealed class Types(IReadOnlyList<SourceFile> files)
    {
        private readonly ILookup<string, string> declared = files
            .SelectMany(f => TypeDeclaration().Matches(f.Code).Select(m => (f.Namespace, Type: m.Groups[1].Value)))
            .Distinct().ToLookup(d => d.Type, d => d.Namespace);

        public HashSet<string> Namespaces { get; } = files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);

        /// <summary>The types of the site a file names, with the namespace each one means there.</summary>
        public IEnumerable<(string Namespace, string Name)> UsedBy(SourceFile file)
        {
            foreach (Match chain in DottedName().Matches(file.Code))
            {
                var parts = WhiteSpace().Replace(chain.Value, "").Split('.');
                if (Resolve(file, parts[0]) is { } type)
                {
                    yield return (type, parts[0]);
                    continue;
                }

                // A name qualified by a namespace, written whole or from one of the file's enclosing namespaces.
                for (var length = parts.Length - 1; length > 0; length--)
                {
                    var written = string.Join('.', parts[..length]);
                    var target = Enclosing(file.Namespace).Select(e => e.Length == 0 ? written : $"{e}.{written}").FirstOrDefault(Namespaces.Contains);
                    if (target is not null && declared[parts[length]].Contains(target))
                    {
                        yield return (target, string.Join('.', parts[..(length + 1)]));
                        break;
                    }
                }
            }
        }

        /// <summary>The namespace a type name means in a file: its own, then its parents', then the ones it imports.</summary>
        private string? Resolve(SourceFile file, string name)
        {
            var candidates = declared[name].ToList();
            return candidates.Count == 0 ? null
                : Enclosing(file.Namespace).FirstOrDefault(candidates.Contains) ?? file.Sees.FirstOrDefault(candidates.Contains);
        }
    }

    /// <summary>A namespace, then each of its parents, then the global namespace ("").</summary>
    private static IEnumerable<string> Enclosing(string ns)
    {
        for (var current = ns; current.Length > 0; current = current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : "")
        {
            yield return current;
        }

        yield return "";
    }

    private static IReadOnlyList<string> Usings(string text, bool view) =>
        [.. (view ? ViewUsing() : Using()).Matches(text).Select(m => m.Groups[1].Value)];

    private static IEnumerable<string> ImportsFor(string path, Dictionary<string, IReadOnlyList<string>> viewImports) =>
        viewImports.Where(i => path.StartsWith(i.Key + "/", StringComparison.Ordinal)).SelectMany(i => i.Value);

    /// <summary>Razor's namespace for a view: the one <c>Pages/_ViewImports.cshtml</c> sets, plus the folders below it.</summary>
    private static string ViewNamespace(string path) =>
        string.Join('.', new[] { Web }.Concat(Path.GetDirectoryName(path)!.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)));

    private static string Strip(string code) => StringOrComment().Replace(code, " ");

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)\s*[;{\r\n]", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?!static\b)([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();

    // A view's model and injected services are named whole, or by a namespace it imports.
    [GeneratedRegex(@"^\s*@using\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex ViewUsing();

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"(?:^\s*(?:global\s+)?using\s+(?:static\s+)?[\w.]+\s*;|^\s*namespace\s+[\w.]+\s*;|^\s*@using\s[^\n]*)|//.*?$|/\*.*?\*/|""""""[\s\S]*?""""""|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex StringOrComment();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum|delegate\s+[\w<>\[\],?]+)\s+(?:class\s+|struct\s+)?([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*(?:\s*\.\s*[A-Z]\w*)*")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
