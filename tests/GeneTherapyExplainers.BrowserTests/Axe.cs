using System.Text.Json;
using GeneTherapyExplainers.Tests.Support;
using OpenQA.Selenium.Chrome;

namespace GeneTherapyExplainers.BrowserTests;

/// <summary>Runs axe-core (from the npm package) in the current page for WCAG 2.0, 2.1 and 2.2 A and AA rules.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "GeneTherapyExplainers.BrowserTests", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is not installed at {path}. bash scripts/test.sh installs it (npm ci in tests/GeneTherapyExplainers.BrowserTests).");
    });

    /// <summary>The violations as readable lines: rule, impact, help and the first few elements.</summary>
    public static IReadOnlyList<string> Violations(ChromeDriver driver)
    {
        driver.ExecuteScript(Source.Value);
        var json = (string?)driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))))
              .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """);
        using var parsed = JsonDocument.Parse(json ?? "[]");
        return [.. parsed.RootElement.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }
}
