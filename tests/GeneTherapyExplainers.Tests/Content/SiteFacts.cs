using System.Globalization;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Markdown;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>
/// Facts that several pages of the site state, each with a way to find where a page states it and to read the value
/// it gives. A fact is looked for sentence by sentence: the sentence's paragraph (or table row, or key point) must
/// mention <see cref="Fact.Anchor"/>, the sentence must match <see cref="Fact.Sentence"/>, and the first match of
/// <see cref="Fact.Value"/> in it is the stated value. Add a fact here when a new page repeats a number.
/// </summary>
internal static partial class SiteFacts
{
    /// <summary>One fact: where to look for it and how to read and normalise its value.</summary>
    public sealed record Fact(string Name, Regex Anchor, Regex Sentence, Regex Value, Func<Match, string> Normalise);

    /// <summary>A value stated by one page, with the sentence it was found in.</summary>
    public sealed record Statement(string Fact, string Value, string Path, string Sentence);

    public static IReadOnlyList<Fact> All { get; } =
    [
        new("Zolgensma dose for each kilogram of body weight", Rx("Zolgensma"), Rx(@"kilogram|\bkg\b"), BigNumber(), NormaliseNumber),
        new("Luxturna dose for each eye", Rx("Luxturna"), Rx(@"\beye\b"), BigNumber(), NormaliseNumber),
        new("Zolgensma UK list price", Rx("Zolgensma"), Rx("£"), Rx(@"£[\d,]+"), m => m.Value),
        new("Casgevy US list price", Rx("Casgevy"), Rx(@"\$"), Rx(@"\$[\d.]+ (?:million|billion)"), m => m.Value),
        new("Year the FDA first approved Casgevy", Rx("Casgevy"), Rx(@"(?=.*approv)(?=.*\b(?:US|United States|FDA|Food and Drug Administration)\b)"), Rx(@"\b(?:19|20)\d\d\b"), m => m.Value),
        new("Year the FDA first approved Zolgensma", Rx("Zolgensma"), Rx(@"(?=.*approv)(?=.*\b(?:US|United States|FDA|Food and Drug Administration)\b)"), Rx(@"\b(?:19|20)\d\d\b"), m => m.Value),
        new("Deaths reported after Elevidys in 2025", Rx("Elevidys"), Rx(@"\bdied\b|\bdeaths?\b"), Rx(@"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b"), m => m.Value.ToLowerInvariant()),
        new("When blood cancers were found after Skysona", Rx("Skysona"), Rx(@"\bmonths?\b"), Rx(@"\d+ months? and \d+ years?"), m => m.Value),
        new("Longest recommended follow-up after gene therapy", Rx("."), Rx(@"\bup to \d+ years\b"), Rx(@"\bup to (\d+) years\b"), m => m.Groups[1].Value),
        new("Number of genes that carry the instructions for proteins", Rx(@"\bgenes\b"), Rx(@"\babout [\d,]+ genes\b"), Rx(@"\babout ([\d,]+) genes\b"), m => m.Groups[1].Value),
        new("Year the WHO stopped using -mab for new names", Rx("-mab"), Rx(@"\b(?:stop|stopped|since)\b"), Rx(@"\b(?:19|20)\d\d\b"), m => m.Value),
        new("Share of rare diseases with an approved medicine in the US", Rx(@"rare disease"), Rx(@"\b\d+ in (?:every )?100\b"), Rx(@"\b(\d+) in (?:every )?100\b"), m => m.Groups[1].Value),
    ];

    /// <summary>Every statement of every fact in a content folder: explainers (front matter and body) and glossary terms.</summary>
    public static IReadOnlyList<Statement> Find(string contentRoot)
    {
        var catalog = ContentLoader.Load(contentRoot);
        var units = new List<(string Path, string Text)>();
        foreach (var e in catalog.All)
        {
            units.Add((e.SourcePath, e.Title));
            units.Add((e.SourcePath, e.Summary));
            units.AddRange(e.KeyPoints.Select(p => (e.SourcePath, p)));
            if (e.Infographic is { } picture)
            {
                units.Add((e.SourcePath, picture.Alt));
                units.Add((e.SourcePath, picture.Description ?? ""));
            }

            units.AddRange(BodyUnits(contentRoot, e.SourcePath));
        }

        foreach (var t in catalog.Glossary)
        {
            units.Add((t.SourcePath, t.Definition));
            units.AddRange(BodyUnits(contentRoot, t.SourcePath));
        }

        var found = new List<Statement>();
        foreach (var (path, text) in units)
        {
            foreach (var fact in All.Where(f => f.Anchor.IsMatch(text)))
            {
                foreach (var sentence in Readability.SplitSentences(text).Where(s => fact.Sentence.IsMatch(s)))
                {
                    if (fact.Value.Match(sentence) is { Success: true } value)
                    {
                        found.Add(new Statement(fact.Name, fact.Normalise(value), path, sentence));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Paragraphs, and table rows as one unit each with their column headings, so a row reads as a sentence.</summary>
    private static IEnumerable<(string Path, string Text)> BodyUnits(string contentRoot, string path)
    {
        var document = MarkdownRendering.Parse(File.ReadAllText(Path.Combine(contentRoot, path)));
        foreach (var table in document.Descendants<Table>())
        {
            var rows = table.OfType<TableRow>().ToList();
            var headings = rows.FirstOrDefault(r => r.IsHeader)?.Select(c => MarkdownRendering.PlainText(c)).ToList() ?? [];
            foreach (var row in rows.Where(r => !r.IsHeader))
            {
                var cells = row.Select((c, i) => (i < headings.Count ? headings[i] + ": " : "") + MarkdownRendering.PlainText(c));
                yield return (path, string.Join(" | ", cells));
            }
        }

        foreach (var paragraph in document.Descendants<ParagraphBlock>().Where(p => p.Parent is not TableCell))
        {
            yield return (path, MarkdownRendering.PlainText(paragraph));
        }
    }

    private static Regex Rx(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>"110 trillion", "1.1 × 10¹⁴", "1.1 x 10^14", "150 billion".</summary>
    private static Regex BigNumber() =>
        Rx(@"\d+(?:[.,]\d+)*\s*(?:trillion|billion|million)|\d+(?:\.\d+)?\s*[×x]\s*10\s*\^?[⁰¹²³⁴⁵⁶⁷⁸⁹\d]+");

    private static string NormaliseNumber(Match match)
    {
        var text = match.Value.ToLowerInvariant().Replace(",", "", StringComparison.Ordinal);
        double value;
        if (ScaleWord().Match(text) is { Success: true } words)
        {
            var scale = words.Groups[2].Value switch { "trillion" => 1e12, "billion" => 1e9, _ => 1e6 };
            value = double.Parse(words.Groups[1].Value, CultureInfo.InvariantCulture) * scale;
        }
        else
        {
            var parts = text.Split(['×', 'x'], 2);
            var exponent = new string(parts[1].Trim()[2..].Select(Superscript).Where(char.IsDigit).ToArray());
            value = double.Parse(parts[0].Trim(), CultureInfo.InvariantCulture) * Math.Pow(10, int.Parse(exponent, CultureInfo.InvariantCulture));
        }

        return value.ToString("0.###E+0", CultureInfo.InvariantCulture);
    }

    private static char Superscript(char c) => "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? (char)('0' + i) : c;

    [GeneratedRegex(@"([\d.]+)\s*(trillion|billion|million)")]
    private static partial Regex ScaleWord();
}
