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
