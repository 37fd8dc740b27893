using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Tests.Support;

/// <summary>A fresh directory per test for an SM-DP+ database file, deleted after the test with SQLite's pooled connections.</summary>
public abstract class StoreDirectory
{
    private string _dir = null!;

    [SetUp]
    public void CreateStoreDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "smdp-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteStoreDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    protected string DbPath => Path.Combine(_dir, "smdp.db");
}
