using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>
/// One atomic unit of work on the store, a member of a <see cref="WriteGroup"/> (group commit). State changes go
/// through <see cref="ChangeStateAsync"/>, which enforces <see cref="ProfileStateMachine"/>; listeners hear about
/// them after the group's COMMIT. <see cref="CommitAsync"/> returns once the changes are committed; disposing
/// without committing rolls back this member's changes alone.
/// </summary>
public sealed class StoreTransaction : IAsyncDisposable
{
    private readonly SmdpStore _store;
    private readonly WriteGroup _group;
    private readonly SqliteTransaction _tx;
    private readonly List<ProfileStateChange> _changes = [];
    private readonly List<Action> _afterCommit = [];
    private readonly HashSet<string> _touchedSessions = new(StringComparer.Ordinal);
    private bool _turnEnded;
    // The failure of a statement of this transaction, whose translation is on its way to the caller.
    private SqliteException? _failure;

    internal StoreTransaction(SmdpStore store, WriteGroup group)
    {
        _store = store;
        _group = group;
        _tx = group.Transaction;
    }

    internal SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        // A prepared statement of the writing connection, reused across transactions: callers do not dispose it.
        SqliteCommand cmd = _store.Prepared(sql, _tx);
        foreach ((string name, object? value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, SmdpStore.Db(value));
        }

