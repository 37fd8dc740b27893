using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Doubles;
using Conformance.SmdpPlus.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Tests;

/// <summary>
/// The database failing under the SM-DP+: at start-up one sentence (StoreUnavailableException, which the CLI prints
/// with exit code 2); at run time every refused write answers 1.2 / 4.2 with "the SM-DP+ could not store the change:
/// &lt;cause&gt;" and one log line, and the store goes on once the cause is gone. A full disk is simulated with SQLite's
/// PRAGMA max_page_count (the CLI tests use a small tmpfs where they may mount one).
/// </summary>
public class StoreFaultTests : StoreDirectory
{
    private const string Full = "the SM-DP+ could not store the change: the disk is full (or the database reached its size limit)";

    private static ProfileRecord Big(int i) => new() { Iccid = $"89049032000000{i:D5}", ProfileType = "Big", Upp = new byte[64 * 1024] };

    /// <summary>Freezes the database at its current size on the writing connection, as a full disk would.</summary>
    private static async Task FillUpAsync(SmdpStore store)
    {
        await using StoreTransaction tx = await store.BeginAsync();
        await tx.ExecuteAsync("PRAGMA max_page_count = 1");
        await tx.CommitAsync();
    }

    [Test]
    public void MissingDirectoryIsOneSentence()
    {
        string db = Path.Combine(Path.GetDirectoryName(DbPath)!, "no", "such", "smdp.db");
        var e = Assert.Throws<StoreUnavailableException>(() => SmdpStore.Open(db))!;
        Assert.That(e.Message, Is.EqualTo($"cannot use the SM-DP+ database {db}: the directory {Path.GetDirectoryName(db)} does not exist"));
    }

    [Test]
    public void DirectoryThatIsAFileIsOneSentence()
    {
        File.WriteAllText(DbPath, "x");
        string db = Path.Combine(DbPath, "smdp.db");
        var e = Assert.Throws<StoreUnavailableException>(() => SmdpStore.Open(db))!;
        Assert.That(e.Message, Is.EqualTo($"cannot use the SM-DP+ database {db}: {DbPath} is a file, not a directory"));
    }

    [Test]
    public void FileThatIsNoDatabaseIsOneSentence()
    {
        File.WriteAllText(DbPath, new string('x', 4096));
        var e = Assert.Throws<StoreUnavailableException>(() => SmdpStore.Open(DbPath))!;
        Assert.That(e.Message, Is.EqualTo($"cannot use the SM-DP+ database {DbPath}: the file is not an SQLite database"));
    }

    [Test]
    public void NewerSchemaIsOneSentence()
    {
        SmdpStore.Open(DbPath).Dispose();
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            using SqliteCommand cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<StoreUnavailableException>(() => SmdpStore.Open(DbPath))!;
        Assert.That(e.Message, Does.StartWith($"cannot use the SM-DP+ database {DbPath}: the SM-DP+ database has schema version 99"));
    }

    [Test]
    public async Task FullDatabaseAnswersCouldNotStoreLogsOneLineAndTheStoreGoesOn()
    {
        using SmdpStore store = SmdpStore.Open(DbPath);
        var logs = new CollectingLoggerProvider();
        store.Logger = logs.CreateLogger("Conformance.SmdpPlus.Store");
        await FillUpAsync(store);

        var e = Assert.ThrowsAsync<RspRequestException>(() => store.AddProfileAsync(Big(1)))!;
        Assert.That((e.Code, e.Message), Is.EqualTo((FunctionStatusCodes.ExecutionError, Full)));
        Assert.That(logs.Lines.Select(l => (l.Level, l.Message)),
            Is.EqualTo(new[] { (LogLevel.Error, $"could not write to {DbPath}: the disk is full (or the database reached its size limit) (SQLite error 13)") }));
        Assert.That(await store.GetProfileAsync(Big(1).Iccid), Is.Null, "nothing of the refused write was kept");

        // Space again (SQLite's limit is the connection's; here: lifted): the next write is stored.
        await using (StoreTransaction tx = await store.BeginAsync())
        {
            await tx.ExecuteAsync("PRAGMA max_page_count = 1073741823");
            await tx.CommitAsync();
        }
        await store.AddProfileAsync(Big(2));
        Assert.That(await store.GetProfileAsync(Big(2).Iccid), Is.Not.Null);
    }

