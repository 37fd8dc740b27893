using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>Row mappers and the read queries shared by <see cref="SmdpStore"/> and <see cref="StoreTransaction"/>.</summary>
internal static class Queries
{
    public const string ProfileSql = "SELECT * FROM profiles WHERE iccid = $i";

    /// <summary>A profile without its package (what transactions need: state and metadata).</summary>
    public const string ProfileWithoutPackageSql =
        """
        SELECT iccid, profile_type, state, NULL AS upp, upp_path, profile_name, service_provider_name, profile_class,
            profile_policy_rules, notification_configuration, updated_at
        FROM profiles WHERE iccid = $i
        """;
    public const string OrderSql = "SELECT * FROM orders WHERE iccid = $i";
    public const string OrderByMatchingIdSql = $"SELECT * FROM orders WHERE matching_id = $m AND {Schema.MatchingIdIndexed} LIMIT 1";
    public const string MatchingIdInUseSql = $"SELECT 1 FROM orders WHERE matching_id = $m AND {Schema.MatchingIdIndexed} AND iccid <> $i LIMIT 1";

    public static Task<ProfileRecord?> GetProfileAsync(StoreTransaction tx, string iccid) =>
        tx.ReadOneAsync(tx.Command(ProfileWithoutPackageSql, ("$i", iccid)), ReadProfile);

    public static Task<OrderRecord?> GetOrderAsync(StoreTransaction tx, string iccid) =>
        tx.ReadOneAsync(tx.Command(OrderSql, ("$i", iccid)), ReadOrder);

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
        SessionId = SmdpStore.Get<string>(r, "session_id"),
    };

    public const string SessionSql = "SELECT * FROM sessions WHERE transaction_id = $t";

    /// <summary>The upsert of one session (keyed by transactionId); <see cref="BindSaveSession"/> binds its values.</summary>
    public const string SaveSessionSql =
            """
            INSERT INTO sessions (transaction_id, state, iccid, eid, matching_id, euicc_challenge, server_challenge,
                euicc_info1, ci_pkid, otpk_euicc, otsk_dp, otpk_dp, session_keys, bpp, euicc_certificate, cc_required,
                profile_metadata, ppk, bpp_euicc_otpk, smdp_signature2, created_at, updated_at)
            VALUES ($t, $s, $i, $e, $m, $ec, $sc, $ei, $ci, $ope, $osd, $opd, $keys, $bpp, $cert, $cc, $meta, $ppk, $reuse, $sig2, $now, $now)
            ON CONFLICT(transaction_id) DO UPDATE SET state = $s, iccid = $i, eid = $e, matching_id = $m,
                euicc_challenge = $ec, server_challenge = $sc, euicc_info1 = $ei, ci_pkid = $ci, otpk_euicc = $ope,
                otsk_dp = $osd, otpk_dp = $opd, session_keys = $keys, bpp = $bpp, euicc_certificate = $cert,
                cc_required = $cc, profile_metadata = $meta, ppk = $ppk, bpp_euicc_otpk = $reuse, smdp_signature2 = $sig2, updated_at = $now
            """;

    /// <summary>Binds the values of <paramref name="s"/> to a command of <see cref="SaveSessionSql"/>.</summary>
    public static void BindSaveSession(SqliteCommand cmd, DownloadSession s)
    {
        SqliteParameterCollection p = cmd.Parameters;
        p.AddWithValue("$t", s.TransactionId);
        p.AddWithValue("$s", s.State.ToString());
        p.AddWithValue("$i", SmdpStore.Db(s.Iccid));
        p.AddWithValue("$e", SmdpStore.Db(s.Eid));
        p.AddWithValue("$m", SmdpStore.Db(s.MatchingId));
        p.AddWithValue("$ec", SmdpStore.Db(s.EuiccChallenge));
        p.AddWithValue("$sc", SmdpStore.Db(s.ServerChallenge));
        p.AddWithValue("$ei", SmdpStore.Db(s.EuiccInfo1));
        p.AddWithValue("$ci", SmdpStore.Db(s.CiPkId));
        p.AddWithValue("$ope", SmdpStore.Db(s.OtPkEuicc));
        p.AddWithValue("$osd", SmdpStore.Db(s.OtSkDp));
        p.AddWithValue("$opd", SmdpStore.Db(s.OtPkDp));
        p.AddWithValue("$keys", SmdpStore.Db(s.SessionKeys));
        p.AddWithValue("$bpp", SmdpStore.Db(s.BoundProfilePackage));
        p.AddWithValue("$cert", SmdpStore.Db(s.EuiccCertificate));
        p.AddWithValue("$cc", s.CcRequired ? 1 : 0);
        p.AddWithValue("$meta", SmdpStore.Db(s.ProfileMetadata));
        p.AddWithValue("$ppk", SmdpStore.Db(s.Ppk));
        p.AddWithValue("$reuse", SmdpStore.Db(s.BppEuiccOtpk));
        p.AddWithValue("$sig2", SmdpStore.Db(s.SmdpSignature2));
        p.AddWithValue("$now", SmdpStore.Time(DateTimeOffset.UtcNow));
    }

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
        EuiccCertificate = SmdpStore.Get<byte[]>(r, "euicc_certificate"),
        CcRequired = r.GetInt64(r.GetOrdinal("cc_required")) != 0,
        ProfileMetadata = SmdpStore.Get<byte[]>(r, "profile_metadata"),
        Ppk = SmdpStore.Get<byte[]>(r, "ppk"),
        BppEuiccOtpk = SmdpStore.Get<byte[]>(r, "bpp_euicc_otpk"),
        SmdpSignature2 = SmdpStore.Get<byte[]>(r, "smdp_signature2"),
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
