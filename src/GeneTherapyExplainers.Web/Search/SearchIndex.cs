using System.Net;
using System.Text;
using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GeneTherapyExplainers.Web.Search;

public enum SearchKind
{
    Explainer,
    GlossaryTerm,
}

/// <summary>One search result: the page, the section when the match is in one, and a snippet with the matched words marked.</summary>
public sealed record SearchHit(SearchKind Kind, string Title, string Url, string? Section, string SnippetHtml, double Score);

/// <summary>
/// Full-text search over published explainers (section by section) and glossary terms, with SQLite FTS5 in a
/// private in-memory database: independent of the store's database, rebuilt whole from each new catalog and
/// swapped in, so a search never sees half an index.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 12;
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';
    private static readonly string[] Columns = ["$kind", "$title", "$url", "$aliases", "$heading", "$body"];
    private volatile Generation current;

    public SearchIndex(ContentCatalogProvider content) => current = Build(content.Current);

    /// <summary>Indexes a new catalog and swaps it in; searches already running finish on the old index.</summary>
    public void Rebuild(ContentCatalog catalog)
    {
        var old = current;
        current = Build(catalog);
        old.Release();
    }

    /// <summary>Searches with the reader's words, whatever they typed: punctuation and search syntax count as nothing.</summary>
    public IReadOnlyList<SearchHit> Search(string? query, int limit = 20)
    {
        var match = ToMatchExpression(query, current.Catalog);
        if (match is null)
        {
            return [];
        }

        // A failed acquire means a rebuild has just retired this generation; the next read sees the new one.
        Generation generation;
        do
        {
            generation = current;
        }
        while (!generation.TryAcquire());

        try
        {
            using var connection = generation.Open();
            using var command = connection.CreateCommand();
            // Weights: title 10, aliases 8, heading 5, body 1. One best row per page, best pages first.
            command.CommandText = """
                SELECT kind, title, url, heading, snippet(pages, 5, $start, $end, '…', 14) AS snippet,
                       bm25(pages, 0.0, 10.0, 0.0, 8.0, 5.0, 1.0) AS score
                FROM pages WHERE pages MATCH $match ORDER BY score LIMIT 200
                """;
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$start", MarkStart.ToString());
            command.Parameters.AddWithValue("$end", MarkEnd.ToString());
            var hits = new List<SearchHit>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var page = reader.GetString(2);
                var url = reader.IsDBNull(3) ? page : $"{page}#{reader.GetString(3).Split('\u001F')[0]}";
                var section = reader.IsDBNull(3) ? null : reader.GetString(3).Split('\u001F')[1];
                hits.Add(new SearchHit((SearchKind)reader.GetInt32(0), reader.GetString(1), url, section,
                    Highlight(reader.GetString(4)), reader.GetDouble(5)));
            }

            // Best row per page; a page whose title holds every word of the query comes before the rest.
            var words = TextStatistics.Words(query!).Select(w => w.ToLowerInvariant()).ToList();
            return [.. hits.GroupBy(h => h.Url.Split('#')[0]).Select(g => g.First())
                .OrderByDescending(h => TitleMatch(h.Title, words)).ThenBy(h => h.Score).Take(limit)];
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>
    /// Turns free text into a safe FTS5 expression: each word quoted and prefix-matched, all words required; when the
    /// text names a glossary term or alias, the term's other names are accepted too ("AAV" also finds
    /// "adeno-associated virus"). Returns null when no word is left.
    /// </summary>
    public static string? ToMatchExpression(string? query, ContentCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var words = TextStatistics.Words(text).Take(MaxWords).Select(w => w.Replace('’', '\'')).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var alternatives = new List<string> { string.Join(" AND ", words.Select(w => Quote(w) + "*")) };
        var normalized = " " + string.Join(' ', words).ToLowerInvariant() + " ";
        foreach (var term in catalog.Glossary)
        {
            var phrases = term.Phrases.ToList();
            if (phrases.Any(p => normalized.Contains(" " + string.Join(' ', TextStatistics.Words(p)).ToLowerInvariant() + " ", StringComparison.Ordinal)))
            {
                alternatives.AddRange(phrases.Select(p => Quote(string.Join(' ', TextStatistics.Words(p)))));
            }
        }

        return string.Join(" OR ", alternatives.Distinct(StringComparer.Ordinal));
    }

    public void Dispose() => current.Release();

    /// <summary>2 when the title is exactly the query's words, 1 when every word starts a word of the title, else 0.</summary>
    private static int TitleMatch(string title, List<string> words)
    {
        var titleWords = TextStatistics.Words(title).Select(w => w.ToLowerInvariant()).ToList();
        if (titleWords.SequenceEqual(words))
        {
            return 2;
        }

        return words.All(w => titleWords.Any(t => t.StartsWith(w, StringComparison.Ordinal))) ? 1 : 0;
    }

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    private static Generation Build(ContentCatalog catalog)
    {
        var generation = new Generation(catalog);
        using var connection = generation.Open();
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE pages USING fts5(kind UNINDEXED, title, url UNINDEXED, aliases, heading, body, tokenize = 'porter unicode61 remove_diacritics 2')";
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO pages (kind, title, url, aliases, heading, body) VALUES ($kind, $title, $url, $aliases, $heading, $body)";
        var parameters = Columns.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        void Add(SearchKind kind, string title, string url, string aliases, string? heading, string body)
        {
            parameters[0].Value = (int)kind;
            parameters[1].Value = title;
            parameters[2].Value = url;
            parameters[3].Value = aliases;
            parameters[4].Value = (object?)heading ?? DBNull.Value;
            parameters[5].Value = body;
            insert.ExecuteNonQuery();
        }

        foreach (var e in catalog.Published)
        {
            var url = $"/explainers/{e.Slug}";
            var intro = new StringBuilder(e.Summary).Append(' ').AppendJoin(' ', e.KeyPoints);
            foreach (var section in e.Sections)
            {
                if (section.Id is null)
                {
                    intro.Append(' ').Append(section.Text);
                }
                else
                {
                    // The heading column carries "id␟text": the id builds the link, the text is shown.
                    Add(SearchKind.Explainer, e.Title, url, "", $"{section.Id}\u001F{section.Heading}", section.Heading + ". " + section.Text);
                }
            }

            Add(SearchKind.Explainer, e.Title, url, "", null, intro.ToString());
        }

        foreach (var t in catalog.Glossary)
        {
            Add(SearchKind.GlossaryTerm, t.Term, $"/glossary/{t.Key}", string.Join(", ", t.Aliases), null, t.Definition + " " + t.ExplanationText);
        }

        transaction.Commit();
        return generation;
    }

    /// <summary>
    /// One built index: a named shared-cache in-memory database, kept alive by an anchor connection until the last
    /// search using it has finished.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
        Justification = "Reference counted: the anchor connection is disposed by the last Release, not by an owner.")]
    private sealed class Generation
    {
        private readonly string connectionString = $"Data Source=search-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        private readonly SqliteConnection anchor;
        private int users = 1;

        public Generation(ContentCatalog catalog)
        {
            Catalog = catalog;
            anchor = new SqliteConnection(connectionString);
            anchor.Open();
        }

        public ContentCatalog Catalog { get; }

        public SqliteConnection Open()
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            return connection;
        }

        public bool TryAcquire()
        {
            while (true)
            {
                var seen = Volatile.Read(ref users);
                if (seen == 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref users, seen + 1, seen) == seen)
                {
                    return true;
                }
            }
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref users) == 0)
            {
                anchor.Dispose();
            }
        }
    }
}
