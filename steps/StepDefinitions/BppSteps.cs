using System.Security.Cryptography;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>When steps: the LPA calls ES9+.GetBoundProfilePackage (SGP.22 v2.5 §5.6.2), as it would or altered.</summary>
[Binding]
public sealed class BppSteps(Es9Driver es9, BppDriver bpp)
{
    [When(@"^the LPA calls GetBoundProfilePackage$")]
    public Task Call() => bpp.GetBoundProfilePackageAsync();

    [When(@"^the LPA calls GetBoundProfilePackage with an unknown transactionId in the request$")]
    public Task UnknownTransactionId() => bpp.GetBoundProfilePackageAsync(r => r with { TransactionId = RandomNumberGenerator.GetBytes(16) });

    [When(@"^the LPA calls GetBoundProfilePackage with euiccSigned2 signed by the eUICC (over an unknown transactionId|without hashCc)$")]
    public async Task Forged(string how)
    {
        DownloadEuicc euicc = await es9.EuiccAsync();
        EUICCSigned2 sent = es9.Session.PrepareDownloadResult!.Value.DownloadResponseOk!.EuiccSigned2;
        EUICCSigned2 forged = how == "without hashCc"
            ? new EUICCSigned2(sent.TransactionId, sent.EuiccOtpk)
            : new EUICCSigned2(RandomNumberGenerator.GetBytes(16), sent.EuiccOtpk, sent.HashCc);
        byte[] pdr = new BppEuiccSigner(euicc.Pki.Euicc.RequirePrivateKey())
            .PrepareDownloadResponse(forged, es9.Session.AuthenticateClientResult!.Value!.SmdpSignature2);
        await bpp.GetBoundProfilePackageAsync(r => r with { PrepareDownloadResponse = pdr });
    }

    [When(@"^the LPA calls GetBoundProfilePackage again while the SM-DP\+ answers (\d+(?:\.\d+)* / \d+(?:\.\d+)*), at most (\d+) times$")]
    public async Task Again(StatusCode refused, int times)
    {
        FunctionOutcome outcome = await bpp.GetBoundProfilePackageAsync();
        for (int i = 1; i < times && refused.Matches(outcome.SubjectCode ?? "", outcome.ReasonCode ?? ""); i++)
        {
            outcome = await bpp.GetBoundProfilePackageAsync();
        }
    }
}
