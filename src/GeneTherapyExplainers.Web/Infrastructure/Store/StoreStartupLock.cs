using Npgsql;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// Held while an instance migrates and seeds the store, so that however many instances start together, one does
/// the work and the others wait, then find nothing left to do. On PostgreSQL it is a session advisory lock (released
/// by the server if the instance dies); SQLite is one instance per file and needs none.
/// </summary>
public sealed class StoreStartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: any fixed number no other application on the database uses.</summary>
    public const long AdvisoryKey = 0x47_54_45_5F_53_54_4F_52; // "GTE_STOR"

    private readonly NpgsqlConnection? connection;

    private StoreStartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<StoreStartupLock> AcquireAsync(StoreSettings store, CancellationToken cancellationToken = default)
    {
        if (store.Provider != StoreProvider.PostgreSQL)
        {
            return new StoreStartupLock(null);
        }

        // A connection of its own, outside the pool's reuse, so the lock lives exactly as long as this object.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", AdvisoryKey);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StoreStartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        // Closing the session releases the lock; unlocking first says so plainly.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", AdvisoryKey);
            await command.ExecuteNonQueryAsync();
        }

        await connection.DisposeAsync();
    }
}
