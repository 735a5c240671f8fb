using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>
/// The incremental catalog against a catalog built from scratch: after every step of many generated sequences of adds,
/// edits, renames, deletes, broken saves and image changes, the two must say exactly the same.
/// </summary>
public class CatalogBuilderTests
{
    [Theory]
    [MemberData(nameof(Seeds))]
    public void AfterAnySequenceOfChangesTheIncrementalCatalogEqualsOneBuiltFromScratch(int seed)
    {
        using var content = new TempContent();
        var random = new Random(seed);
        var builder = new CatalogBuilder(content.Root);
        builder.Build();
        for (var step = 0; step < 40; step++)
        {
            var previous = builder.Catalog;
            var touched = ContentChanges.Apply(content, random);
            builder.Update(touched);
            var scratch = ContentLoader.Load(content.Root, previous: previous);
            Assert.Equal(Describe(scratch), Describe(builder.Catalog));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AfterAnySequenceOfChangesTheSiteAndValidateReportTheSameProblems(int seed)
    {
        using var content = new TempContent();
        var random = new Random(seed + 1000);
        var builder = new CatalogBuilder(content.Root);
        builder.Build();
        for (var step = 0; step < 40; step++)
        {
            builder.Update(ContentChanges.Apply(content, random));
            Assert.Equal(ContentLoader.Load(content.Root).Problems, builder.Catalog.Problems);
        }
    }

    [Fact]
    public void AChangedTermReparsesOnlyTheExplainersThatListIt()
    {
        using var content = new TempContent();
        content.Term("vector", "vector", "A carrier.").Term("gene", "gene", "An instruction.");
        content.Write("explainers/uses-vector.md", "---\ntitle: A\nsummary: S.\ncategory: C\nkeyTerms: [vector]\n---\n\nA vector carries it.\n");
        content.Write("explainers/uses-gene.md", "---\ntitle: B\nsummary: S.\ncategory: C\nkeyTerms: [gene]\n---\n\nA gene is here.\n");
        var builder = new CatalogBuilder(content.Root, TestContentOptions.WithoutSourceRule);
        builder.Build();
        var untouched = builder.Catalog.Find("uses-gene");

        content.Term("vector", "vector", "A carrier that takes a gene into a cell.");
        var change = builder.Update(["glossary/vector.md"]);

        Assert.Equal(["uses-vector"], change.ChangedExplainers.Select(c => c.Explainer.Slug));
        Assert.Same(untouched, builder.Catalog.Find("uses-gene"));
        Assert.Contains("takes a gene into a cell", builder.Catalog.Find("uses-vector")!.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingAMissingTermPublishesTheExplainerThatNeededIt()
    {
        using var content = new TempContent();
        content.Write("explainers/needs.md", "---\ntitle: A\nsummary: S.\ncategory: C\nkeyTerms: [dna]\n---\n\nDNA is here.\n");
        var builder = new CatalogBuilder(content.Root, TestContentOptions.WithoutSourceRule);
        builder.Build();
        Assert.Null(builder.Catalog.Find("needs"));

        content.Term("dna", "DNA", "The molecule of genes.");
        builder.Update(["glossary/dna.md"]);

        Assert.NotNull(builder.Catalog.FindPublished("needs"));
        Assert.DoesNotContain(builder.Catalog.Problems, p => p.Severity == ProblemSeverity.Error);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    /// <summary>Everything a reader or editor can see of a catalog, as text.</summary>
    internal static List<string> Describe(ContentCatalog catalog) =>
    [
        .. catalog.All.Select(e => $"E {e.Slug} {e.Title} draft={e.Draft} {e.Series}/{e.Order} terms={string.Join(',', e.KeyTerms.Select(t => t.Key + ":" + t.Definition))} img={e.Infographic?.Image} body={e.BodyHtml}"),
        .. catalog.Published.Select(e => "P " + e.Slug),
        .. catalog.Glossary.Select(t => $"T {t.Key} {t.Term} [{string.Join(',', t.Aliases)}] {t.Definition} {t.ExplanationHtml}"),
        .. catalog.Problems.Select(p => "! " + p).Order(StringComparer.Ordinal),
        .. catalog.Files.Select(f => "F " + f),
    ];
}

/// <summary>Random but valid-looking edits to a small content folder, with broken saves among them.</summary>
internal static class ContentChanges
{
    private static readonly string[] Terms = ["t0", "t1", "t2", "t3", "t4", "t5"];
    private static readonly string[] Explainers = ["e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7"];

    /// <summary>Makes one change and returns the relative paths it touched.</summary>
    public static List<string> Apply(TempContent content, Random random)
    {
        var roll = random.Next(100);
        if (roll < 10)
        {
            var image = $"media/m{random.Next(2)}.svg";
            var full = Path.Combine(content.Root, image);
            if (File.Exists(full))
            {
                File.Delete(full);
            }
            else
            {
                content.Write(image, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            }

            return [image];
        }

        var isTerm = roll < 40;
        var folder = isTerm ? "glossary" : "explainers";
        var key = isTerm ? Terms[random.Next(Terms.Length)] : Explainers[random.Next(Explainers.Length)];
        var path = $"{folder}/{key}.md";
        var existing = Path.Combine(content.Root, path);
        var action = random.Next(10);
        if (action < 2 && File.Exists(existing))
        {
            File.Delete(existing);
            return [path];
        }

        if (action < 4 && File.Exists(existing))
        {
            var renamed = $"{folder}/{(isTerm ? Terms : Explainers)[random.Next(Terms.Length)]}.md";
            if (renamed != path)
            {
                File.Move(existing, Path.Combine(content.Root, renamed), overwrite: true);
                return [path, renamed];
            }
        }

        if (action == 4)
        {
            content.Write(path, "---\ntitle: [broken\n---\n\nText.\n");
            return [path];
        }

        content.Write(path, isTerm ? TermFile(key, random) : ExplainerFile(random));
        return [path];
    }

    private static string TermFile(string key, Random random)
    {
        var aliases = new[] { "shared", "alias" + key, "carrier" }.Where(_ => random.Next(3) == 0);
        var link = random.Next(4) == 0 ? $"See [a page](/explainers/{Explainers[random.Next(Explainers.Length)]})." : "";
        return $"---\nterm: word{key}\naliases: [{string.Join(", ", aliases)}]\ndefinition: Meaning {random.Next(3)}.\n---\n\nAbout it. {link}\n";
    }

    private static string ExplainerFile(Random random)
    {
        var terms = Terms.Where(_ => random.Next(3) == 0).Append("t9".Where(_ => random.Next(8) == 0).Select(_ => "t9").FirstOrDefault()).OfType<string>();
        var series = random.Next(3) == 0 ? "" : $"series: s{random.Next(2)}\norder: {random.Next(3)}\n";
        var draft = random.Next(6) == 0 ? "draft: true\n" : "";
        var image = random.Next(4) == 0 ? $"infographic:\n  image: m{random.Next(2)}.svg\n  alt: A picture.\n" : "";
        var link = random.Next(3) == 0 ? random.Next(2) == 0
            ? $"[more](/explainers/{Explainers[random.Next(Explainers.Length)]})"
            : $"[word](/glossary/{Terms[random.Next(Terms.Length)]})" : "";
        var words = string.Join(' ', Terms.Select(t => "word" + t).Where(_ => random.Next(2) == 0));
        var count = random.Next(5); // fewer than three keeps a page unpublished
        var sources = count == 0 ? "" : "sources:\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"  - title: S{i}\n    publisher: P\n    url: https://example.org/{i}\n"));
        return $"---\ntitle: Page {random.Next(5)}\nsummary: S.\ncategory: C{random.Next(2)}\n{series}{draft}{image}keyTerms: [{string.Join(", ", terms)}]\n{sources}---\n\nText with {words} and shared carrier. {link}\n";
    }
}