        return cmd;
    }

    // Every statement runs through one of these: a failure of the database (full disk, read-only file, I/O error)
    // becomes one clear log line and the answer "the SM-DP+ could not store the change: <cause>" (see SmdpStore.WriteFailure).

    /// <summary>Runs <paramref name="sql"/> (tools and the store's own writes); the number of rows changed.</summary>
    internal Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) => ExecuteAsync(Command(sql, parameters));

    internal async Task<int> ExecuteAsync(SqliteCommand cmd)
    {
        try
        {
            return await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (SqliteException e) when (StoreFailure.IsEnvironmental(e))
        {
            throw Failed(e);
        }
    }

    private async Task<object?> ScalarAsync(SqliteCommand cmd)
    {
        try
        {
            return await cmd.ExecuteScalarAsync().ConfigureAwait(false);
        }
        catch (SqliteException e) when (StoreFailure.IsEnvironmental(e))
        {
            throw Failed(e);
        }
    }

    internal async Task<T?> ReadOneAsync<T>(SqliteCommand cmd, Func<SqliteDataReader, T> map)
        where T : class
    {
        try
        {
            return await Queries.ReadOneAsync(cmd, map).ConfigureAwait(false);
        }
        catch (SqliteException e) when (StoreFailure.IsEnvironmental(e))
        {
            throw Failed(e);
        }
    }

    private async Task<List<T>> ReadAllAsync<T>(SqliteCommand cmd, Func<SqliteDataReader, T> map)
    {
        try
        {
            return await Queries.ReadAllAsync(cmd, map).ConfigureAwait(false);
        }
        catch (SqliteException e) when (StoreFailure.IsEnvironmental(e))
        {
            throw Failed(e);
        }
    }

    private Exception Failed(SqliteException e)
    {
        _failure ??= e;
        return _store.WriteFailure(e);
    }

    /// <summary>A profile with its metadata and state; the package itself (<see cref="ProfileRecord.Upp"/>) is not read here.</summary>
    public Task<ProfileRecord?> GetProfileAsync(string iccid) => Queries.GetProfileAsync(this, iccid);

    /// <summary>Sets the state of a session without rewriting the rest of it.</summary>
    public async Task<bool> SetSessionStateAsync(string transactionId, DownloadSessionState state)
    {
        SqliteCommand cmd = Command("UPDATE sessions SET state = $s, updated_at = $now WHERE transaction_id = $t",
            ("$s", state.ToString()), ("$now", SmdpStore.Time(DateTimeOffset.UtcNow)), ("$t", transactionId));
        bool changed = await ExecuteAsync(cmd).ConfigureAwait(false) == 1;
        if (changed)
        {
            DownloadSession? known = LatestKnown(transactionId);
            DownloadSession? updated = known is null ? null : known with { State = state, UpdatedAt = DateTimeOffset.UtcNow };
            Touch(transactionId, updated);
            _afterCommit.Add(updated is null ? () => _store.ForgetSession(transactionId) : () => _store.CacheSession(updated));
        }
        return changed;
    }

    public Task<OrderRecord?> GetOrderAsync(string iccid) => Queries.GetOrderAsync(this, iccid);

    /// <summary>True when some profile of this type exists (any state).</summary>
    public async Task<bool> ProfileTypeExistsAsync(string profileType)
    {
        SqliteCommand cmd = Command("SELECT 1 FROM profiles WHERE profile_type = $t LIMIT 1", ("$t", profileType));
        return await ScalarAsync(cmd).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Takes one available profile of <paramref name="profileType"/> and moves it to <paramref name="to"/>
    /// in a single UPDATE ... WHERE state = 'available' ... RETURNING; null when none is left.
    /// </summary>
    public async Task<ProfileRecord?> TakeAvailableAsync(string profileType, SmdpProfileState to)
    {
        Require(SmdpProfileState.Available, to, "(any)");
        SqliteCommand cmd = Command(
            """
            UPDATE profiles SET state = $to, updated_at = $now
            WHERE iccid = (SELECT iccid FROM profiles WHERE profile_type = $t AND state = 'available' ORDER BY iccid LIMIT 1)
              AND state = 'available'
            RETURNING iccid
            """,
            ("$to", to.ToDb()), ("$now", SmdpStore.Time(DateTimeOffset.UtcNow)), ("$t", profileType));
        if (await ScalarAsync(cmd).ConfigureAwait(false) is not string iccid)
        {
            return null;
        }

        ProfileRecord taken = (await GetProfileAsync(iccid).ConfigureAwait(false))!;
        _changes.Add(new ProfileStateChange(iccid, taken.ProfileType, null, SmdpProfileState.Available, to));
        return taken;
    }

    /// <summary>
    /// Moves a profile from <paramref name="from"/> to <paramref name="to"/> (checked against the state machine);
    /// false when the profile is not in <paramref name="from"/> any more.
    /// </summary>
    public async Task<bool> ChangeStateAsync(string iccid, SmdpProfileState from, SmdpProfileState to, string? eid = null)
    {
        Require(from, to, iccid);
        SqliteCommand cmd = Command(
            "UPDATE profiles SET state = $to, updated_at = $now WHERE iccid = $i AND state = $from RETURNING profile_type",
            ("$to", to.ToDb()), ("$now", SmdpStore.Time(DateTimeOffset.UtcNow)), ("$i", iccid), ("$from", from.ToDb()));
        if (await ScalarAsync(cmd).ConfigureAwait(false) is not string type)
        {
            return false;
        }

        _changes.Add(new ProfileStateChange(iccid, type, eid, from, to));
        return true;
    }

    /// <summary>
    /// Inserts or replaces the order of a profile. The RSP session the order is assigned to (<see cref="OrderRecord.SessionId"/>)
    /// is kept as it is: only <see cref="AssignOrderToSessionAsync"/> changes it.
    /// </summary>
    public async Task SaveOrderAsync(OrderRecord order)
    {
        SqliteCommand cmd = Command(
            """
            INSERT OR REPLACE INTO orders (iccid, eid, matching_id, confirmation_code_hash, smds_address, release_flag,
                cc_attempts_left, download_attempts_left, expires_at, created_at, session_id)
            VALUES ($i, $eid, $mid, $cc, $smds, $rf, $cca, $dla, $exp, $created, (SELECT session_id FROM orders WHERE iccid = $i))
            """,
            ("$i", order.Iccid), ("$eid", order.Eid), ("$mid", order.MatchingId), ("$cc", order.ConfirmationCodeHash),
            ("$smds", order.SmdsAddress), ("$rf", order.ReleaseFlag ? 1 : 0), ("$cca", order.ConfirmationCodeAttemptsLeft),
            ("$dla", order.DownloadAttemptsLeft), ("$exp", order.ExpiresAt is { } e ? SmdpStore.Time(e) : null),
            ("$created", SmdpStore.Time(order.CreatedAt == default ? DateTimeOffset.UtcNow : order.CreatedAt)));
        await ExecuteAsync(cmd).ConfigureAwait(false);
    }

    /// <summary>
    /// AuthenticateClient bound <paramref name="transactionId"/> to the order of <paramref name="iccid"/>: from now on only
    /// that RSP session may bind the order's profile (<see cref="TakeOrderForBindingAsync"/>). The newest session wins: an
    /// eUICC that starts again (a retry, SGP.22 v2.5 §3.1.3) takes the order over from its earlier session.
    /// </summary>
    public async Task<bool> AssignOrderToSessionAsync(string iccid, string transactionId)
    {
        SqliteCommand cmd = Command("UPDATE orders SET session_id = $t WHERE iccid = $i", ("$t", transactionId), ("$i", iccid));
        return await ExecuteAsync(cmd).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// GetBoundProfilePackage of <paramref name="transactionId"/> may bind the profile of the order: true when the order is
    /// still assigned to that session (or to none, as orders of a database from before the assignment), false when a later
    /// AuthenticateClient took it over. One conditional UPDATE in the caller's transaction (BEGIN IMMEDIATE holds SQLite's
    /// write lock), so two sessions never both bind one order, whichever process of the database serves them.
    /// </summary>
    public async Task<bool> TakeOrderForBindingAsync(string iccid, string transactionId)
    {
        SqliteCommand cmd = Command(
            "UPDATE orders SET session_id = $t WHERE iccid = $i AND (session_id = $t OR session_id IS NULL)",
            ("$t", transactionId), ("$i", iccid));
        return await ExecuteAsync(cmd).ConfigureAwait(false) == 1;
    }

    public async Task DeleteOrderAsync(string iccid)
    {
        SqliteCommand cmd = Command("DELETE FROM orders WHERE iccid = $i", ("$i", iccid));
        await ExecuteAsync(cmd).ConfigureAwait(false);
    }

    /// <summary>True when another order already uses this (non-empty) MatchingID.</summary>
    public async Task<bool> MatchingIdInUseAsync(string matchingId, string exceptIccid)
    {
        SqliteCommand cmd = Command(
            Queries.MatchingIdInUseSql, ("$m", matchingId), ("$i", exceptIccid));
        return await ScalarAsync(cmd).ConfigureAwait(false) is not null;
    }

    /// <summary>Marks the open download sessions of a profile cancelled (CancelOrder).</summary>
    public async Task CancelSessionsOfAsync(string iccid)
    {
        SqliteCommand cmd = Command(
            "UPDATE sessions SET state = $c, updated_at = $now WHERE iccid = $i AND state NOT IN ($c, $done)",
            ("$c", nameof(DownloadSessionState.Cancelled)), ("$done", nameof(DownloadSessionState.Completed)),
            ("$now", SmdpStore.Time(DateTimeOffset.UtcNow)), ("$i", iccid));
        await ExecuteAsync(cmd).ConfigureAwait(false);
        _group.AllSessionsChanged = true;
        _afterCommit.Add(() => _store.ForgetSessionsOf(iccid));
    }

    /// <summary>
    /// The session as this transaction sees it: as written earlier in the group, else as last committed (from the
    /// cache of committed sessions), else from the database.
    /// </summary>
    public async Task<DownloadSession?> GetSessionAsync(string transactionId)
    {
        if (LatestKnown(transactionId) is { } known)
        {
            return known;
        }
        SqliteCommand cmd = Command(Queries.SessionSql, ("$t", transactionId));
        return await ReadOneAsync(cmd, Queries.ReadSession).ConfigureAwait(false);
    }

    public async Task SaveSessionAsync(DownloadSession session)
    {
        SqliteCommand cmd = Command(Queries.SaveSessionSql);
        Queries.BindSaveSession(cmd, session);
        await ExecuteAsync(cmd).ConfigureAwait(false);
        Touch(session.TransactionId, session);
        _afterCommit.Add(() => _store.CacheSession(session));
    }

    /// <summary>The newest version of a session known without a query, or null when only the database knows.</summary>
    private DownloadSession? LatestKnown(string transactionId)
    {
        if (_group.Sessions.TryGetValue(transactionId, out DownloadSession? written))
        {
            return written;
        }
        return !_group.AllSessionsChanged && _store.TryCachedSession(transactionId, out DownloadSession? cached) ? cached : null;
    }

    private void Touch(string transactionId, DownloadSession? session)
    {
        _group.Sessions[transactionId] = session;
        _touchedSessions.Add(transactionId);
    }

    /// <summary>The order carrying this (non-empty) MatchingID, or null.</summary>
    public async Task<OrderRecord?> FindOrderByMatchingIdAsync(string matchingId)
    {
        SqliteCommand cmd = Command(Queries.OrderByMatchingIdSql, ("$m", matchingId));
        return await ReadOneAsync(cmd, Queries.ReadOrder).ConfigureAwait(false);
    }

    /// <summary>The orders linked to an EID whose profile is still on its way (not installed, cancelled or taken back), oldest first.</summary>
    public async Task<List<OrderRecord>> FindOpenOrdersByEidAsync(string eid)
    {
        SqliteCommand cmd = Command(
            """
            SELECT o.* FROM orders o JOIN profiles p ON p.iccid = o.iccid
            WHERE o.eid = $e AND p.state IN ('linked', 'confirmed', 'released', 'downloaded', 'error')
            ORDER BY o.created_at, o.iccid
            """, ("$e", eid));
        return await ReadAllAsync(cmd, Queries.ReadOrder).ConfigureAwait(false);
    }

    /// <summary>The profile type behind a reusable MatchingID (see <see cref="SmdpStore.AddPoolAsync"/>), or null.</summary>
    public async Task<string?> PoolProfileTypeAsync(string matchingId)
    {
        SqliteCommand cmd = Command("SELECT profile_type FROM pools WHERE matching_id = $m", ("$m", matchingId));
        return await ScalarAsync(cmd).ConfigureAwait(false) as string;
    }

    /// <summary>The most recent session of a profile that delivered a BPP (the binding a retry may reuse), or null.</summary>
    public async Task<DownloadSession?> LastBoundSessionOfAsync(string iccid)
    {
        SqliteCommand cmd = Command(
            "SELECT * FROM sessions WHERE iccid = $i AND otpk_euicc IS NOT NULL AND otsk_dp IS NOT NULL ORDER BY updated_at DESC LIMIT 1",
            ("$i", iccid));
        return await ReadOneAsync(cmd, Queries.ReadSession).ConfigureAwait(false);
    }

    /// <summary>Stores a notification received by HandleNotification; returns its id.</summary>
    public async Task<long> AddNotificationAsync(ReceivedNotification n)
    {
        SqliteCommand cmd = Command(
            """
            INSERT INTO notifications (transaction_id, iccid, eid, kind, seq_number, pending_notification, received_at)
            VALUES ($t, $i, $e, $k, $seq, $p, $now) RETURNING id
            """,
            ("$t", n.TransactionId), ("$i", n.Iccid), ("$e", n.Eid), ("$k", n.Kind), ("$seq", n.SequenceNumber),
            ("$p", n.PendingNotification), ("$now", SmdpStore.Time(n.ReceivedAt == default ? DateTimeOffset.UtcNow : n.ReceivedAt)));
        return (long)(await ScalarAsync(cmd).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Makes this transaction's changes part of its group and returns once the group is committed (at once when no
    /// other writer is waiting). Throws when the group's COMMIT failed: then nothing of this transaction was kept.
    /// </summary>
    public async Task CommitAsync()
    {
        if (_turnEnded)
        {
            throw new InvalidOperationException("the store transaction has already ended");
        }
        await ExecuteAsync(_store.Prepared("RELEASE member", _tx)).ConfigureAwait(false);
        _group.AfterCommit.AddRange(_afterCommit);
        _group.Changes.AddRange(_changes);
        _turnEnded = true;
        try
        {
            await _store.EndTurn(_group).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreFailure.EnvironmentalCause(e) is { } cause)
        {
            // The group's COMMIT failed (full disk, read-only file...): nothing of this transaction was kept.
            throw _store.WriteFailure(cause);
        }
    }

    /// <summary>Without <see cref="CommitAsync"/>: rolls this transaction's changes back and leaves the group.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_turnEnded)
        {
            return;
        }
        _turnEnded = true;
        try
        {
            await _store.Prepared("ROLLBACK TO member", _tx).ExecuteNonQueryAsync().ConfigureAwait(false);
            await _store.Prepared("RELEASE member", _tx).ExecuteNonQueryAsync().ConfigureAwait(false);
            // What this transaction wrote to sessions is gone again: later members read those from the database.
            foreach (string transactionId in _touchedSessions)
            {
                _group.Sessions[transactionId] = null;
            }
        }
        catch (Exception e) when (_failure is not null && e is SqliteException or InvalidOperationException)
        {
            // After a failed statement SQLite may have rolled the whole transaction back itself (SQLITE_FULL, I/O errors):
            // then there is no savepoint left to roll back to ("no such savepoint", or "this SqliteTransaction has
            // completed"). The group fails as a whole (poisoned, its members told the first cause), and the failure
            // already on its way to this transaction's caller is the one to report.
            _group.Poisoned = _failure;
        }
        catch (SqliteException e) when (StoreFailure.IsEnvironmental(e))
        {
            _group.Poisoned = e;
            throw _store.WriteFailure(e);
        }
        catch (Exception e)
        {
            _group.Poisoned = e;
            throw;
        }
        finally
        {
            // The group's outcome is the other members' business.
            _ = _store.EndTurn(_group);
        }
    }

    private static void Require(SmdpProfileState from, SmdpProfileState to, string iccid)
    {
        if (!ProfileStateMachine.CanTransition(from, to))
        {
            throw new InvalidProfileTransitionException(iccid, from, to);
        }
    }
}