    [Test]
    public async Task ConcurrentWritesToAFullDatabaseAllEndAndNoneIsHalfStored()
    {
        using SmdpStore store = SmdpStore.Open(DbPath);
        store.Logger = new CollectingLoggerProvider().CreateLogger("Conformance.SmdpPlus.Store");
        await FillUpAsync(store);

        // 32 writers at once, many of them sharing a group commit: every one ends (none waits for a group that
        // failed), each either stored or refused with the message.
        Task[] writers = Enumerable.Range(10, 32).Select(i => Task.Run(() => store.AddProfileAsync(Big(i)))).ToArray();
        await Task.WhenAny(Task.WhenAll(writers), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.That(writers.All(w => w.IsCompleted), Is.True, "every writer ended");
        var refused = writers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException).ToList();
        Assert.That(refused, Is.Not.Empty);
        Assert.That(refused, Is.All.InstanceOf<RspRequestException>().With.Property("Message").EqualTo(Full));
        IReadOnlyList<ProfileRecord> kept = await store.ListProfilesAsync();
        Assert.That(kept, Has.Count.EqualTo(writers.Count(w => w.IsCompletedSuccessfully)), "what was answered stored is stored, nothing else");
    }

    [Test]
    public async Task EveryWriteOverEs9AndEs2AnswersCouldNotStoreWithOneLogLine()
    {
        var logs = new CollectingLoggerProvider();
        await using ServerHarness h = await ServerHarness.StartAsync(o => o with { Pki = Es9Context.TestPki }, logs: logs);
        await h.Store.AddProfileAsync(new ProfileRecord { Iccid = "89049032000000000071", ProfileType = "Gold" });
        // The database turns read-only under the running server.
        await using (StoreTransaction tx = await h.Store.BeginAsync())
        {
            await tx.ExecuteAsync("PRAGMA query_only = 1");
            await tx.CommitAsync();
        }

        using HttpClient lpaHttp = h.Client();
        string address = ((SmdpOptions)h.Server.Services.GetService(typeof(SmdpOptions))!).SmdpAddress;
        Es9Answer ia = await new DownloadLpa(lpaHttp, address, TestDoubleEuicc.For(Es9Context.TestPki.For(Rsp.Crypto.RspCurve.NistP256))).InitiateAuthenticationAsync();
        Assert.That((ia.Status, ia.Code), Is.EqualTo(("Failed", "1.2 / 4.2")));
        const string ReadOnly = "the SM-DP+ could not store the change: the database is read-only (a read-only file, directory or file system)";
        Assert.That(ia.Body!.Value.GetProperty("header").GetProperty("functionExecutionStatus").GetProperty("statusCodeData").GetProperty("message").GetString(),
            Is.EqualTo(ReadOnly));

        using HttpClient op = h.OperatorClient();
        RspAnswer order = await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { profileType = "Gold" }));
        Assert.That((order.ExecutionStatus, order.Code, order.Message), Is.EqualTo(("Failed", "1.2 / 4.2", ReadOnly)));

        var storeLines = logs.Lines.Where(l => l.Category == "Conformance.SmdpPlus.Store").ToList();
        Assert.That(storeLines, Has.Count.EqualTo(2), "one line per refused write");
        Assert.That(storeLines.Select(l => l.Message), Is.All.StartsWith($"could not write to {h.Store.DatabasePath}: the database is read-only"));
        Assert.That(logs.Lines.Select(l => l.Message), Has.None.Contains("   at "), "no stack trace in the log");
    }
}
