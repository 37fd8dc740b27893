using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Es2Plus;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Support;

/// <summary>A reference SM-DP+ with the generated test PKI, an eUICC test double and an LPA for one curve.</summary>
public sealed class Es9Context : IAsyncDisposable
{
    public const string Eid = TestPkiOptions.Sgp26Eid;

    private Es9Context(ServerHarness harness, CurvePki pki)
    {
        Harness = harness;
        Pki = pki;
        Http = harness.Client();
        Euicc = TestDoubleEuicc.For(pki);
        Lpa = new DownloadLpa(Http, Address, Euicc);
    }

    public static TestPki TestPki => SmdpCredentials.GeneratedDefault;

    public string Address => Harness.Server.Services.GetService(typeof(SmdpOptions)) is SmdpOptions o ? o.SmdpAddress : "";
    public ServerHarness Harness { get; }
    public CurvePki Pki { get; }
    public HttpClient Http { get; }
    public TestDoubleEuicc Euicc { get; set; }
    public DownloadLpa Lpa { get; set; }
    public SmdpStore Store => Harness.Store;

    public static async Task<Es9Context> StartAsync(RspCurve curve = RspCurve.NistP256, Func<SmdpOptions, SmdpOptions>? configure = null)
    {
        ServerHarness h = await ServerHarness.StartAsync(o =>
        {
            o = o with { Pki = TestPki };
            return configure?.Invoke(o) ?? o;
        });
        return new Es9Context(h, TestPki.For(curve));
    }

    /// <summary>Uses another eUICC (certificate, key, EUM) from now on.</summary>
    public TestDoubleEuicc UseEuicc(TestDoubleEuicc euicc)
    {
        Euicc = euicc;
        Lpa = new DownloadLpa(Http, Address, euicc);
        return euicc;
    }

    public static string Iccid(int i) => $"8904903200000{i:D6}";

    /// <summary>A profile with a released order (as after DownloadOrder + ConfirmOrder releaseFlag true).</summary>
    public async Task<string> ReleasedOrderAsync(int i, string? matchingId = null, string? eid = Eid, string? confirmationCode = null,
        SmdpProfileState state = SmdpProfileState.Released, DateTimeOffset? expires = null, int attempts = 3, int ccAttempts = 3, int size = 3000)
    {
        string iccid = Iccid(i);
        await Store.AddProfileAsync(new ProfileRecord
        {
            Iccid = iccid,
            ProfileType = "Test",
            State = state,
            ProfileName = $"Profile {i}",
            ServiceProviderName = "Conformance Operator",
            Upp = Rsp.Saip.SyntheticProfile.Build(iccid, "Test", size),
        });
        await using StoreTransaction tx = await Store.BeginAsync();
        await tx.SaveOrderAsync(new OrderRecord
        {
            Iccid = iccid,
            Eid = eid,
            MatchingId = matchingId ?? $"MATCH-{i:D5}",
            ConfirmationCodeHash = confirmationCode is null ? null : Es2PlusFunctions.HashConfirmationCode(confirmationCode),
            ReleaseFlag = state == SmdpProfileState.Released,
            ConfirmationCodeAttemptsLeft = ccAttempts,
            DownloadAttemptsLeft = attempts,
            ExpiresAt = expires ?? DateTimeOffset.UtcNow.AddDays(1),
        });
        await tx.CommitAsync();
        return iccid;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Harness.DisposeAsync();
    }
}
