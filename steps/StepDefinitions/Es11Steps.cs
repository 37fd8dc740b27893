using Conformance.Adapters.Es11;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// The LPA and the eUICC against the SM-DS under test on ES11 (SGP.22 v2.5 §5.8, §3.6.2): InitiateAuthentication,
/// the eUICC's AuthenticateServer with ctxParams1 for event retrieval, AuthenticateClient.
/// </summary>
[Binding]
public sealed class Es11Steps(SmdsDriver smds, Es9Driver es9, HarnessRun run)
{
    private static readonly byte[] UnknownCiPkId = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF01234567");

    [When(@"^the LPA calls InitiateAuthentication at the SM-DS$")]
    public Task InitiateAuthentication() => smds.InitiateAuthenticationAsync();

    [When(@"^the LPA calls InitiateAuthentication at the SM-DS twice$")]
    public async Task InitiateAuthenticationTwice()
    {
        SmdsDriverChecks.Require(await smds.InitiateAuthenticationAsync());
        SmdsDriverChecks.Require(await smds.InitiateAuthenticationAsync());
    }

    [When(@"^the LPA calls InitiateAuthentication at the SM-DS with the SM-DS address ""(.*)""$")]
    public Task InitiateAuthenticationWithAddress(string address) => smds.InitiateAuthenticationAsync(r => r with { SmdsAddress = address });

    [When(@"^the LPA calls InitiateAuthentication at the SM-DS with EUICCInfo1 offering only an unknown CI$")]
    public Task InitiateAuthenticationUnknownCi() => smds.InitiateAuthenticationAsync(r => r with
    {
        EuiccInfo1 = (EUICCInfo1.Decode(r.EuiccInfo1) with { EuiccCiPKIdListForVerification = [UnknownCiPkId], EuiccCiPKIdListForSigning = [UnknownCiPkId] }).Encode(),
    });

    [Given(@"^the eUICC has authenticated the SM-DS$")]
    public Task AuthenticatedTheSmds() => smds.AuthenticateTheSmdsAsync();

    [When(@"^the LPA calls AuthenticateClient at the SM-DS$")]
    public Task AuthenticateClient() => smds.AuthenticateClientAsync();

    [When(@"^the LPA calls AuthenticateClient at the SM-DS with a transactionId unknown to the SM-DS$")]
    public Task AuthenticateClientUnknownTransaction() =>
        smds.AuthenticateClientAsync(r => r with { TransactionId = Es9RequestAlterations.OtherTransactionId(r.TransactionId) });

    [Given(@"^the eUICC presents certificates under a CI unknown to the SM-DS$")]
    public void UnknownCi()
    {
        // A user's SGP.26 set may lack the negative variants and the keys to issue them (as for the SM-DP+ scenarios).
        CurvePki pki = run.Pki.For(es9.Curve);
        if (EuiccCredential.ItemsFor(EuiccFault.CertificatesUnderUnknownCi).Where(i => !pki.Items.ContainsKey(i)).Select(i => (PkiItem?)i).FirstOrDefault() is { } lacking)
        {
            Assert.Ignore($"Not applicable to this target: the PKI has no {lacking} certificate of {es9.Curve.ShortName()} for the eUICC to present.");
        }

        es9.AddEuiccFault(EuiccFault.CertificatesUnderUnknownCi);
    }

    [Then(@"^the event entries are exactly the registered event, with its EventID and the SM-DP\+ address$")]
    public void ExactlyTheEvent()
    {
        RegisteredEvent e = smds.LastRegistered;
        IReadOnlyList<Es11EventEntry> entries = smds.EventEntries;
        Assert.That(entries.Select(x => (x.EventId, x.RspServerAddress)), Is.EqualTo(new[] { (e.EventId, e.RspServerAddress) }),
            $"SGP.22 §5.8.2: eventEntries must hold the Event Record registered for the eUICC's EID (EventID {e.EventId}, rspServerAddress {e.RspServerAddress}) " +
            $"and no other; got [{string.Join("; ", entries)}]");
    }

    [Then(@"^the event entries are empty$")]
    public void NoEvents() =>
        Assert.That(smds.EventEntries, Is.Empty,
            $"SGP.22 §5.8.2, §3.6.2: the SM-DS must answer only the Event Records of the authenticated eUICC's EID, and it holds none for it; got [{string.Join("; ", smds.EventEntries)}]");
}
