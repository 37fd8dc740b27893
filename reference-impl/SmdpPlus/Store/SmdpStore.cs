using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>A profile's state changed (after the change was committed).</summary>
public sealed record ProfileStateChange(string Iccid, string ProfileType, string? Eid, SmdpProfileState From, SmdpProfileState To);

/// <summary>
/// The SM-DP+'s SQLite store: profiles, orders, download sessions, received notifications.
/// One file, WAL mode, a busy timeout; the schema is created (and migrated) on open.
/// Every write that must be atomic runs in a <see cref="StoreTransaction"/> (BEGIN IMMEDIATE).
/// </summary>
public sealed partial class SmdpStore
{
    private readonly string _connectionString;

    private SmdpStore(string connectionString) => _connectionString = connectionString;

    /// <summary>Raised after a transaction that changed profile states has committed.</summary>
    public event Action<ProfileStateChange>? ProfileStateChanged;

    /// <summary>Opens (and creates or migrates) the store in <paramref name="path"/>.</summary>
    public static SmdpStore Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("the SM-DP+ store needs a database file (sessions must survive a restart)", nameof(path));
        }

        var csb = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var store = new SmdpStore(csb.ToString());
        using SqliteConnection c = store.OpenConnection();
        Schema.Apply(c);
        return store;
    }

    internal SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        // Wait for the writer instead of failing with SQLITE_BUSY; foreign keys on.
        // synchronous NORMAL in WAL mode: a commit survives a process crash or restart (the WAL is written
        // before the commit returns); only an OS crash or power loss may drop the last commits.
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        cmd.ExecuteNonQuery();
        return c;
    }

    /// <summary>Starts a write transaction (BEGIN IMMEDIATE: the write lock is taken at once).</summary>
    public async Task<StoreTransaction> BeginAsync()
    {
        SqliteConnection c = OpenConnection();
        try
        {
            // Microsoft.Data.Sqlite begins non-deferred transactions with BEGIN IMMEDIATE.
            var tx = (SqliteTransaction)await c.BeginTransactionAsync().ConfigureAwait(false);
            return new StoreTransaction(this, c, tx);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    internal void RaiseChanges(IReadOnlyList<ProfileStateChange> changes)
    {
        foreach (ProfileStateChange change in changes)
        {
            ProfileStateChanged?.Invoke(change);
        }
    }

    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    internal static object Db(object? value) => value ?? DBNull.Value;

    internal static T? Get<T>(SqliteDataReader r, string column)
    {
        int i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? default : r.GetFieldValue<T>(i);
    }
}
