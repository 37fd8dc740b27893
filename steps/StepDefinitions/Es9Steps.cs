using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>When steps: the harness-as-LPA calls the ES9+ functions of the SM-DP+ (SGP.22 v2.5 §5.6), as sent or altered.</summary>
[Binding]
public sealed class Es9Steps(Es9Driver es9, HarnessRun run)
{
    /// <summary>A SubjectKeyIdentifier of no CI (20 bytes, as a SHA-1 key identifier).</summary>
    private static readonly byte[] UnknownCiPkId = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF01234567");

    [When(@"^the LPA calls InitiateAuthentication$")]
    public Task InitiateAuthentication() => es9.InitiateAuthenticationAsync();

    [When(@"^the LPA calls InitiateAuthentication twice for the eUICC$")]
    public async Task InitiateAuthenticationTwice()
    {
        string? matchingId = es9.Session.MatchingId;
        await es9.InitiateAuthenticationAsync();
        await es9.StartDownloadAsync(matchingId);
        await es9.InitiateAuthenticationAsync();
    }

    [When(@"^the LPA calls InitiateAuthentication with (an SM-DP\+ address that is not the SM-DP\+'s|EUICCInfo1 offering only CI PKIds unknown to the SM-DP\+|EUICCInfo1 offering only a CI the SM-DP\+ has no CERT\.DPauth\.ECDSA for)$")]
    public Task InitiateAuthenticationWith(string change) => change switch
    {
        "an SM-DP+ address that is not the SM-DP+'s" => es9.InitiateAuthenticationAsync(r => r with { SmdpAddress = "not-" + es9.SmdpAddress }),
        "EUICCInfo1 offering only CI PKIds unknown to the SM-DP+" => es9.InitiateAuthenticationAsync(r => r.WithEuiccInfo1(i => i with
        {
            EuiccCiPKIdListForVerification = [UnknownCiPkId],
            EuiccCiPKIdListForSigning = [UnknownCiPkId],
        })),
        _ => es9.InitiateAuthenticationAsync(r => r.WithEuiccInfo1(i => i with
        {
            EuiccCiPKIdListForVerification = [CiWithoutDpAuth()],
            EuiccCiPKIdListForSigning = [CiWithoutDpAuth()],
        })),
    };

    [When(@"^the LPA calls InitiateAuthentication with EUICCInfo1 declaring version (\d+)\.(\d+)\.(\d+)$")]
    public Task InitiateAuthenticationWithSvn(byte major, byte minor, byte revision) =>
        es9.InitiateAuthenticationAsync(r => r.WithEuiccInfo1(i => i with { Svn = new VersionType(major, minor, revision) }));

    [When(@"^the LPA calls AuthenticateClient$")]
    public Task AuthenticateClient() => es9.AuthenticateClientAsync();

    [When(@"^the LPA calls AuthenticateClient with (the EUM certificate's signature broken|euiccSigned1 carrying another serverChallenge, signed by the eUICC|a transactionId unknown to the SM-DP\+)$")]
    public async Task AuthenticateClientWith(string change)
    {
        DownloadEuicc euicc = await es9.EuiccAsync();
        await (change switch
        {
            "the EUM certificate's signature broken" => es9.AuthenticateClientAsync(r => r.WithResponseOk(ok =>
                ok with { EumCertificate = Es9RequestAlterations.WithBrokenSignature(ok.EumCertificate) })),
            "a transactionId unknown to the SM-DP+" => es9.AuthenticateClientAsync(r => r with { TransactionId = Es9RequestAlterations.OtherTransactionId(r.TransactionId) }),
            _ => es9.AuthenticateClientAsync(r => r.WithResignedEuiccSigned1(euicc.Pki.Euicc.RequirePrivateKey(), s =>
                s with { ServerChallenge = [.. s.ServerChallenge.Select(b => (byte)~b)] })),
        });
    }

    /// <summary>The PKId of a CI the bundled reference SM-DP+ trusts without a CERT.DPauth.ECDSA under it (scenario tagged @reference-only).</summary>
    private byte[] CiWithoutDpAuth()
    {
        _ = run.Reference ?? throw new InvalidOperationException("a CI the SM-DP+ trusts without CERT.DPauth is known of the bundled reference SM-DP+ only: tag the scenario @reference-only");
        return ReferenceSmdp.CisWithoutDpAuth.Value.First(c => c.Curve == es9.Curve).Ci.Certificate.SubjectKeyIdentifier!;
    }
}
