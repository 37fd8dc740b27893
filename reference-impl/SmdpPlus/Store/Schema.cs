using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>The database schema, created on open and versioned in <c>PRAGMA user_version</c>.</summary>
internal static class Schema
{
    /// <summary>Bump with every change and add the migration step to <see cref="Steps"/>.</summary>
    public const int CurrentVersion = 3;

    private static readonly string[] Steps =
    [
        // version 1
        """
        CREATE TABLE profiles (
            iccid TEXT PRIMARY KEY NOT NULL,
            profile_type TEXT NOT NULL,
            state TEXT NOT NULL,
            upp BLOB NULL,
            upp_path TEXT NULL,
            profile_name TEXT NULL,
            service_provider_name TEXT NULL,
            profile_class INTEGER NULL,
            profile_policy_rules INTEGER NULL,
            notification_configuration TEXT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_profiles_type_state ON profiles(profile_type, state);
        CREATE TABLE orders (
            iccid TEXT PRIMARY KEY NOT NULL REFERENCES profiles(iccid),
            eid TEXT NULL,
            matching_id TEXT NULL,
            confirmation_code_hash BLOB NULL,
            smds_address TEXT NULL,
            release_flag INTEGER NOT NULL DEFAULT 0,
            cc_attempts_left INTEGER NOT NULL,
            download_attempts_left INTEGER NOT NULL,
            expires_at TEXT NULL,
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_orders_matching_id ON orders(matching_id) WHERE matching_id IS NOT NULL AND matching_id <> '';
        CREATE TABLE sessions (
            transaction_id TEXT PRIMARY KEY NOT NULL,
            state TEXT NOT NULL,
            iccid TEXT NULL,
            eid TEXT NULL,
            matching_id TEXT NULL,
            euicc_challenge BLOB NULL,
            server_challenge BLOB NULL,
            euicc_info1 BLOB NULL,
            ci_pkid BLOB NULL,
            otpk_euicc BLOB NULL,
            otsk_dp BLOB NULL,
            otpk_dp BLOB NULL,
            session_keys BLOB NULL,
            bpp BLOB NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE notifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            transaction_id TEXT NULL,
            iccid TEXT NULL,
            eid TEXT NULL,
            kind TEXT NOT NULL,
            seq_number INTEGER NULL,
            pending_notification BLOB NOT NULL,
            received_at TEXT NOT NULL
        );
        """,
        // version 2: what the ES9+ functions keep per session (eUICC certificate for later signatures,
        // confirmation-code flag, profileMetadata, PPKs, the one-time key offered for reuse) and the
        // profile pools behind reusable MatchingIDs.
        """
        ALTER TABLE sessions ADD COLUMN euicc_certificate BLOB NULL;
        ALTER TABLE sessions ADD COLUMN cc_required INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sessions ADD COLUMN profile_metadata BLOB NULL;
        ALTER TABLE sessions ADD COLUMN ppk BLOB NULL;
        ALTER TABLE sessions ADD COLUMN bpp_euicc_otpk BLOB NULL;
        ALTER TABLE sessions ADD COLUMN smdp_signature2 BLOB NULL;
        CREATE INDEX ix_sessions_iccid ON sessions(iccid);
        CREATE INDEX ix_orders_eid ON orders(eid);
        CREATE TABLE pools (
            matching_id TEXT PRIMARY KEY NOT NULL,
            profile_type TEXT NOT NULL
        );
        """,
        // version 3: the RSP session that may bind the order (the one of its latest AuthenticateClient): one order
        // yields one download, however many sessions of the same eUICC ask for it at the same time.
        """
        ALTER TABLE orders ADD COLUMN session_id TEXT NULL;
        """,
    ];

    /// <summary>
    /// The condition of the partial index ux_orders_matching_id, to be repeated word for word in a query by MatchingID:
    /// SQLite uses a partial index only when the query's WHERE implies the index's, and "matching_id = $m" with a
    /// bound $m does not imply "matching_id &lt;&gt; ''", so without it every lookup scanned the whole orders table
    /// (EXPLAIN QUERY PLAN: SCAN orders; with it: SEARCH orders USING INDEX ux_orders_matching_id).
    /// </summary>
    public const string MatchingIdIndexed = "matching_id <> ''";

    public static void Apply(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            // WAL lets readers run beside the one writer; it is a property of the file, set once.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        int version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InvalidDataException(
                $"the SM-DP+ database has schema version {version}, newer than this build understands ({CurrentVersion})");
        }

        for (int v = version; v < CurrentVersion; v++)
        {
            using SqliteTransaction tx = connection.BeginTransaction();
            using (var step = connection.CreateCommand())
            {
                step.Transaction = tx;
                step.CommandText = Steps[v] + $"\nPRAGMA user_version = {v + 1};";
                step.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
