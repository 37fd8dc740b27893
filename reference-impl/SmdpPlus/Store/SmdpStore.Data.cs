using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

// Plain reads and writes that need no multi-statement atomicity.
public sealed partial class SmdpStore
{
    /// <summary>Adds a profile to the inventory (state as given, normally Available).</summary>
    public async Task AddProfileAsync(ProfileRecord p)
    {
        await using StoreTransaction tx = await BeginAsync().ConfigureAwait(false);
        await tx.ExecuteAsync(
            """
            INSERT INTO profiles (iccid, profile_type, state, upp, upp_path, profile_name, service_provider_name,
                profile_class, profile_policy_rules, notification_configuration, updated_at)
            VALUES ($i, $t, $s, $upp, $path, $name, $spn, $class, $ppr, $notif, $now)
            """,
            ("$i", p.Iccid), ("$t", p.ProfileType), ("$s", p.State.ToDb()), ("$upp", p.Upp), ("$path", p.UppPath),
            ("$name", p.ProfileName), ("$spn", p.ServiceProviderName), ("$class", p.ProfileClass), ("$ppr", p.ProfilePolicyRules),
            ("$notif", p.NotificationConfigurationJson), ("$now", Time(DateTimeOffset.UtcNow))).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
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
        await using StoreTransaction tx = await BeginAsync().ConfigureAwait(false);
        await tx.SaveSessionAsync(s).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
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
        await using StoreTransaction tx = await BeginAsync().ConfigureAwait(false);
        long id = await tx.AddNotificationAsync(n).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return id;
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
        await using StoreTransaction tx = await BeginAsync().ConfigureAwait(false);
        await tx.ExecuteAsync("INSERT OR REPLACE INTO pools (matching_id, profile_type) VALUES ($m, $t)", ("$m", matchingId), ("$t", profileType))
            .ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
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
