using System.Globalization;
using Conformance.SmdpPlus.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Store;

/// <summary>A profile's state changed (after the change was committed).</summary>
public sealed record ProfileStateChange(string Iccid, string ProfileType, string? Eid, SmdpProfileState From, SmdpProfileState To);

/// <summary>
/// The SM-DP+'s SQLite store: profiles, orders, download sessions, received notifications.
/// One file, WAL mode, a busy timeout; the schema is created (and migrated) on open.
/// Every write runs in a <see cref="StoreTransaction"/>; concurrent ones share one SQLite transaction and its
/// COMMIT (<see cref="WriteGroup"/>), each in a savepoint of its own.
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

    private readonly string _path;

    private SmdpStore(string connectionString, string path)
    {
        _connectionString = connectionString;
        _path = path;
    }

    /// <summary>The database file, as given to <see cref="Open"/>.</summary>
    public string DatabasePath => _path;

    /// <summary>Where a failed write is reported (one line); null: standard error. The server sets its logger.</summary>
    public ILogger? Logger { get; set; }

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

    internal void ForgetSession(string transactionId) => _sessions.TryRemove(transactionId, out _);

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
        var store = new SmdpStore(SqliteStoreFile.ConnectionString(path, "SM-DP+", "sessions"), path);
        try
        {
            Schema.Apply(store.Writer);
            store.CheckWritable();
            return store;
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException)
        {
            // A start-up fault ends in one sentence (missing or read-only directory, read-only file or file system, full
            // disk, not a database, a newer schema), not in a stack trace or in a server that fails every write later.
            store.Dispose();
            throw new StoreUnavailableException(StoreFailure.OpenMessage(path, e), e);
        }
    }

    /// <summary>
    /// The start-up check that the database can be written: rewriting PRAGMA user_version with its own value is a
    /// committed write (page 1 goes to the WAL) and BEGIN IMMEDIATE takes the write lock, so a read-only file, directory
    /// or file system (also after a crash left a WAL behind on a mount that is now read-only) fails here, not at the first download.
    /// </summary>
    private void CheckWritable()
    {
        using SqliteTransaction tx = Writer.BeginTransaction();
        using SqliteCommand cmd = Writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"PRAGMA user_version = {Schema.CurrentVersion};";
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>
    /// A write that the database refused (full disk, read-only file, I/O error...): one line in the log, and the
    /// exception the ES9+ and ES2+ bindings answer as it is: Failed 1.2 / 4.2 (the SM-DP+ failed while executing the
    /// function, SGP.22 v2.5 §5.2.6) with the message "the SM-DP+ could not store the change: &lt;cause&gt;".
    /// </summary>
    internal RspRequestException WriteFailure(SqliteException e)
    {
        string cause = StoreFailure.Cause(e, _path);
        string detail = $"SQLite error {e.SqliteErrorCode}" + (e.SqliteExtendedErrorCode != e.SqliteErrorCode ? $"/{e.SqliteExtendedErrorCode}" : "");
        if (Logger is { } logger)
        {
            LogWriteFailed(logger, _path, cause, detail);
        }
        else
        {
            Console.Error.WriteLine($"SM-DP+ store: could not write to {_path}: {cause} ({detail})");
        }
        return new RspRequestException(Rsp.StatusCodes.FunctionStatusCodes.ExecutionError, StoreFailure.WriteMessage(e, _path));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "could not write to {Path}: {Cause} ({Detail})")]
    private static partial void LogWriteFailed(ILogger logger, string path, string cause, string detail);

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

    /// <summary>Closes the writing connection (the server does it when it stops), committing a group still open.</summary>
    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            if (_group is { } open)
            {
                CloseGroup(open);
            }
            ResetWriter();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the writing connection and its prepared statements (under the write gate); the next write opens it again.</summary>
    private void ResetWriter()
    {
        foreach (SqliteCommand cmd in _prepared.Values)
        {
            cmd.Dispose();
        }
        _prepared.Clear();
        if (_writer is { } writer)
        {
            _writer = null;
            try
            {
                // Not back to the pool: a connection whose transaction could not be ended is not reused.
                SqliteConnection.ClearPool(writer);
                writer.Dispose();
            }
            catch (SqliteException)
            {
                // Closing a connection the database refuses to close cleanly (I/O error) leaves nothing to do.
            }
        }
    }

    /// <summary>Most members one <see cref="WriteGroup"/> takes before it is committed even though writers are waiting.</summary>
    internal const int MaxGroupMembers = 64;

    // The group the next writer joins (only touched under the write gate), and how many writers wait for the gate.
    private WriteGroup? _group;
    private int _waiting;

    /// <summary>Writers waiting for the write gate (tests use it to line writers up into one group).</summary>
    internal int WaitingWriters => Volatile.Read(ref _waiting);

    /// <summary>
    /// Starts a write transaction: takes the write gate and joins the open <see cref="WriteGroup"/> (or opens one
    /// with BEGIN IMMEDIATE, which takes SQLite's write lock at once) inside a savepoint of its own.
    /// Use the transaction at once and end it (commit or dispose) without waiting for anything else: the members
    /// before it in the group are answered only when it has ended, so a caller that awaits another transaction's
    /// commit while holding this one (or before using it) waits for itself.
    /// </summary>
    public async Task<StoreTransaction> BeginAsync()
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _writeGate.WaitAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        WriteGroup? group = _group;
        try
        {
            if (group is null)
            {
                // Microsoft.Data.Sqlite begins non-deferred transactions with BEGIN IMMEDIATE.
                group = new WriteGroup((SqliteTransaction)await Writer.BeginTransactionAsync().ConfigureAwait(false));
                _group = group;
            }
            await Prepared("SAVEPOINT member", group.Transaction).ExecuteNonQueryAsync().ConfigureAwait(false);
            group.Members++;
            return new StoreTransaction(this, group);
        }
        catch (Exception e)
        {
            if (group is not null)
            {
                _ = EndTurn(group);
            }
            else
            {
                _writeGate.Release();
            }
            if (e is SqliteException s && StoreFailure.IsEnvironmental(s))
            {
                throw WriteFailure(s);
            }
            throw;
        }
    }

    /// <summary>
    /// A member is done (its savepoint released or rolled back); the caller holds the write gate and gives it up here.
    /// The group stays open while writers wait for the gate. When none does, its COMMIT is queued to the thread pool
    /// rather than run at once, so that writers whose requests are already being processed join it first; a full or
    /// failed group is committed (or rolled back) at once. The task completes when the group is committed.
    /// </summary>
    internal Task EndTurn(WriteGroup group)
    {
        try
        {
            if (group.Members >= MaxGroupMembers || group.Poisoned is not null)
            {
                CloseGroup(group);
            }
            else if (Volatile.Read(ref _waiting) == 0 && !group.CloseQueued)
            {
                group.CloseQueued = true;
                ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Store.CloseLaterAsync(state.Group), (Store: this, Group: group), preferLocal: false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
        return group.Committed.Task;
    }

    /// <summary>The queued COMMIT of a group, unless the group was committed meanwhile.</summary>
    private async Task CloseLaterAsync(WriteGroup group)
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (ReferenceEquals(_group, group))
            {
                CloseGroup(group);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>COMMIT of the group, then its members' cache updates and state-change events, in their order.</summary>
    private void CloseGroup(WriteGroup group)
    {
        _group = null;
        try
        {
            if (group.Poisoned is { } cause)
            {
                throw new InvalidOperationException("a member of the write group could not roll its changes back; the whole group is rolled back", cause);
            }
            group.Transaction.Commit();
        }
        catch (Exception e)
        {
            // The connection rolls the whole transaction back; every member that committed into it fails. The writing
            // connection is opened afresh, so that a transaction SQLite could not end (after a full disk, an I/O error)
            // does not keep every later write failing; the members are told in any case, so none of them waits forever.
            ForgetAllSessions();
            try
            {
                group.Transaction.Dispose();
            }
            catch (SqliteException)
            {
                // SQLite rolled it back itself; the connection is replaced below anyway.
            }
            finally
            {
                ResetWriter();
                group.Committed.TrySetException(e);
            }
            return;
        }
        group.Transaction.Dispose();
        try
        {
            // The committed-session cache is up to date, and listeners have heard, before any member answers.
            foreach (Action apply in group.AfterCommit)
            {
                apply();
            }
            RaiseChanges(group.Changes);
        }
        finally
        {
            group.Committed.TrySetResult();
        }
    }

    private void ForgetAllSessions() => _sessions.Clear();

    /// <summary>
    /// Tells the listeners; one that throws neither stops the others nor undoes the commit (it may run on a thread
    /// of its own after a queued COMMIT, where no caller would see the exception), so it is reported on stderr.
    /// </summary>
    internal void RaiseChanges(IReadOnlyList<ProfileStateChange> changes)
    {
        if (ProfileStateChanged is not { } listeners)
        {
            return;
        }
        foreach (ProfileStateChange change in changes)
        {
            foreach (Action<ProfileStateChange> listener in listeners.GetInvocationList().Cast<Action<ProfileStateChange>>())
            {
                try
                {
                    listener(change);
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"SM-DP+ store: a listener of profile state changes failed on {change.Iccid} {change.From} -> {change.To}: {e}");
                }
            }
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
