using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>Downloads racing for a pool of profiles, and a server restart in the middle of a download.</summary>
public class ConcurrencyAndRestartTests
{
    /// <summary>An eUICC with its own certificate (EID in the EUM's range), issued on the fly by the test EUM.</summary>
    private static TestDoubleEuicc NewEuicc(CurvePki pki, int n)
    {
        string eid = $"8904903200000000000000000000{n:D4}";
        var key = SeededKeys.Derive(77, pki.Curve, "race-euicc-" + n);
        RspCertificate cert = RspCertificateIssuer.Issue(RspCertificateProfiles.Euicc(new TestPkiOptions().EidRange.Organization, eid, 0x5000 + n),
            SeededKeys.PublicOf(key), pki.Eum.Certificate, pki.Eum.RequirePrivateKey());
        return new TestDoubleEuicc(cert, key, pki.Eum.Certificate, [pki.Ci.Certificate]);
    }

    [Test]
    public async Task SixtyFourDownloadsRaceForFiftyProfiles()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        for (int i = 0; i < 50; i++)
        {
            await c.Store.AddProfileAsync(new ProfileRecord { Iccid = Es9Context.Iccid(5000 + i), ProfileType = "Race", ProfileName = "Race " + i });
        }
        await c.Store.AddPoolAsync("RACE-POOL", "Race");
        var euiccs = Enumerable.Range(0, 64).Select(n => NewEuicc(c.Pki, n)).ToList();

        DownloadOutcome[] outcomes = await Task.WhenAll(euiccs.Select(e => Task.Run(() => new DownloadLpa(c.Http, c.Address, e).DownloadAsync("RACE-POOL"))));

