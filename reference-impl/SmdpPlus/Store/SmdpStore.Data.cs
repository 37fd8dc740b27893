using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

// Plain reads and writes that need no multi-statement atomicity.
public sealed partial class SmdpStore
{
    /// <summary>Adds a profile to the inventory (state as given, normally Available).</summary>
    public async Task AddProfileAsync(ProfileRecord p)
    {
        await using SqliteConnection c = OpenConnection();
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
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText =
            """
            INSERT INTO sessions (transaction_id, state, iccid, eid, matching_id, euicc_challenge, server_challenge,
                euicc_info1, ci_pkid, otpk_euicc, otsk_dp, otpk_dp, session_keys, bpp, created_at, updated_at)
            VALUES ($t, $s, $i, $e, $m, $ec, $sc, $ei, $ci, $ope, $osd, $opd, $keys, $bpp, $now, $now)
            ON CONFLICT(transaction_id) DO UPDATE SET state = $s, iccid = $i, eid = $e, matching_id = $m,
                euicc_challenge = $ec, server_challenge = $sc, euicc_info1 = $ei, ci_pkid = $ci, otpk_euicc = $ope,
                otsk_dp = $osd, otpk_dp = $opd, session_keys = $keys, bpp = $bpp, updated_at = $now
            """;
        cmd.Parameters.AddWithValue("$t", s.TransactionId);
        cmd.Parameters.AddWithValue("$s", s.State.ToString());
        cmd.Parameters.AddWithValue("$i", Db(s.Iccid));
        cmd.Parameters.AddWithValue("$e", Db(s.Eid));
        cmd.Parameters.AddWithValue("$m", Db(s.MatchingId));
        cmd.Parameters.AddWithValue("$ec", Db(s.EuiccChallenge));
        cmd.Parameters.AddWithValue("$sc", Db(s.ServerChallenge));
        cmd.Parameters.AddWithValue("$ei", Db(s.EuiccInfo1));
        cmd.Parameters.AddWithValue("$ci", Db(s.CiPkId));
        cmd.Parameters.AddWithValue("$ope", Db(s.OtPkEuicc));
        cmd.Parameters.AddWithValue("$osd", Db(s.OtSkDp));
        cmd.Parameters.AddWithValue("$opd", Db(s.OtPkDp));
        cmd.Parameters.AddWithValue("$keys", Db(s.SessionKeys));
        cmd.Parameters.AddWithValue("$bpp", Db(s.BoundProfilePackage));
        cmd.Parameters.AddWithValue("$now", Time(DateTimeOffset.UtcNow));
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task<DownloadSession?> GetSessionAsync(string transactionId)
    {
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT * FROM sessions WHERE transaction_id = $t";
        cmd.Parameters.AddWithValue("$t", transactionId);
        return await Queries.ReadOneAsync(cmd, Queries.ReadSession).ConfigureAwait(false);
    }

    /// <summary>Stores a notification received by HandleNotification; returns its id.</summary>
    public async Task<long> AddNotificationAsync(ReceivedNotification n)
    {
        await using SqliteConnection c = OpenConnection();
        await using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText =
            """
            INSERT INTO notifications (transaction_id, iccid, eid, kind, seq_number, pending_notification, received_at)
            VALUES ($t, $i, $e, $k, $seq, $p, $now) RETURNING id
            """;
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
}
