using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>
/// One atomic unit of work on the store. State changes go through <see cref="ChangeStateAsync"/>, which
/// enforces <see cref="ProfileStateMachine"/>; listeners hear about them after <see cref="CommitAsync"/>.
/// Disposing without committing rolls back.
/// </summary>
public sealed class StoreTransaction : IAsyncDisposable
{
    private readonly SmdpStore _store;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _tx;
    private readonly List<ProfileStateChange> _changes = [];
    private readonly List<Action> _afterCommit = [];
    private bool _done;

    internal StoreTransaction(SmdpStore store, SqliteConnection connection, SqliteTransaction tx)
    {
        _store = store;
        _connection = connection;
        _tx = tx;
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

    /// <summary>A profile with its metadata and state; the package itself (<see cref="ProfileRecord.Upp"/>) is not read here.</summary>
    public Task<ProfileRecord?> GetProfileAsync(string iccid) => Queries.GetProfileAsync(this, iccid);

    /// <summary>Sets the state of a session without rewriting the rest of it.</summary>
    public async Task<bool> SetSessionStateAsync(string transactionId, DownloadSessionState state)
    {
        SqliteCommand cmd = Command("UPDATE sessions SET state = $s, updated_at = $now WHERE transaction_id = $t",
            ("$s", state.ToString()), ("$now", SmdpStore.Time(DateTimeOffset.UtcNow)), ("$t", transactionId));
        bool changed = await cmd.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        if (changed && _store.TryCachedSession(transactionId, out DownloadSession? cached))
        {
            DownloadSession updated = cached with { State = state, UpdatedAt = DateTimeOffset.UtcNow };
            _afterCommit.Add(() => _store.CacheSession(updated));
        }
        return changed;
    }

    public Task<OrderRecord?> GetOrderAsync(string iccid) => Queries.GetOrderAsync(this, iccid);

    /// <summary>True when some profile of this type exists (any state).</summary>
    public async Task<bool> ProfileTypeExistsAsync(string profileType)
    {
        SqliteCommand cmd = Command("SELECT 1 FROM profiles WHERE profile_type = $t LIMIT 1", ("$t", profileType));
        return await cmd.ExecuteScalarAsync().ConfigureAwait(false) is not null;
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
        if (await cmd.ExecuteScalarAsync().ConfigureAwait(false) is not string iccid)
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
        if (await cmd.ExecuteScalarAsync().ConfigureAwait(false) is not string type)
        {
            return false;
        }

        _changes.Add(new ProfileStateChange(iccid, type, eid, from, to));
        return true;
    }

    /// <summary>Inserts or replaces the order of a profile.</summary>
    public async Task SaveOrderAsync(OrderRecord order)
    {
        SqliteCommand cmd = Command(
            """
            INSERT OR REPLACE INTO orders (iccid, eid, matching_id, confirmation_code_hash, smds_address, release_flag,
                cc_attempts_left, download_attempts_left, expires_at, created_at)
            VALUES ($i, $eid, $mid, $cc, $smds, $rf, $cca, $dla, $exp, $created)
            """,
            ("$i", order.Iccid), ("$eid", order.Eid), ("$mid", order.MatchingId), ("$cc", order.ConfirmationCodeHash),
            ("$smds", order.SmdsAddress), ("$rf", order.ReleaseFlag ? 1 : 0), ("$cca", order.ConfirmationCodeAttemptsLeft),
            ("$dla", order.DownloadAttemptsLeft), ("$exp", order.ExpiresAt is { } e ? SmdpStore.Time(e) : null),
            ("$created", SmdpStore.Time(order.CreatedAt == default ? DateTimeOffset.UtcNow : order.CreatedAt)));
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task DeleteOrderAsync(string iccid)
    {
        SqliteCommand cmd = Command("DELETE FROM orders WHERE iccid = $i", ("$i", iccid));
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>True when another order already uses this (non-empty) MatchingID.</summary>
    public async Task<bool> MatchingIdInUseAsync(string matchingId, string exceptIccid)
    {
        SqliteCommand cmd = Command(
            Queries.MatchingIdInUseSql, ("$m", matchingId), ("$i", exceptIccid));
        return await cmd.ExecuteScalarAsync().ConfigureAwait(false) is not null;
    }

    /// <summary>Marks the open download sessions of a profile cancelled (CancelOrder).</summary>
    public async Task CancelSessionsOfAsync(string iccid)
    {
        SqliteCommand cmd = Command(
            "UPDATE sessions SET state = $c, updated_at = $now WHERE iccid = $i AND state NOT IN ($c, $done)",
            ("$c", nameof(DownloadSessionState.Cancelled)), ("$done", nameof(DownloadSessionState.Completed)),
            ("$now", SmdpStore.Time(DateTimeOffset.UtcNow)), ("$i", iccid));
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        _afterCommit.Add(() => _store.ForgetSessionsOf(iccid));
    }

    /// <summary>The session as last committed (from the cache of committed sessions, else the database).</summary>
    public async Task<DownloadSession?> GetSessionAsync(string transactionId)
    {
        if (_store.TryCachedSession(transactionId, out DownloadSession? cached))
        {
            return cached;
        }
        SqliteCommand cmd = Command(Queries.SessionSql, ("$t", transactionId));
        return await Queries.ReadOneAsync(cmd, Queries.ReadSession).ConfigureAwait(false);
    }

    public async Task SaveSessionAsync(DownloadSession session)
    {
        SqliteCommand cmd = Command(Queries.SaveSessionSql);
        Queries.BindSaveSession(cmd, session);
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        _afterCommit.Add(() => _store.CacheSession(session));
    }

    /// <summary>The order carrying this (non-empty) MatchingID, or null.</summary>
    public async Task<OrderRecord?> FindOrderByMatchingIdAsync(string matchingId)
    {
        SqliteCommand cmd = Command(Queries.OrderByMatchingIdSql, ("$m", matchingId));
        return await Queries.ReadOneAsync(cmd, Queries.ReadOrder).ConfigureAwait(false);
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
        return await Queries.ReadAllAsync(cmd, Queries.ReadOrder).ConfigureAwait(false);
    }

    /// <summary>The profile type behind a reusable MatchingID (see <see cref="SmdpStore.AddPoolAsync"/>), or null.</summary>
    public async Task<string?> PoolProfileTypeAsync(string matchingId)
    {
        SqliteCommand cmd = Command("SELECT profile_type FROM pools WHERE matching_id = $m", ("$m", matchingId));
        return await cmd.ExecuteScalarAsync().ConfigureAwait(false) as string;
    }

    /// <summary>The most recent session of a profile that delivered a BPP (the binding a retry may reuse), or null.</summary>
    public async Task<DownloadSession?> LastBoundSessionOfAsync(string iccid)
    {
        SqliteCommand cmd = Command(
            "SELECT * FROM sessions WHERE iccid = $i AND otpk_euicc IS NOT NULL AND otsk_dp IS NOT NULL ORDER BY updated_at DESC LIMIT 1",
            ("$i", iccid));
        return await Queries.ReadOneAsync(cmd, Queries.ReadSession).ConfigureAwait(false);
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
        return (long)(await cmd.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    public async Task CommitAsync()
    {
        await _tx.CommitAsync().ConfigureAwait(false);
        _done = true;
        foreach (Action apply in _afterCommit)
        {
            apply();
        }
        _store.RaiseChanges(_changes);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_done)
        {
            await _tx.RollbackAsync().ConfigureAwait(false);
        }

        try
        {
            await _tx.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _store.ReleaseWriteGate();
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
