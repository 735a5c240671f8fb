using System.Text.Json;
using System.Text.Json.Serialization;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// What a save changed, for caches to evict: a set of cache tags (such as <c>explainer:gene-therapy-explained</c>),
/// or everything. Every change is "everything" for now; precise tags can be added where saves are made.
/// </summary>
public sealed class StoreChange
{
    /// <summary>The longest NOTIFY payload PostgreSQL takes is 8000 bytes; a larger set of tags goes as everything.</summary>
    public const int MaxPayloadBytes = 7900;

    public static readonly StoreChange Everything = new(true, new HashSet<string>(StringComparer.Ordinal));

    private StoreChange(bool isEverything, IReadOnlySet<string> tags) => (IsEverything, Tags) = (isEverything, tags);

    /// <summary>True when every cached thing must go; then <see cref="Tags"/> is empty.</summary>
    public bool IsEverything { get; }

    /// <summary>The cache tags to evict; empty when <see cref="IsEverything"/>.</summary>
    public IReadOnlySet<string> Tags { get; }

    public static StoreChange Of(IEnumerable<string> tags) => new(false, tags.ToHashSet(StringComparer.Ordinal));

    /// <summary>One change that evicts what all of <paramref name="changes"/> evict.</summary>
    public static StoreChange Combine(IReadOnlyCollection<StoreChange> changes) =>
        changes.Any(c => c.IsEverything) ? Everything : Of(changes.SelectMany(c => c.Tags));

    /// <summary>
    /// The NOTIFY payload, JSON: <c>{"instance":"…","everything":true}</c> or <c>{"instance":"…","tags":["a","b"]}</c>.
    /// </summary>
    public string ToPayload(string instance)
    {
        var payload = JsonSerializer.Serialize(new Payload(instance, IsEverything ? true : null, IsEverything ? null : [.. Tags.Order(StringComparer.Ordinal)]), JsonOptions);
        return System.Text.Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes ? payload : Everything.ToPayload(instance);
    }

    /// <summary>Reads a payload; one that cannot be read counts as everything, which is always safe.</summary>
    public static (string? Instance, StoreChange Change) FromPayload(string payload)
    {
        try
        {
            var read = JsonSerializer.Deserialize<Payload>(payload, JsonOptions);
            return read is null ? (null, Everything)
                : read.Everything == true || read.Tags is null ? (read.Instance, Everything)
                : (read.Instance, Of(read.Tags));
        }
        catch (JsonException)
        {
            return (null, Everything);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record Payload(string? Instance, bool? Everything, string[]? Tags);
}

/// <summary>
/// Where store changes meet caches. <see cref="Publish"/> is for a save made by this instance: it is applied here and
/// sent to every other instance (on PostgreSQL, by <see cref="PostgresChangeFeed"/>). <see cref="Apply"/> applies a
/// change here only: one that came from another instance, or "everything" after the feed lost its connection.
/// <see cref="Applied"/> fires for every applied change, local or remote; caches subscribe to it.
/// </summary>
public sealed partial class StoreChanges(ILogger<StoreChanges>? logger = null)
{
    /// <summary>Fires, on the thread that applies it, for every change applied on this instance.</summary>
    public event Action<StoreChange>? Applied;

    /// <summary>Set by the feed that carries local changes to other instances; none on SQLite (one instance).</summary>
    internal Action<StoreChange>? Outgoing { get; set; }

    /// <summary>Applies a change on this instance only.</summary>
    public void Apply(StoreChange change)
    {
        foreach (var handler in Applied?.GetInvocationList().Cast<Action<StoreChange>>() ?? [])
        {
            try
            {
                handler(change);
            }
            catch (Exception e) when (logger is not null)
            {
                LogApplyFailed(logger, e);
            }
        }
    }

    /// <summary>A change saved by this instance: applied here, then sent to every other instance.</summary>
    public void Publish(StoreChange change)
    {
        Apply(change);
        Outgoing?.Invoke(change);
    }

    [LoggerMessage(EventId = 43, Level = LogLevel.Error, Message = "A cache failed to apply a store change")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception);
}