        var installed = outcomes.Where(o => o.Installed).ToList();
        var refused = outcomes.Where(o => !o.Installed).ToList();
        Assert.That(installed, Has.Count.EqualTo(50));
        Assert.That(euiccs.Where(e => e.LastInstall is not null).Select(e => e.LastInstall!.Iccid).Distinct().Count(), Is.EqualTo(50), "no profile given twice");
        // Decision: an exhausted pool answers 8.2.5 / 4.3, the AuthenticateClient code for "no eligible Profile" (SGP.22 §5.6.3).
        Assert.That(refused, Has.Count.EqualTo(14));
        Assert.That(refused.Select(o => (o.FailedFunction, o.LastAnswer?.Code)), Is.All.EqualTo(("AuthenticateClient", "8.2.5 / 4.3")));
        IReadOnlyList<ProfileRecord> profiles = await c.Store.ListProfilesAsync();
        Assert.That(profiles.Count(p => p.State == SmdpProfileState.Installed), Is.EqualTo(50));
    }

    /// <summary>
    /// One order yields one download (SGP.22 v2.5 §3.1.3): 64 downloads at once for 50 orders, each released for one EID
    /// with its MatchingID, 14 MatchingIDs used twice by the same EID (a second instance of the same eUICC: a cloned card
    /// or a second LPA). Both sessions of a pair have their AuthenticateClient answered before either goes on, so they
    /// really overlap. Before the fix: 63 installs for 50 ICCIDs, 13 ICCIDs with two Completed sessions.
    /// </summary>
    [Test]
    public async Task SameEidTwiceWithOneMatchingIdAtOnceGetsOneDownload()
    {
        const int Orders = 50, Twice = 14;
        await using Es9Context c = await Es9Context.StartAsync();
        for (int i = 0; i < Orders; i++)
        {
            await c.ReleasedOrderAsync(6000 + i, matchingId: $"TWICE-{i:D2}", eid: NewEuicc(c.Pki, i).Eid);
        }
        var pairs = Enumerable.Range(0, Twice).Select(_ => new PairGate()).ToArray();
        var downloads = Enumerable.Range(0, Orders).Select(i => (Mid: $"TWICE-{i:D2}", Euicc: NewEuicc(c.Pki, i), Gate: i < Twice ? pairs[i] : null))
            .Concat(Enumerable.Range(0, Twice).Select(i => (Mid: $"TWICE-{i:D2}", Euicc: NewEuicc(c.Pki, i), Gate: (PairGate?)pairs[i])))
            .ToList();

        DownloadOutcome[] outcomes = await Task.WhenAll(downloads.Select(d => Task.Run(() => OverlappingDownloadAsync(c, d.Euicc, d.Mid, d.Gate))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        var installed = outcomes.Where(o => o.Installed).ToList();
        Assert.That(installed, Has.Count.EqualTo(Orders), string.Join("; ", outcomes.Where(o => !o.Installed)));
        Assert.That(downloads.Where(d => d.Euicc.LastInstall is not null).Select(d => d.Euicc.LastInstall!.Iccid).Distinct().Count(), Is.EqualTo(Orders),
            "every ICCID installed once");
        // Decision: the later AuthenticateClient of an order wins (a retry, §3.1.3); the earlier session is refused at
        // GetBoundProfilePackage with 8.2 / 3.7, "BPP is not available for a new binding" (SGP.22 v2.5 §5.6.2).
        var refused = outcomes.Where(o => !o.Installed).ToList();
        Assert.That(refused, Has.Count.EqualTo(Twice));
        Assert.That(refused.Select(o => (o.FailedFunction, o.LastAnswer?.Code)), Is.All.EqualTo(("GetBoundProfilePackage", "8.2 / 3.7")));
        for (int i = 0; i < Twice; i++)
        {
            Assert.That(downloads.Select((d, n) => (d.Mid, outcomes[n].Installed)).Count(x => x.Mid == $"TWICE-{i:D2}" && x.Installed), Is.EqualTo(1),
                $"TWICE-{i:D2}: one of its two sessions installs");
        }
        IReadOnlyList<ProfileRecord> profiles = await c.Store.ListProfilesAsync();
        Assert.That(profiles.Count(p => p.State == SmdpProfileState.Installed), Is.EqualTo(Orders));
        Assert.That(await CompletedSessionsPerIccidAsync(c.Store), Is.All.EqualTo(1), "one Completed session per ICCID");
    }

    /// <summary>The two sessions of a MatchingID used twice: each waits for the other's AuthenticateClient answer.</summary>
    private sealed class PairGate
    {
        private readonly TaskCompletionSource[] _answered = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        private int _arrivals;

        /// <summary>Says this side's AuthenticateClient was answered and waits for the other side's.</summary>
        public Task BothAnsweredAsync()
        {
            int me = Interlocked.Increment(ref _arrivals) - 1;
            _answered[me].TrySetResult();
            return Task.WhenAll(_answered.Select(a => a.Task)).WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>A whole download like <see cref="DownloadLpa.DownloadAsync"/>, held after AuthenticateClient at <paramref name="gate"/>.</summary>
    private static async Task<DownloadOutcome> OverlappingDownloadAsync(Es9Context c, TestDoubleEuicc euicc, string matchingId, PairGate? gate)
    {
        var lpa = new DownloadLpa(c.Http, c.Address, euicc);
        Es9Answer? ac = null;
        string? tid = null;
        try
        {
            Es9Answer ia = await lpa.InitiateAuthenticationAsync();
            if (!ia.Succeeded)
            {
                return new("InitiateAuthentication", ia, null, null, null, null);
            }
            tid = ia.Field("transactionId");
            byte[] asr = euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, matchingId).Encode());
            ac = await lpa.PostAsync("authenticateClient", new { transactionId = tid, authenticateServerResponse = Convert.ToBase64String(asr) });
        }
        finally
        {
            if (gate is not null)
            {
                await gate.BothAnsweredAsync();
            }
        }
        if (!ac.Succeeded)
        {
            return new("AuthenticateClient", ac, null, tid, null, null);
        }
        byte[] pdr = euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode());
        Es9Answer gb = await lpa.PostAsync("getBoundProfilePackage", new { transactionId = tid, prepareDownloadResponse = Convert.ToBase64String(pdr) });
        if (!gb.Succeeded)
        {
            return new("GetBoundProfilePackage", gb, null, tid, null, null);
        }
        byte[] bpp = gb.Base64("boundProfilePackage");
        byte[] pirDer = euicc.LoadBoundProfilePackage(bpp);
        Es9Answer hn = await lpa.PostAsync("handleNotification", new { pendingNotification = Convert.ToBase64String(pirDer) });
        var pir = ProfileInstallationResult.Decode(pirDer);
        bool ok = pir.ProfileInstallationResultData.SuccessResult is not null;
        return new(hn.HttpStatus == System.Net.HttpStatusCode.NoContent ? (ok ? null : "LoadBoundProfilePackage") : "HandleNotification", hn,
            ok ? null : euicc.LastRefusal, tid, bpp, pir);
    }

    /// <summary>How many Completed sessions each ICCID that has one counts.</summary>
    private static async Task<List<long>> CompletedSessionsPerIccidAsync(SmdpStore store)
    {
        await using Microsoft.Data.Sqlite.SqliteConnection db = store.OpenConnection();
        await using Microsoft.Data.Sqlite.SqliteCommand cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sessions WHERE state = 'Completed' GROUP BY iccid";
        var counts = new List<long>();
        await using Microsoft.Data.Sqlite.SqliteDataReader r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            counts.Add(r.GetInt64(0));
        }
        return counts;
    }

    [TestCase(RspCurve.NistP256)]
    [TestCase(RspCurve.BrainpoolP256r1)]
    public async Task RestartInTheMiddleOfADownloadKeepsOrderProfileAndSession(RspCurve curve)
    {
        string dir = Path.Combine(Path.GetTempPath(), "smdp-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string db = Path.Combine(dir, "smdp.db");
        try
        {
            string iccid, tid;
            byte[] pdr;
            TestDoubleEuicc euicc;
            await using (Es9Context first = await Es9Context.StartAsync(curve, o => o with { DatabasePath = db }))
            {
                iccid = await first.ReleasedOrderAsync(1, confirmationCode: "4321");
                (tid, pdr) = await first.PreparedAsync("MATCH-00001", cc: "4321");
                euicc = first.Euicc;
            }
            await using Es9Context second = await Es9Context.StartAsync(curve, o => o with { DatabasePath = db });
            second.UseEuicc(euicc);
            Assert.That((await second.Store.GetSessionAsync(tid))!.State, Is.EqualTo(DownloadSessionState.Authenticated));
            Es9Answer gb = await second.GetBppAsync(tid, pdr);
            Assert.That(gb.Succeeded, Is.True, gb.Code);
            byte[] pir = euicc.LoadBoundProfilePackage(gb.Base64("boundProfilePackage"));
            Assert.That(euicc.LastInstall?.Iccid, Is.EqualTo(iccid), euicc.LastRefusal);
            Assert.That((await second.NotifyAsync(pir)).HttpStatus, Is.EqualTo(System.Net.HttpStatusCode.NoContent));
            Assert.That((await second.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Installed));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }
}
