using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    public bool Enabled { get; set; } = true;

    /// <summary>Memory for whole pages, all encodings counted; the least recently read go first when it is full.</summary>
    public long MaxBytes { get; set; } = 128L * 1024 * 1024;
}

/// <summary>
/// Whole public pages kept in memory as the bytes that are sent, compressed once per encoding, with a strong ETag. A page
/// says what it shows by tags while it renders (<see cref="PageCacheHttpContextExtensions.CacheAs"/>); a content change or a
/// store save evicts exactly the pages with its tags, never a timer. Only pages that tag themselves are kept, and never
/// for a signed-in reader, a private area, an answer that sets a cookie or one that holds an antiforgery token.
/// </summary>
public sealed class PageCache(IOptions<PageCacheOptions> options, TimeProvider clock)
{
    /// <summary>Every page that shows review dates or statuses: they move when the day changes.</summary>
    public const string DayTag = "day";

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> keysByTag = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long bytes;
    private long version;
    private DateOnly day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public bool Enabled => options.Value.Enabled;

    public int Count => entries.Count;

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Goes up with every eviction: a page rendered while it moved may be out of date and is not kept.</summary>
    public long Version => Interlocked.Read(ref version);

    public Entry? Find(string key)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (today != day)
        {
            day = today;
            Evict([DayTag]);
        }

        if (entries.TryGetValue(key, out var entry))
        {
            entry.Touch();
            return entry;
        }

        return null;
    }

    /// <summary>Keeps a page unless something it shows changed while it was rendered.</summary>
    public Entry? Store(string key, string contentType, byte[] body, IReadOnlyCollection<string> tags, long renderedAt)
    {
        var entry = new Entry(contentType, body, tags);
        lock (gate)
        {
            if (Version != renderedAt)
            {
                return null;
            }

            Remove(key);
            entries[key] = entry;
            foreach (var tag in tags)
            {
                if (!keysByTag.TryGetValue(tag, out var keys))
                {
                    keysByTag[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(key);
            }

            Interlocked.Add(ref bytes, entry.Size);
            if (Bytes > options.Value.MaxBytes)
            {
                Trim();
            }
        }

        return entry;
    }

    /// <summary>Drops every page with any of the tags; <c>*</c> drops everything.</summary>
    public void Evict(IEnumerable<string> tags)
    {
        lock (gate)
        {
            Interlocked.Increment(ref version);
            foreach (var tag in tags)
            {
                if (tag == "*")
                {
                    entries.Clear();
                    keysByTag.Clear();
                    Interlocked.Exchange(ref bytes, 0);
                    return;
                }

                if (keysByTag.TryGetValue(tag, out var keys))
                {
                    foreach (var key in keys.ToList())
                    {
                        Remove(key);
                    }
                }
            }
        }
    }

    private void Remove(string key)
    {
        if (!entries.TryRemove(key, out var old))
        {
            return;
        }

        Interlocked.Add(ref bytes, -old.Size);
        foreach (var tag in old.Tags)
        {
            if (keysByTag.TryGetValue(tag, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                keysByTag.Remove(tag);
            }
        }
    }

    /// <summary>Drops the least recently read quarter of the pages.</summary>
    private void Trim()
    {
        foreach (var (key, _) in entries.OrderBy(e => e.Value.LastUsed).Take(Math.Max(1, entries.Count / 4)).ToList())
        {
            Remove(key);
        }
    }

    /// <summary>One page: its bytes as rendered, compressed forms made on first request, and its strong ETag.</summary>
    public sealed class Entry(string contentType, byte[] body, IReadOnlyCollection<string> tags)
    {
        private readonly byte[] brotli = Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal));
        private readonly byte[] gzip = Compress(body, s => new GZipStream(s, CompressionLevel.Optimal));

        public string ContentType { get; } = contentType;

        public byte[] Body { get; } = body;

        public IReadOnlyCollection<string> Tags { get; } = tags;

        public string ETag { get; } = $"\"{Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 12)).Replace('+', '-').Replace('/', '_')}\"";

        public long LastUsed { get; private set; } = Environment.TickCount64;

        public long Size => Body.Length + brotli.Length + gzip.Length + 256;

        public void Touch() => LastUsed = Environment.TickCount64;

        /// <summary>The bytes for an encoding ("br", "gzip" or null for none), compressed once when the page was kept.</summary>
        public byte[] For(string? encoding) => encoding switch
        {
            "br" => brotli,
            "gzip" => gzip,
            _ => Body,
        };

        /// <summary>Each encoding is its own representation, so each has its own strong ETag.</summary>
        public string ETagFor(string? encoding) => encoding is null ? ETag : ETag.Insert(ETag.Length - 1, "-" + encoding);

        private static byte[] Compress(byte[] body, Func<Stream, Stream> wrap)
        {
            using var output = new MemoryStream();
            using (var compressor = wrap(output))
            {
                compressor.Write(body);
            }

            return output.ToArray();
        }
    }
}
