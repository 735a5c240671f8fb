using System.Threading.Channels;
using Npgsql;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// Carries store changes between instances on PostgreSQL with LISTEN/NOTIFY (channel <see cref="Channel"/>): every
/// change this instance publishes is sent with <c>pg_notify</c>, and every change another instance sends is applied
/// here. NOTIFY does not replay what a listener missed, so whenever the listening connection is lost, and again once
/// it listens anew, everything is evicted.
/// </summary>
public sealed partial class PostgresChangeFeed : BackgroundService
{
    public const string Channel = "gte_store_changes";

    /// <summary>The listening connection's application_name, as pg_stat_activity shows it.</summary>
    public const string ApplicationName = "gte-store-change-feed";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);
    private readonly StoreChanges changes;
    private readonly ILogger<PostgresChangeFeed> logger;
    private readonly NpgsqlDataSource sender;
    private readonly string listenConnection;
    private readonly Channel<StoreChange> outgoing = System.Threading.Channels.Channel.CreateUnbounded<StoreChange>(new() { SingleReader = true });
    private volatile TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresChangeFeed(StoreSettings store, StoreChanges changes, ILogger<PostgresChangeFeed> logger)
    {
        this.changes = changes;
        this.logger = logger;
        sender = NpgsqlDataSource.Create(store.ConnectionString);
        // Its own connection, never pooled: it holds LISTEN for as long as the instance runs.
        listenConnection = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false, ApplicationName = ApplicationName }.ConnectionString;
        changes.Outgoing = change => outgoing.Writer.TryWrite(change);
    }

    /// <summary>This instance's id, carried in every payload it sends, so it ignores its own echoes.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>True while the feed listens: changes from other instances reach this one.</summary>
    public bool IsListening => listening.Task.IsCompletedSuccessfully;

    /// <summary>Completes once the feed listens (again, after a lost connection).</summary>
    public Task Listening => listening.Task;

    /// <summary>Starts listening, and waits a little for it, so the instance serves with the feed up.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(Listening, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenConnection);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Received(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was saved while no one listened here is unknown (before the first LISTEN too): start afresh.
                changes.Apply(StoreChange.Everything);
                if (lost)
                {
                    LogListeningAgain(logger);
                }

                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Idle, stoppingToken))
                    {
                        // Nothing for a while: make sure the connection is still there.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or InvalidOperationException or TimeoutException)
            {
                if (listening.Task.IsCompleted)
                {
                    listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                lost = true;
                changes.Apply(StoreChange.Everything);
                LogListenFailed(logger, e.Message);
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Received(string payload)
    {
        var (from, change) = StoreChange.FromPayload(payload);
        if (from != Instance)
        {
            changes.Apply(change);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                // Everything queued so far goes as one notification.
                var batch = new List<StoreChange>();
                while (outgoing.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                await NotifyAsync(StoreChange.Combine(batch).ToPayload(Instance), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(string payload, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var notify = sender.CreateCommand("SELECT pg_notify(@channel, @payload)");
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", payload);
                await notify.ExecuteNonQueryAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                // The others lost the server too, or will evict everything when they listen again.
                LogNotifyFailed(logger, e.Message);
                return;
            }
        }
    }

    public override void Dispose()
    {
        sender.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Store change feed lost its connection ({Reason}); every cached store read is dropped until it listens again")]
    private static partial void LogListenFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Store change feed listens again; every cached store read was dropped")]
    private static partial void LogListeningAgain(ILogger logger);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "A store change could not be sent to the other instances ({Reason})")]
    private static partial void LogNotifyFailed(ILogger logger, string reason);
}
