using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Tests;

/// <summary>
/// Group commit (<see cref="WriteGroup"/>): writers that wait for the write gate join the open SQLite transaction,
/// each in its own savepoint, and are answered only after the one COMMIT.
/// </summary>
public class StoreGroupCommitTests : StoreDirectory
{
    private static DownloadSession Session(string transactionId) => new() { TransactionId = transactionId, ServerChallenge = [1, 2, 3] };

    [Test]
    public async Task WaitingWritersShareOneCommitAndARolledBackMemberLeavesNoTrace()
    {
        using SmdpStore store = SmdpStore.Open(DbPath);
        StoreTransaction a = await store.BeginAsync();
        Task<StoreTransaction>? next = null, last = null;
        try
        {
            await a.SaveSessionAsync(Session("A1"));
            next = store.BeginAsync();
            last = store.BeginAsync();
            await WaitForWaitingWriters(store, 2);

            Task aCommitted = a.CommitAsync();
            StoreTransaction b = await next;
            // A is answered only with the group's COMMIT, which waits for the writers lined up behind it.
            Assert.That(aCommitted.IsCompleted, Is.False, "A's commit returned before its group was committed");
            Assert.That((await b.GetSessionAsync("A1"))?.ServerChallenge, Is.EqualTo(new byte[] { 1, 2, 3 }), "B sees what A wrote in the group");
            await b.SaveSessionAsync(Session("B1"));
            await b.DisposeAsync();

            StoreTransaction c = await last;
            Assert.That(await c.GetSessionAsync("B1"), Is.Null, "C sees nothing of B, which rolled back");
            await c.SaveSessionAsync(Session("C1") with { State = DownloadSessionState.Authenticated });
            await c.CommitAsync();
            await aCommitted.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await EndAll(a, next, last);
        }

        // What another connection reads is what the COMMIT kept.
        await using var reader = new SqliteConnection($"Data Source={DbPath}");
        await reader.OpenAsync();
        using SqliteCommand cmd = reader.CreateCommand();
        cmd.CommandText = "SELECT transaction_id || ':' || state FROM sessions ORDER BY transaction_id";
        var rows = new List<string>();
        await using (SqliteDataReader r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                rows.Add(r.GetString(0));
            }
        }
        Assert.That(rows, Is.EqualTo(new[] { "A1:Initiated", "C1:Authenticated" }));
        Assert.That((await store.GetSessionAsync("C1"))!.State, Is.EqualTo(DownloadSessionState.Authenticated));
    }

    [Test]
    public async Task FailedCommitFailsEveryMemberKeepsNothingAndTheStoreGoesOn()
    {
        using SmdpStore store = SmdpStore.Open(DbPath);
        StoreTransaction a = await store.BeginAsync();
        Task<StoreTransaction>? next = null;
        try
        {
            // A foreign key checked at COMMIT (an order for a profile that does not exist) makes the group's COMMIT fail.
            await a.Command("PRAGMA defer_foreign_keys = ON").ExecuteNonQueryAsync();
            await a.SaveOrderAsync(new OrderRecord { Iccid = "89049032000000099999", DownloadAttemptsLeft = 1, ConfirmationCodeAttemptsLeft = 1 });
            next = store.BeginAsync();
            await WaitForWaitingWriters(store, 1);
            Task aCommitted = a.CommitAsync();

            StoreTransaction b = await next;
            await b.SaveSessionAsync(Session("B1"));
            Assert.ThrowsAsync<SqliteException>(b.CommitAsync, "B's changes were committed with A's");
            Assert.ThrowsAsync<SqliteException>(() => aCommitted, "A's changes were committed with B's");
        }
        finally
        {
            await EndAll(a, next);
        }

        Assert.That(await store.GetSessionAsync("B1"), Is.Null);
        Assert.That(await store.GetOrderAsync("89049032000000099999"), Is.Null);
        await store.SaveSessionAsync(Session("D1"));
        SqliteConnection.ClearAllPools();
        using SmdpStore reopened = SmdpStore.Open(DbPath);
        Assert.That(await reopened.GetSessionAsync("D1"), Is.Not.Null);
        Assert.That(await reopened.GetSessionAsync("B1"), Is.Null);
    }

    [Test]
    public async Task ConcurrentWritersAreAllCommitted()
    {
        using SmdpStore store = SmdpStore.Open(DbPath);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.SaveSessionAsync(Session($"{i:X4}")))));
        SqliteConnection.ClearAllPools();
        using SmdpStore reopened = SmdpStore.Open(DbPath);
        for (int i = 0; i < 200; i++)
        {
            Assert.That(await reopened.GetSessionAsync($"{i:X4}"), Is.Not.Null, $"session {i:X4}");
        }
    }

    [Test]
    public async Task AListenerThatThrowsStopsNeitherTheOthersNorTheCommit()
    {
        const string iccid = "89049032000000000001";
        using SmdpStore store = SmdpStore.Open(DbPath);
        await store.AddProfileAsync(new ProfileRecord { Iccid = iccid, ProfileType = "Test" });
        var heard = new List<ProfileStateChange>();
        store.ProfileStateChanged += _ => throw new InvalidOperationException("a listener's bug");
        store.ProfileStateChanged += heard.Add;

        Assert.That(await store.ChangeStateAsync(iccid, SmdpProfileState.Available, SmdpProfileState.Allocated), Is.True);
        // Listeners have heard by the time the commit returns.
        Assert.That(heard.Select(h => h.To), Is.EqualTo(new[] { SmdpProfileState.Allocated }));
        Assert.That((await store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Allocated));
    }

    /// <summary>Ends every transaction of a test, also those a failed assertion left open, so the store's gate is free again.</summary>
    private static async Task EndAll(StoreTransaction first, params Task<StoreTransaction>?[] others)
    {
        await first.DisposeAsync();
        foreach (Task<StoreTransaction>? pending in others)
        {
            if (pending is not null)
            {
                await (await pending.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
            }
        }
    }

    private static async Task WaitForWaitingWriters(SmdpStore store, int count)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(10);
        while (store.WaitingWriters < count)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(until), $"{count} writer(s) never lined up at the write gate");
            await Task.Delay(5);
        }
    }
}
