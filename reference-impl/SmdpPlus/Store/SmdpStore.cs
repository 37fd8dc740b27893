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
public sealed partial class SmdpStore : IDisposable
{
    private readonly string _connectionString;

    // One writer at a time inside the process: SQLite allows one writer anyway, and waiting here is a queue,
    // while SQLite's busy handler would sleep and retry (milliseconds of latency per conflict under load).
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Sessions as last committed, so that each ES9+ call reads its session without a query. Writes go to the
    // database first and update this cache after their commit (under the write gate); this process is the only
    // writer of its database.
    private const int SessionCacheLimit = 20_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DownloadSession> _sessions = new(StringComparer.Ordinal);

    private SmdpStore(string connectionString) => _connectionString = connectionString;

    internal bool TryCachedSession(string transactionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DownloadSession? session) =>
        _sessions.TryGetValue(transactionId, out session);

    /// <summary>After a commit: the session as written.</summary>
    internal void CacheSession(DownloadSession session)
    {
        if (_sessions.Count >= SessionCacheLimit)
        {
            _sessions.Clear();
        }
        DateTimeOffset now = DateTimeOffset.UtcNow;
        _sessions[session.TransactionId] = session with { CreatedAt = session.CreatedAt == default ? now : session.CreatedAt, UpdatedAt = now };
    }

    /// <summary>After a read: keeps the row unless a writer cached a newer one meanwhile.</summary>
    internal void CacheRead(DownloadSession session)
    {
        if (_sessions.Count < SessionCacheLimit)
        {
            _sessions.TryAdd(session.TransactionId, session);
        }
    }

    internal void ForgetSessionsOf(string iccid)
    {
        foreach (KeyValuePair<string, DownloadSession> kv in _sessions)
        {
            if (kv.Value.Iccid == iccid)
            {
                _sessions.TryRemove(kv.Key, out _);
            }
        }
    }

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
        Schema.Apply(store.Writer);
        return store;
    }

    /// <summary>
    /// The one writing connection, opened once and used only under the write gate: its pragmas run once, and
    /// no write pays for a connection open.
    /// </summary>
    private SqliteConnection Writer => _writer ??= OpenWriter();

    private SqliteConnection? _writer;

    private SqliteConnection OpenWriter()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        // Wait for another process's writer instead of failing with SQLITE_BUSY; foreign keys on.
        // synchronous NORMAL in WAL mode: a commit survives a process crash or restart (the WAL is written
        // before the commit returns); only an OS crash or power loss may drop the last commits.
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        cmd.ExecuteNonQuery();
        return c;
    }

    // Prepared statements of the writing connection, by SQL text: SQLite compiles each statement once instead of
    // once per call. Used only under the write gate, like the connection itself.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// The prepared command of <paramref name="sql"/> on the writing connection, its parameters cleared, bound to
    /// <paramref name="tx"/> (null outside a transaction). Caller holds the write gate; the command is reused, not disposed.
    /// </summary>
    internal SqliteCommand Prepared(string sql, SqliteTransaction? tx)
    {
        if (!_prepared.TryGetValue(sql, out SqliteCommand? cmd))
        {
            cmd = Writer.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }
        cmd.Parameters.Clear();
        cmd.Transaction = tx;
        return cmd;
    }

    /// <summary>A pooled connection for reads (WAL: readers never wait for the writer).</summary>
    internal SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    /// <summary>Closes the writing connection (the server does it when it stops).</summary>
    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            foreach (SqliteCommand cmd in _prepared.Values)
            {
                cmd.Dispose();
            }
            _prepared.Clear();
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Starts a write transaction (BEGIN IMMEDIATE: the write lock is taken at once).</summary>
    public async Task<StoreTransaction> BeginAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            SqliteConnection c = Writer;
            // Microsoft.Data.Sqlite begins non-deferred transactions with BEGIN IMMEDIATE.
            var tx = (SqliteTransaction)await c.BeginTransactionAsync().ConfigureAwait(false);
            return new StoreTransaction(this, c, tx);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Takes the in-process write gate for a single-statement write; dispose to release.</summary>
    internal async Task<WriteGate> WriteGateAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        return new WriteGate(_writeGate, Writer);
    }

    internal void ReleaseWriteGate() => _writeGate.Release();

    internal readonly struct WriteGate(SemaphoreSlim gate, SqliteConnection writer) : IDisposable
    {
        public SqliteConnection Connection => writer;

        public void Dispose() => gate.Release();
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
