using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

// Plain reads and writes that need no multi-statement atomicity.
public sealed partial class SmdpStore
{
    /// <summary>Adds a profile to the inventory (state as given, normally Available).</summary>
    public async Task AddProfileAsync(ProfileRecord p)
    {
        using WriteGate gate = await WriteGateAsync().ConfigureAwait(false);
        SqliteConnection c = gate.Connection;
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText =
            """
            INSERT INTO profiles (iccid, profile_type, state, upp, upp_path, profile_name, service_provider_name,
                profile_class, profile_policy_rules, notification_configuration, updated_at)
            VALUES ($i, $t, $s, $upp, $path, $name, $spn, $class, $ppr, $notif, $now)
            """;
        cmd.Parameters.AddWithValue("$i", p.Iccid);
        cmd.Parameters.AddWithValue("$t", p.ProfileType);
        cmd.Parameters.AddWithValue("$s", p.State.ToDb());
        cmd.Parameters.AddWithValue("$upp", Db(p.Upp));
        cmd.Parameters.AddWithValue("$path", Db(p.UppPath));
        cmd.Parameters.AddWithValue("$name", Db(p.ProfileName));
        cmd.Parameters.AddWithValue("$spn", Db(p.ServiceProviderName));
        cmd.Parameters.AddWithValue("$class", Db(p.ProfileClass));
        cmd.Parameters.AddWithValue("$ppr", Db(p.ProfilePolicyRules));
        cmd.Parameters.AddWithValue("$notif", Db(p.NotificationConfigurationJson));
        cmd.Parameters.AddWithValue("$now", Time(DateTimeOffset.UtcNow));
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task<ProfileRecord?> GetProfileAsync(string iccid)
    {
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = Queries.ProfileSql;
        cmd.Parameters.AddWithValue("$i", iccid);
        return await Queries.ReadOneAsync(cmd, Queries.ReadProfile).ConfigureAwait(false);
    }

    public async Task<OrderRecord?> GetOrderAsync(string iccid)
    {
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = Queries.OrderSql;
        cmd.Parameters.AddWithValue("$i", iccid);
        return await Queries.ReadOneAsync(cmd, Queries.ReadOrder).ConfigureAwait(false);
    }

    /// <summary>Inserts or updates a download session (keyed by transactionId).</summary>
    public async Task SaveSessionAsync(DownloadSession s)
    {
        using WriteGate gate = await WriteGateAsync().ConfigureAwait(false);
        SqliteCommand cmd = Prepared(Queries.SaveSessionSql, null);
        Queries.BindSaveSession(cmd, s);
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        CacheSession(s);
    }

    public async Task<DownloadSession?> GetSessionAsync(string transactionId)
    {
        if (TryCachedSession(transactionId, out DownloadSession? cached))
        {
            return cached;
        }
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = Queries.SessionSql;
        cmd.Parameters.AddWithValue("$t", transactionId);
        DownloadSession? read = await Queries.ReadOneAsync(cmd, Queries.ReadSession).ConfigureAwait(false);
        if (read is not null)
        {
            CacheRead(read);
        }
        return read;
    }

    /// <summary>Stores a notification received by HandleNotification; returns its id.</summary>
    public async Task<long> AddNotificationAsync(ReceivedNotification n)
    {
        using WriteGate gate = await WriteGateAsync().ConfigureAwait(false);
        SqliteCommand cmd = Prepared(
            """
            INSERT INTO notifications (transaction_id, iccid, eid, kind, seq_number, pending_notification, received_at)
            VALUES ($t, $i, $e, $k, $seq, $p, $now) RETURNING id
            """, null);
        cmd.Parameters.AddWithValue("$t", Db(n.TransactionId));
        cmd.Parameters.AddWithValue("$i", Db(n.Iccid));
        cmd.Parameters.AddWithValue("$e", Db(n.Eid));
        cmd.Parameters.AddWithValue("$k", n.Kind);
        cmd.Parameters.AddWithValue("$seq", Db(n.SequenceNumber));
        cmd.Parameters.AddWithValue("$p", n.PendingNotification);
        cmd.Parameters.AddWithValue("$now", Time(n.ReceivedAt == default ? DateTimeOffset.UtcNow : n.ReceivedAt));
        return (long)(await cmd.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<ReceivedNotification>> ListNotificationsAsync()
    {
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT * FROM notifications ORDER BY id";
        return await Queries.ReadAllAsync(cmd, Queries.ReadNotification).ConfigureAwait(false);
    }

    /// <summary>Moves one profile between states in its own transaction (used by ES9+ steps and tools).</summary>
    public async Task<bool> ChangeStateAsync(string iccid, SmdpProfileState from, SmdpProfileState to, string? eid = null)
    {
        await using StoreTransaction tx = await BeginAsync().ConfigureAwait(false);
        bool changed = await tx.ChangeStateAsync(iccid, from, to, eid).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return changed;
    }

    /// <summary>
    /// Registers a reusable MatchingID: each AuthenticateClient with it takes one Available profile of
    /// <paramref name="profileType"/> for the calling eUICC (a generic activation code). Replaces an earlier pool of the same MatchingID.
    /// </summary>
    public async Task AddPoolAsync(string matchingId, string profileType)
    {
        using WriteGate gate = await WriteGateAsync().ConfigureAwait(false);
        SqliteConnection c = gate.Connection;
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO pools (matching_id, profile_type) VALUES ($m, $t)";
        cmd.Parameters.AddWithValue("$m", matchingId);
        cmd.Parameters.AddWithValue("$t", profileType);
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Every profile of the inventory (tools and tests).</summary>
    public async Task<IReadOnlyList<ProfileRecord>> ListProfilesAsync()
    {
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT * FROM profiles ORDER BY iccid";
        return await Queries.ReadAllAsync(cmd, Queries.ReadProfile).ConfigureAwait(false);
    }
}
