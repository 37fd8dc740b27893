using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>
/// The SQLite file behind a reference server's store (the SM-DP+'s, the SM-DS's): a real file, never ":memory:", since
/// what it holds must survive a restart; opened read-write-create with a private cache and pooled connections.
/// </summary>
public static class SqliteStoreFile
{
    /// <summary>The connection string for <paramref name="path"/>; an empty path or ":memory:" is refused, naming <paramref name="why"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="server">"SM-DP+" or "SM-DS", for the message.</param>
    /// <param name="why">What must survive a restart ("sessions", "Event Records").</param>
    public static string ConnectionString(string path, string server, string why)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"the {server} store needs a database file ({why} must survive a restart)", nameof(path));
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>One sentence for a database that cannot be opened or written at start-up, with the cause when SQLite gives one.</summary>
    public static string OpenFailure(string path, string server, Exception e) => e switch
    {
        SqliteException s => $"cannot use the {server} database {path}: {StoreFailure.Cause(s, path)}",
        _ => $"cannot use the {server} database {path}: {e.Message}",
    };
}
