using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>Row mappers and the read queries shared by <see cref="SmdpStore"/> and <see cref="StoreTransaction"/>.</summary>
internal static class Queries
{
    public const string ProfileSql = "SELECT * FROM profiles WHERE iccid = $i";
    public const string OrderSql = "SELECT * FROM orders WHERE iccid = $i";

    public static async Task<ProfileRecord?> GetProfileAsync(StoreTransaction tx, string iccid)
    {
        await using SqliteCommand cmd = tx.Command(ProfileSql, ("$i", iccid));
        return await ReadOneAsync(cmd, ReadProfile).ConfigureAwait(false);
    }

    public static async Task<OrderRecord?> GetOrderAsync(StoreTransaction tx, string iccid)
    {
        await using SqliteCommand cmd = tx.Command(OrderSql, ("$i", iccid));
        return await ReadOneAsync(cmd, ReadOrder).ConfigureAwait(false);
    }

    public static async Task<T?> ReadOneAsync<T>(SqliteCommand cmd, Func<SqliteDataReader, T> map)
        where T : class
    {
        await using SqliteDataReader r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        return await r.ReadAsync().ConfigureAwait(false) ? map(r) : null;
    }

    public static async Task<List<T>> ReadAllAsync<T>(SqliteCommand cmd, Func<SqliteDataReader, T> map)
    {
        var list = new List<T>();
        await using SqliteDataReader r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        while (await r.ReadAsync().ConfigureAwait(false))
        {
            list.Add(map(r));
        }

        return list;
    }

    public static ProfileRecord ReadProfile(SqliteDataReader r) => new()
    {
        Iccid = r.GetString(r.GetOrdinal("iccid")),
        ProfileType = r.GetString(r.GetOrdinal("profile_type")),
        State = ProfileStateMachine.FromDb(r.GetString(r.GetOrdinal("state"))),
        Upp = SmdpStore.Get<byte[]>(r, "upp"),
        UppPath = SmdpStore.Get<string>(r, "upp_path"),
        ProfileName = SmdpStore.Get<string>(r, "profile_name"),
        ServiceProviderName = SmdpStore.Get<string>(r, "service_provider_name"),
        ProfileClass = NullableInt(r, "profile_class"),
        ProfilePolicyRules = NullableInt(r, "profile_policy_rules"),
        NotificationConfigurationJson = SmdpStore.Get<string>(r, "notification_configuration"),
    };

    public static OrderRecord ReadOrder(SqliteDataReader r) => new()
    {
        Iccid = r.GetString(r.GetOrdinal("iccid")),
        Eid = SmdpStore.Get<string>(r, "eid"),
        MatchingId = SmdpStore.Get<string>(r, "matching_id"),
        ConfirmationCodeHash = SmdpStore.Get<byte[]>(r, "confirmation_code_hash"),
        SmdsAddress = SmdpStore.Get<string>(r, "smds_address"),
        ReleaseFlag = r.GetInt64(r.GetOrdinal("release_flag")) != 0,
        ConfirmationCodeAttemptsLeft = r.GetInt32(r.GetOrdinal("cc_attempts_left")),
        DownloadAttemptsLeft = r.GetInt32(r.GetOrdinal("download_attempts_left")),
        ExpiresAt = SmdpStore.Get<string>(r, "expires_at") is { } e ? SmdpStore.ParseTime(e) : null,
        CreatedAt = SmdpStore.ParseTime(r.GetString(r.GetOrdinal("created_at"))),
    };

    public static DownloadSession ReadSession(SqliteDataReader r) => new()
    {
        TransactionId = r.GetString(r.GetOrdinal("transaction_id")),
        State = Enum.Parse<DownloadSessionState>(r.GetString(r.GetOrdinal("state"))),
        Iccid = SmdpStore.Get<string>(r, "iccid"),
        Eid = SmdpStore.Get<string>(r, "eid"),
        MatchingId = SmdpStore.Get<string>(r, "matching_id"),
        EuiccChallenge = SmdpStore.Get<byte[]>(r, "euicc_challenge"),
        ServerChallenge = SmdpStore.Get<byte[]>(r, "server_challenge"),
        EuiccInfo1 = SmdpStore.Get<byte[]>(r, "euicc_info1"),
        CiPkId = SmdpStore.Get<byte[]>(r, "ci_pkid"),
        OtPkEuicc = SmdpStore.Get<byte[]>(r, "otpk_euicc"),
        OtSkDp = SmdpStore.Get<byte[]>(r, "otsk_dp"),
        OtPkDp = SmdpStore.Get<byte[]>(r, "otpk_dp"),
        SessionKeys = SmdpStore.Get<byte[]>(r, "session_keys"),
        BoundProfilePackage = SmdpStore.Get<byte[]>(r, "bpp"),
        CreatedAt = SmdpStore.ParseTime(r.GetString(r.GetOrdinal("created_at"))),
        UpdatedAt = SmdpStore.ParseTime(r.GetString(r.GetOrdinal("updated_at"))),
    };

    public static ReceivedNotification ReadNotification(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(r.GetOrdinal("id")),
        TransactionId = SmdpStore.Get<string>(r, "transaction_id"),
        Iccid = SmdpStore.Get<string>(r, "iccid"),
        Eid = SmdpStore.Get<string>(r, "eid"),
        Kind = r.GetString(r.GetOrdinal("kind")),
        SequenceNumber = NullableInt(r, "seq_number"),
        PendingNotification = r.GetFieldValue<byte[]>(r.GetOrdinal("pending_notification")),
        ReceivedAt = SmdpStore.ParseTime(r.GetString(r.GetOrdinal("received_at"))),
    };

    private static int? NullableInt(SqliteDataReader r, string column)
    {
        int i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetInt32(i);
    }
}
