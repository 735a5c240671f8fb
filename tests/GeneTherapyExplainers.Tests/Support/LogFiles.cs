using System.Text.Json;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>Reads a site's log files (compact JSON, one entry a line) while the site may still be writing them.</summary>
public static class LogFiles
{
    public static string Folder(SiteFactory site) => Path.Combine(site.DataRoot, "logs");

    /// <summary>Every line of every log file, as written.</summary>
    public static IReadOnlyList<string> Lines(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Every entry; fails the test if any line is not a whole JSON entry of its own.</summary>
    public static IReadOnlyList<JsonElement> Entries(string folder) => [.. Lines(folder).Where(l => l.Length > 0).Select(Parse)];

    /// <summary>The value of a property of an entry as text, or null.</summary>
    public static string? Property(this JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;

    private static JsonElement Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var entry = document.RootElement.Clone();
            Assert.True(entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("@t", out _), $"Not a log entry: {line}");
            return entry;
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"A log line is not a JSON entry of its own ({ex.Message}): {line}");
        }
    }
}
