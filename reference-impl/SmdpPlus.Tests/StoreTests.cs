using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Es2Plus;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;

namespace Conformance.SmdpPlus.Tests;

public class StoreTests : StoreDirectory
{
    private static ProfileRecord Profile(string iccid, string type = "Test") => new() { Iccid = iccid, ProfileType = type, ProfileName = "P " + iccid };

    private static string Iccid(int i) => $"89049032000000{i:D5}";

    [TestCase(SmdpProfileState.Available, SmdpProfileState.Allocated, true)]
    [TestCase(SmdpProfileState.Available, SmdpProfileState.Linked, true)]
    [TestCase(SmdpProfileState.Available, SmdpProfileState.Released, false)]
    [TestCase(SmdpProfileState.Allocated, SmdpProfileState.Confirmed, true)]
    [TestCase(SmdpProfileState.Linked, SmdpProfileState.Released, true)]
    [TestCase(SmdpProfileState.Confirmed, SmdpProfileState.Released, true)]
    [TestCase(SmdpProfileState.Confirmed, SmdpProfileState.Downloaded, false)]
    [TestCase(SmdpProfileState.Released, SmdpProfileState.Downloaded, true)]
    [TestCase(SmdpProfileState.Downloaded, SmdpProfileState.Installed, true)]
    [TestCase(SmdpProfileState.Downloaded, SmdpProfileState.Error, true)]
    [TestCase(SmdpProfileState.Installed, SmdpProfileState.Available, false)]
    [TestCase(SmdpProfileState.Error, SmdpProfileState.Available, true)]
    [TestCase(SmdpProfileState.Allocated, SmdpProfileState.Installed, false)]
    public void StateMachineAllowsOnlySpecTransitions(SmdpProfileState from, SmdpProfileState to, bool allowed) =>
        Assert.That(ProfileStateMachine.CanTransition(from, to), Is.EqualTo(allowed));

