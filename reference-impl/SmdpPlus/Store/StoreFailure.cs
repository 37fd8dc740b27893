using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>
/// The SM-DP+ database cannot be used at all (start-up): missing or read-only directory, read-only file or file system,
/// full disk, not an SQLite file, a newer schema. The message is one sentence naming the file and the cause.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? innerException = null) : IOException(message, innerException);

/// <summary>What a failed SQLite operation means, in words (for one log line and the answer's message, never exception text).</summary>
internal static class StoreFailure
{
    // Primary result codes (https://sqlite.org/rescode.html).
    private const int SqlitePerm = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNoMem = 7;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteAuth = 23;
    private const int SqliteNotADb = 26;

    /// <summary>
    /// True for a failure of the database's environment (disk, file, file system, lock, memory), which a write answers with
    /// "could not store the change"; false for one of the statement itself (a constraint, SQL), a fault of this program.
    /// </summary>
    public static bool IsEnvironmental(SqliteException e) => e.SqliteErrorCode is SqlitePerm or SqliteBusy or SqliteLocked or SqliteNoMem
        or SqliteReadOnly or SqliteIoErr or SqliteCorrupt or SqliteFull or SqliteCantOpen or SqliteAuth or SqliteNotADb;

    /// <summary>The cause of <paramref name="e"/> on the database <paramref name="path"/>, as a clause ("the disk is full").</summary>
    public static string Cause(SqliteException e, string path) => e.SqliteErrorCode switch
    {
        SqliteFull => "the disk is full (or the database reached its size limit)",
        SqliteReadOnly => "the database is read-only (a read-only file, directory or file system)",
        // A write that found no space can also come back as an I/O error (the WAL index of a full file system).
        SqliteIoErr => DiskFull(path) ? "the disk is full" : "the disk reported an I/O error",
        SqliteCantOpen => CannotOpen(path),
        SqliteBusy or SqliteLocked => "the database is locked by another process",
        SqliteCorrupt => "the database file is damaged",
        SqliteNotADb => "the file is not an SQLite database",
        SqlitePerm or SqliteAuth => "access to the database file is denied",
        SqliteNoMem => "SQLite ran out of memory",
        _ => $"SQLite reported error {e.SqliteErrorCode}",
    };

    /// <summary>The one sentence of a database that cannot be opened or written at start-up.</summary>
    public static string OpenMessage(string path, Exception e) => SqliteStoreFile.OpenFailure(path, "SM-DP+", e);

    /// <summary>The message of a write that failed, as the ES9+/ES2+ answer carries it.</summary>
    public static string WriteMessage(SqliteException e, string path) => $"the SM-DP+ could not store the change: {Cause(e, path)}";

    /// <summary>True when the file system of <paramref name="path"/> has (almost) no space left.</summary>
    private static bool DiskFull(string path)
    {
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            return dir is not null && new DriveInfo(dir).AvailableFreeSpace < 64 * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Why SQLite could not open (or create) the file: the path's directory, else permissions.</summary>
    private static string CannotOpen(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return "the path is not valid";
        }
        if (Directory.Exists(full))
        {
            return "it is a directory, not a file";
        }
        string? dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir))
        {
            // The nearest ancestor that exists: a regular file there means the directory can never exist.
            string? up = dir;
            while (up is not null && !Directory.Exists(up) && !File.Exists(up))
            {
                up = Path.GetDirectoryName(up);
            }
            return up is not null && File.Exists(up) ? $"{up} is a file, not a directory" : $"the directory {dir} does not exist";
        }
        return "the file cannot be opened or created there (no permission, or a read-only directory or file system)";
    }

    /// <summary>The environmental SQLite error behind a failed group commit (the COMMIT's own, or the cause of a poisoned group), or null.</summary>
    public static SqliteException? EnvironmentalCause(Exception e) =>
        (e as SqliteException ?? e.InnerException as SqliteException) is { } s && IsEnvironmental(s) ? s : null;
}
