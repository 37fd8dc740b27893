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

    /// <summary>A profile with its metadata and state; the package itself (<see cref="ProfileRecord.Upp"/>) is not read here.</summary>
    public Task<ProfileRecord?> GetProfileAsync(string iccid) => Queries.GetProfileAsync(this, iccid);

    /// <summary>Sets the state of a session without rewriting the rest of it.</summary>
    public async Task<bool> SetSessionStateAsync(string transactionId, DownloadSessionState state)
    {
        SqliteCommand cmd = Command("UPDATE sessions SET state = $s, updated_at = $now WHERE transaction_id = $t",
            ("$s", state.ToString()), ("$now", SmdpStore.Time(DateTimeOffset.UtcNow)), ("$t", transactionId));
        bool changed = await cmd.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
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
        return await Queries.ReadOneAsync(cmd, Queries.ReadSession).ConfigureAwait(false);
    }

    public async Task SaveSessionAsync(DownloadSession session)
    {
        SqliteCommand cmd = Command(Queries.SaveSessionSql);
        Queries.BindSaveSession(cmd, session);
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
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
        await _store.Prepared("RELEASE member", _tx).ExecuteNonQueryAsync().ConfigureAwait(false);
        _group.AfterCommit.AddRange(_afterCommit);
        _group.Changes.AddRange(_changes);
        _turnEnded = true;
        await _store.EndTurn(_group).ConfigureAwait(false);
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
