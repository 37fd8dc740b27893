using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// When steps whose euiccSigned1 (SGP.22 v2.5 §5.7.13, AuthenticateServer) the harness changes and signs again with the
/// eUICC's own key: data only the SM-DP+ can judge, behind a valid euiccSignature1 (ES9+.AuthenticateClient, §5.6.3).
/// </summary>
[Binding]
public sealed class Es9SignedDataSteps(Es9Driver es9)
{
    /// <summary>uiccCapability with every named bit of SGP.22 v2.5 set, and eight bits past them that no version names yet.</summary>
    public static readonly NamedBits<UICCCapability> EveryUiccCapability = new([0xFF, 0xFF, 0xFF, 0xFF, 0xFF], 0);

    [When(@"^the LPA calls AuthenticateClient with euiccSigned1 carrying (an unknown transactionId|a uiccCapability with every bit set), signed by the eUICC$")]
    public async Task AuthenticateClientWithSigned1(string change)
    {
        DownloadEuicc euicc = await es9.EuiccAsync();
        await es9.AuthenticateClientAsync(r => r.WithResignedEuiccSigned1(euicc.Pki.Euicc.RequirePrivateKey(), s => change == "an unknown transactionId"
            ? s with { TransactionId = Es9RequestAlterations.OtherTransactionId(s.TransactionId) }
            : s with { EuiccInfo2 = s.EuiccInfo2 with { UiccCapability = EveryUiccCapability } }));
    }
}
