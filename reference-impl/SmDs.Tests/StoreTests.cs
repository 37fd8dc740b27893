using Conformance.SmDs.Store;

namespace Conformance.SmDs.Tests;

/// <summary>The SM-DS's SQLite store at start-up: a database it cannot use is one sentence with the cause, not a stack trace.</summary>
public class StoreTests
{
    [Test]
    public void AMissingDirectoryIsOneSentenceNamingIt()
    {
        string dir = Path.Combine(Path.GetTempPath(), "smds-missing-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<SmdsStoreUnavailableException>(() => SmdsStore.Open(Path.Combine(dir, "smds.db")));
        Assert.That(e!.Message, Is.EqualTo($"cannot use the SM-DS database {Path.Combine(dir, "smds.db")}: the directory {dir} does not exist"));
    }

    [Test]
    public void NoDatabaseFileIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => SmdsStore.Open(":memory:"));
        Assert.That(e!.Message, Does.StartWith("the SM-DS store needs a database file (Event Records must survive a restart)"));
    }

    [Test]
    public void ANewerSchemaIsRefusedInOneSentence()
    {
        string path = Path.Combine(Path.GetTempPath(), "smds-newer-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA user_version = 999;";
                cmd.ExecuteNonQuery();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var e = Assert.Throws<SmdsStoreUnavailableException>(() => SmdsStore.Open(path));
            Assert.That(e!.Message, Does.StartWith($"cannot use the SM-DS database {path}: schema version 999 is newer"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
