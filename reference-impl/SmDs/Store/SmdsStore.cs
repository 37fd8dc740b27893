using System.Globalization;
using Microsoft.Data.Sqlite;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmDs.Store;

/// <summary>One Event Record of the SM-DS (SGP.22 v2.5 §3.6: EID, EventID, RSP Server address), with when it was registered.</summary>
public sealed record EventRecord(string EventId, string Eid, string RspServerAddress, DateTimeOffset Created);

/// <summary>What a registration did.</summary>
public enum RegisterOutcome
{
    Registered,
    AlreadyExists,
}

/// <summary>The database cannot be opened or written: one sentence for the operator.</summary>
public sealed class SmdsStoreUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The SM-DS's Event Records in SQLite (one table, keyed by EID and EventID), so that they survive a restart. Every call
/// opens its own pooled connection; writes are single statements, so SQLite's own locking serialises them.
/// </summary>
public sealed class SmdsStore : IDisposable
{
    private const int SchemaVersion = 1;

    private readonly string _connectionString;

    private SmdsStore(string connectionString, string path)
    {
        _connectionString = connectionString;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (and creates) the store in <paramref name="path"/>; ":memory:" is refused.</summary>
    public static SmdsStore Open(string path)
    {
        var store = new SmdsStore(SqliteStoreFile.ConnectionString(path, "SM-DS", "Event Records"), path);
        try
        {
            using SqliteConnection c = store.Connect();
            using SqliteCommand cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version;";
            long version = (long)cmd.ExecuteScalar()!;
            if (version > SchemaVersion)
            {
                throw new InvalidDataException($"schema version {version} is newer than this SM-DS's {SchemaVersion}");
            }
            cmd.CommandText = "PRAGMA journal_mode = WAL;"
                + "CREATE TABLE IF NOT EXISTS events (eid TEXT NOT NULL, event_id TEXT NOT NULL, rsp_server_address TEXT NOT NULL,"
                + " created TEXT NOT NULL, PRIMARY KEY (eid, event_id));"
                + $"PRAGMA user_version = {SchemaVersion};";
            cmd.ExecuteNonQuery();
            return store;
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException)
        {
            store.Dispose();
            throw new SmdsStoreUnavailableException(SqliteStoreFile.OpenFailure(path, "SM-DS", e), e);
        }
    }

    /// <summary>Adds an Event Record; an existing one with the same EID and EventID is left as it is.</summary>
    public async Task<RegisterOutcome> RegisterAsync(EventRecord e)
    {
        await using SqliteConnection c = Connect();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO events (eid, event_id, rsp_server_address, created) VALUES ($eid, $id, $addr, $created) ON CONFLICT DO NOTHING;";
        cmd.Parameters.AddWithValue("$eid", e.Eid);
        cmd.Parameters.AddWithValue("$id", e.EventId);
        cmd.Parameters.AddWithValue("$addr", e.RspServerAddress);
        cmd.Parameters.AddWithValue("$created", e.Created.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return await cmd.ExecuteNonQueryAsync().ConfigureAwait(false) == 1 ? RegisterOutcome.Registered : RegisterOutcome.AlreadyExists;
    }

    /// <summary>Deletes the Event Record of <paramref name="eid"/> with <paramref name="eventId"/>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string eid, string eventId)
    {
        await using SqliteConnection c = Connect();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM events WHERE eid = $eid AND event_id = $id;";
        cmd.Parameters.AddWithValue("$eid", eid);
        cmd.Parameters.AddWithValue("$id", eventId);
        return await cmd.ExecuteNonQueryAsync().ConfigureAwait(false) > 0;
    }

    /// <summary>The Event Records of one EID (or of every EID when <paramref name="eid"/> is null), oldest first.</summary>
    public async Task<IReadOnlyList<EventRecord>> EventsAsync(string? eid)
    {
        await using SqliteConnection c = Connect();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT eid, event_id, rsp_server_address, created FROM events"
            + (eid is null ? "" : " WHERE eid = $eid") + " ORDER BY created, rowid;";
        if (eid is not null)
        {
            cmd.Parameters.AddWithValue("$eid", eid);
        }
        var list = new List<EventRecord>();
        await using SqliteDataReader r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        while (await r.ReadAsync().ConfigureAwait(false))
        {
            list.Add(new EventRecord(r.GetString(1), r.GetString(0), r.GetString(2),
                DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        }
        return list;
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 10000;";
        cmd.ExecuteNonQuery();
        return c;
    }

    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
}
