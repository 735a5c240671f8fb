using System.Net;
using System.Text;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GeneTherapyExplainers.Web.Pages.Search;

public enum SearchKind
{
    Explainer,
    GlossaryTerm,
}

/// <summary>One search result: the page, the section when the match is in one, and a snippet with the matched words marked.</summary>
public sealed record SearchHit(SearchKind Kind, string Title, string Url, string? Section, string SnippetHtml, double Score)
{
    /// <summary>0 when the row holds every word of a reading of the query; 1 when only a glossary term's other names matched.</summary>
    public int Tier { get; init; }
}

/// <summary>
/// Full-text search over published explainers (section by section) and glossary terms, with SQLite FTS5 in a private
/// database file of its own (independent of the store, and out of the process's memory). It follows the catalog change by
/// change: each change replaces the rows of the pages it touched in one transaction, so a search never sees half of it.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 12;
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';
    private static readonly string[] Columns = ["$kind", "$title", "$url", "$aliases", "$heading", "$body"];
    private readonly ContentCatalogProvider? content;
    private readonly Func<ContentCatalog> catalog;
    private readonly string file = Path.Combine(Path.GetTempPath(), $"gte-search-{Guid.NewGuid():N}.db");
    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly Lock gate = new();

    public SearchIndex(ContentCatalogProvider content)
        : this(() => content.Current)
    {
        this.content = content;
        // Changes picked up while the first build is indexed wait for it, then follow in order.
        lock (gate)
        {
            content.Changed += Apply;
            Apply(content.Initial);
        }
    }

    /// <summary>An index of one catalog build, not following later changes (for comparing with one that did).</summary>
    internal SearchIndex(CatalogChange initial, Func<ContentCatalog> catalog)
        : this(catalog) => Apply(initial);

    private SearchIndex(Func<ContentCatalog> catalog)
    {
        this.catalog = catalog;
        connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = OFF;
            CREATE VIRTUAL TABLE pages USING fts5(kind UNINDEXED, title, url UNINDEXED, aliases, heading, body, tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE TABLE page_rows (url TEXT NOT NULL, id INTEGER NOT NULL);
            CREATE INDEX page_rows_url ON page_rows (url);
            """);
    }

    /// <summary>Replaces the rows of every page the change touched, in one transaction.</summary>
    public void Apply(CatalogChange change)
    {
        lock (gate)
        {
            using var transaction = writer.BeginTransaction();
            using var rows = new Rows(writer, transaction);
            foreach (var slug in change.RemovedExplainers)
            {
                rows.Remove(SitePaths.Explainer(slug));
            }

            foreach (var key in change.RemovedTerms)
            {
                rows.Remove(SitePaths.Term(key));
            }

            foreach (var (e, sections) in change.ChangedExplainers)
            {
                var url = SitePaths.Explainer(e.Slug);
                rows.Remove(url);
                if (e.Draft)
                {
                    continue;
                }

                var intro = new StringBuilder(e.Summary).Append(' ').AppendJoin(' ', e.KeyPoints);
                foreach (var section in sections)
                {
                    if (section.Id is null)
                    {
                        intro.Append(' ').Append(section.Text);
                    }
                    else
                    {
                        // The heading column carries "id␟text": the id builds the link, the text is shown.
                        rows.Add(SearchKind.Explainer, e.Title, url, "", $"{section.Id}\u001F{section.Heading}", section.Heading + ". " + section.Text);
                    }
                }

                rows.Add(SearchKind.Explainer, e.Title, url, "", null, intro.ToString());
            }

            foreach (var t in change.ChangedTerms)
            {
                var url = SitePaths.Term(t.Key);
                rows.Remove(url);
                rows.Add(SearchKind.GlossaryTerm, t.Term, url, string.Join(", ", t.Aliases), null, t.Definition + " " + t.ExplanationText);
            }

            transaction.Commit();
        }
    }

    /// <summary>Searches with the reader's words, whatever they typed: punctuation and search syntax count as nothing.</summary>
    public IReadOnlyList<SearchHit> Search(string? query, int limit = 20)
    {
        var current = catalog();
        var match = ToMatchExpression(query, current);
        if (match is null)
        {
            return [];
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // Rows holding every word of a reading of the query come first; rows found only through a glossary term's other
        // names ("adeno-associated virus" for "AAV") follow.
        var readings = QueryExpansion.Expression(query, current.Synonyms)!;
        var hits = Run(connection, readings);
        if (match != readings)
        {
            var found = hits.Select(h => h.Url).ToHashSet(StringComparer.Ordinal);
            hits.AddRange(Run(connection, match).Where(h => !found.Contains(h.Url)).Select(h => h with { Tier = 1 }));
        }

        return SearchRanking.Order(hits, query!, current.Synonyms, limit);
    }

    private static List<SearchHit> Run(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        // Weights: title 10, aliases 8, heading 5, body 1.
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

        return hits;
    }

    /// <summary>
    /// Turns free text into a safe FTS5 expression (see <see cref="QueryExpansion"/>): each word quoted and prefix-matched
    /// in any of its spellings, all words required; everyday phrases also stand for the site's words for them; and when
    /// the text names a glossary term or alias, the term's other names are accepted too ("AAV" also finds
    /// "adeno-associated virus"). Returns null when no word is left.
    /// </summary>
    public static string? ToMatchExpression(string? query, ContentCatalog catalog)
    {
        var readings = QueryExpansion.Readings(query, catalog.Synonyms);
        if (readings.Count == 0)
        {
            return null;
        }

        var synonyms = catalog.Synonyms;
        var alternatives = new List<string> { QueryExpansion.Expression(query, synonyms)! };
        foreach (var term in catalog.Glossary)
        {
            var phrases = term.Phrases.SelectMany(synonyms.SpellingsOfPhrase).Select(SynonymList.Normalize).Distinct(StringComparer.Ordinal).ToList();
            if (readings.Any(r => QueryExpansion.Contains(r, phrases, synonyms)))
            {
                alternatives.AddRange(phrases.Select(Quote));
            }
        }

        return string.Join(" OR ", alternatives.Distinct(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (content is not null)
        {
            content.Changed -= Apply;
        }

        writer.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    /// <summary>Adds and removes the rows of pages within one transaction.</summary>
    private sealed class Rows : IDisposable
    {
        private readonly SqliteCommand insert;
        private readonly SqliteCommand track;
        private readonly SqliteCommand remove;
        private readonly SqliteParameter[] parameters;

        public Rows(SqliteConnection connection, SqliteTransaction transaction)
        {
            insert = Command(connection, transaction, "INSERT INTO pages (kind, title, url, aliases, heading, body) VALUES ($kind, $title, $url, $aliases, $heading, $body)");
            parameters = [.. Columns.Select(n => insert.Parameters.Add(n, SqliteType.Text))];
            track = Command(connection, transaction, "INSERT INTO page_rows (url, id) VALUES ($url, last_insert_rowid())");
            track.Parameters.Add("$url", SqliteType.Text);
            remove = Command(connection, transaction, "DELETE FROM pages WHERE rowid IN (SELECT id FROM page_rows WHERE url = $url); DELETE FROM page_rows WHERE url = $url");
            remove.Parameters.Add("$url", SqliteType.Text);
        }

        public void Add(SearchKind kind, string title, string url, string aliases, string? heading, string body)
        {
            parameters[0].Value = (int)kind;
            parameters[1].Value = title;
            parameters[2].Value = url;
            parameters[3].Value = aliases;
            parameters[4].Value = (object?)heading ?? DBNull.Value;
            parameters[5].Value = body;
            insert.ExecuteNonQuery();
            track.Parameters[0].Value = url;
            track.ExecuteNonQuery();
        }

        public void Remove(string url)
        {
            remove.Parameters[0].Value = url;
            remove.ExecuteNonQuery();
        }

        public void Dispose()
        {
            insert.Dispose();
            track.Dispose();
            remove.Dispose();
        }

        private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }
    }
}