    [TestCase(Queries.OrderByMatchingIdSql)]
    [TestCase(Queries.MatchingIdInUseSql)]
    [TestCase(Queries.OrderSql)]
    [TestCase(Queries.ProfileSql)]
    [TestCase(Queries.SessionSql)]
    public async Task LookupsOfADownloadSearchAnIndexNeverScanATable(string sql)
    {
        // Each ES9+ call looks orders, profiles and sessions up by key: a scan would cost time in proportion to
        // every order the server ever took (the MatchingID lookups did, until they repeated the partial index's condition).
        SmdpStore.Open(DbPath).Dispose();
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath}");
        await c.OpenAsync();
        using Microsoft.Data.Sqlite.SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (System.Text.RegularExpressions.Match p in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+"))
        {
            if (!cmd.Parameters.Contains(p.Value))
            {
                cmd.Parameters.AddWithValue(p.Value, "x");
            }
        }
        var plan = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                plan.Add(r.GetString(3));
            }
        }
        Assert.That(plan, Has.Some.StartsWith("SEARCH"), string.Join("; ", plan));
        Assert.That(plan, Has.None.StartsWith("SCAN"), string.Join("; ", plan));
    }

    [Test]
    public async Task RefusedTransitionThrowsAndChangesNothing()
    {
        SmdpStore store = SmdpStore.Open(DbPath);
        await store.AddProfileAsync(Profile(Iccid(1)));
        var e = Assert.ThrowsAsync<InvalidProfileTransitionException>(() =>
            store.ChangeStateAsync(Iccid(1), SmdpProfileState.Available, SmdpProfileState.Installed))!;
        Assert.That(e.Message, Does.Contain("Available -> Installed"));
        Assert.That((await store.GetProfileAsync(Iccid(1)))!.State, Is.EqualTo(SmdpProfileState.Available));
    }

    [Test]
    public async Task ChangeFromWrongStateIsReportedNotApplied()
    {
        SmdpStore store = SmdpStore.Open(DbPath);
        await store.AddProfileAsync(Profile(Iccid(1)));
        Assert.That(await store.ChangeStateAsync(Iccid(1), SmdpProfileState.Released, SmdpProfileState.Downloaded), Is.False);
        Assert.That(await store.ChangeStateAsync(Iccid(1), SmdpProfileState.Available, SmdpProfileState.Allocated), Is.True);
        Assert.That((await store.GetProfileAsync(Iccid(1)))!.State, Is.EqualTo(SmdpProfileState.Allocated));
    }

    [Test]
    public async Task RolledBackTransactionLeavesNoTraceAndRaisesNoEvent()
    {
        SmdpStore store = SmdpStore.Open(DbPath);
        await store.AddProfileAsync(Profile(Iccid(1)));
        var events = new List<ProfileStateChange>();
        store.ProfileStateChanged += events.Add;
        await using (StoreTransaction tx = await store.BeginAsync())
        {
            Assert.That(await tx.TakeAvailableAsync("Test", SmdpProfileState.Allocated), Is.Not.Null);
        }

        Assert.That((await store.GetProfileAsync(Iccid(1)))!.State, Is.EqualTo(SmdpProfileState.Available));
        Assert.That(events, Is.Empty);
    }

    [Test]
    public async Task SixtyFourConcurrentOrdersRaceForFiftyProfiles()
    {
        SmdpStore store = SmdpStore.Open(DbPath);
        for (int i = 0; i < 50; i++)
        {
            await store.AddProfileAsync(Profile(Iccid(i), "Race"));
        }

        var functions = new Es2PlusFunctions(store, new SmdpOptions(), TimeProvider.System);
        using var start = new ManualResetEventSlim();
        Task<RspResult>[] racers = Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return functions.DownloadOrder(new DownloadOrderRequest(new RequestHeader("op", "c"), null, null, "Race"),
                new CallLog("ES2+", "DownloadOrder"), CancellationToken.None);
        })).ToArray();
        start.Set();
        RspResult[] results = await Task.WhenAll(racers);

        string[] iccids = results.OfType<RspResult.Success>().Select(s => ((DownloadOrderResponse)s.Body).Iccid).ToArray();
        RspResult.Failure[] failures = results.OfType<RspResult.Failure>().ToArray();
        Assert.That(iccids, Has.Length.EqualTo(50));
        Assert.That(iccids, Is.Unique);
        Assert.That(failures, Has.Length.EqualTo(14));
        Assert.That(failures.Select(f => f.Code), Is.All.EqualTo(FunctionStatusCodes.ProfileTypeUnavailable));
        for (int i = 0; i < 50; i++)
        {
            Assert.That((await store.GetProfileAsync(Iccid(i)))!.State, Is.EqualTo(SmdpProfileState.Allocated));
            Assert.That(await store.GetOrderAsync(Iccid(i)), Is.Not.Null);
        }
    }

    [Test]
    public async Task ReopenedStoreKeepsProfilesOrdersSessionsAndNotifications()
    {
        SmdpStore first = SmdpStore.Open(DbPath);
        await first.AddProfileAsync(Profile(Iccid(7)) with { Upp = [1, 2, 3], NotificationConfigurationJson = "{\"install\":true}" });
        await using (StoreTransaction tx = await first.BeginAsync())
        {
            await tx.ChangeStateAsync(Iccid(7), SmdpProfileState.Available, SmdpProfileState.Linked);
            await tx.SaveOrderAsync(new OrderRecord
            {
                Iccid = Iccid(7), Eid = "89049032123451234512345678901235", MatchingId = "ABC-123",
                ConfirmationCodeHash = Es2PlusFunctions.HashConfirmationCode("1234"), ConfirmationCodeAttemptsLeft = 2,
                DownloadAttemptsLeft = 3, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1), CreatedAt = DateTimeOffset.UtcNow,
            });
            await tx.CommitAsync();
        }

        await first.SaveSessionAsync(new DownloadSession
        {
            TransactionId = "0102A0", State = DownloadSessionState.Authenticated, Iccid = Iccid(7),
            ServerChallenge = [9, 9], OtSkDp = [5, 5, 5], SessionKeys = [7],
        });
        await first.AddNotificationAsync(new ReceivedNotification { Kind = "install", PendingNotification = [0xBF, 0x37, 0] });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        SmdpStore second = SmdpStore.Open(DbPath);
        ProfileRecord p = (await second.GetProfileAsync(Iccid(7)))!;
        Assert.That(p.State, Is.EqualTo(SmdpProfileState.Linked));
        Assert.That(p.Upp, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(p.NotificationConfigurationJson, Is.EqualTo("{\"install\":true}"));
        OrderRecord o = (await second.GetOrderAsync(Iccid(7)))!;
        Assert.That((o.MatchingId, o.ConfirmationCodeAttemptsLeft), Is.EqualTo(("ABC-123", 2)));
        Assert.That(o.ConfirmationCodeHash, Is.EqualTo(Convert.FromHexString("03AC674216F3E15C761EE1A5E255F067953623C8B388B4459E13F978D7C846F4")));
        DownloadSession s = (await second.GetSessionAsync("0102A0"))!;
        Assert.That((s.State, s.Iccid), Is.EqualTo((DownloadSessionState.Authenticated, Iccid(7))));
        Assert.That(s.OtSkDp, Is.EqualTo(new byte[] { 5, 5, 5 }));
        Assert.That((await second.ListNotificationsAsync()).Single().Kind, Is.EqualTo("install"));
    }

    /// <summary>
    /// One order yields one download across processes: AuthenticateClient assigns the order to its session and
    /// GetBoundProfilePackage binds only for that session, in one conditional UPDATE. Two stores on one file stand for
    /// two SM-DP+ processes; the newest assignment wins whichever store made it.
    /// </summary>
    [Test]
    public async Task AnOrderTakenOverThroughAnotherStoreOnTheSameFileIsNotBoundHere()
    {
        using SmdpStore one = SmdpStore.Open(DbPath);
        using SmdpStore two = SmdpStore.Open(DbPath);
        await one.AddProfileAsync(Profile(Iccid(3)));
        await using (StoreTransaction tx = await one.BeginAsync())
        {
            await tx.SaveOrderAsync(new OrderRecord { Iccid = Iccid(3), MatchingId = "M-3", DownloadAttemptsLeft = 3, ConfirmationCodeAttemptsLeft = 3 });
            Assert.That(await tx.AssignOrderToSessionAsync(Iccid(3), "AA"), Is.True);
            await tx.CommitAsync();
        }
        await using (StoreTransaction tx = await two.BeginAsync())
        {
            Assert.That(await tx.AssignOrderToSessionAsync(Iccid(3), "BB"), Is.True);
            // Saving the order (attempts used) keeps the session it is assigned to.
            await tx.SaveOrderAsync((await tx.GetOrderAsync(Iccid(3)))! with { DownloadAttemptsLeft = 2 });
            await tx.CommitAsync();
        }

        await using (StoreTransaction tx = await one.BeginAsync())
        {
            Assert.That(await tx.TakeOrderForBindingAsync(Iccid(3), "AA"), Is.False, "the earlier session lost the order");
            await tx.CommitAsync();
        }
        await using (StoreTransaction tx = await two.BeginAsync())
        {
            Assert.That(await tx.TakeOrderForBindingAsync(Iccid(3), "BB"), Is.True);
            await tx.CommitAsync();
        }
        OrderRecord order = (await one.GetOrderAsync(Iccid(3)))!;
        Assert.That((order.SessionId, order.DownloadAttemptsLeft), Is.EqualTo(("BB", 2)));
    }

    [Test]
    public async Task SessionsRacingForOneOrderFromTwoStoresBindItOnce()
    {
        using SmdpStore one = SmdpStore.Open(DbPath);
        using SmdpStore two = SmdpStore.Open(DbPath);
        await one.AddProfileAsync(Profile(Iccid(4)));
        await using (StoreTransaction tx = await one.BeginAsync())
        {
            await tx.SaveOrderAsync(new OrderRecord { Iccid = Iccid(4), MatchingId = "M-4", DownloadAttemptsLeft = 99, ConfirmationCodeAttemptsLeft = 3 });
            await tx.CommitAsync();
        }

        // 32 sessions through two stores, all assigned the order at once (AuthenticateClient), then all binding it at once
        // (GetBoundProfilePackage): exactly one binds, the one assigned last.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allAssigned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int assigned = 0;
        Task<(string Tid, bool Bound)>[] sessions = Enumerable.Range(0, 32).Select(n => Task.Run(async () =>
        {
            SmdpStore store = n % 2 == 0 ? one : two;
            string tid = $"{n:X4}";
            await start.Task;
            await using (StoreTransaction tx = await store.BeginAsync())
            {
                await tx.AssignOrderToSessionAsync(Iccid(4), tid);
                await tx.CommitAsync();
            }
            if (Interlocked.Increment(ref assigned) == 32)
            {
                allAssigned.SetResult();
            }
            await allAssigned.Task;
            await using StoreTransaction bind = await store.BeginAsync();
            bool bound = await bind.TakeOrderForBindingAsync(Iccid(4), tid);
            await bind.CommitAsync();
            return (tid, bound);
        })).ToArray();
        start.SetResult();
        (string Tid, bool Bound)[] results = await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(results.Count(r => r.Bound), Is.EqualTo(1), string.Join(", ", results));
        Assert.That(results.Single(r => r.Bound).Tid, Is.EqualTo((await one.GetOrderAsync(Iccid(4)))!.SessionId));
    }

    [Test]
    public void MemoryDatabaseIsRefused() =>
        Assert.Throws<ArgumentException>(() => SmdpStore.Open(":memory:"));
}
