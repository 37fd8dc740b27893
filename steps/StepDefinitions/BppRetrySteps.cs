using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Lpa;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// GetBoundProfilePackage called again within one RSP session (SGP.22 v2.5 §3.1.3.2, §5.6.2): after the eUICC refused
/// PrepareDownload, after a refused confirmation code, and with another one-time key. The eUICC's part (a new
/// euiccSigned2) is signed with the eUICC's own test key, as the eUICC does when PrepareDownload runs again.
/// </summary>
[Binding]
public sealed class BppRetrySteps(Es9Driver es9, BppDriver bpp, DownloadOrderDriver orders, ActionAttempt attempt)
{
    [When(@"^the LPA calls GetBoundProfilePackage with a PrepareDownloadResponse carrying downloadErrorCode (\w+)$")]
    public Task DownloadError(DownloadErrorCode code) => bpp.GetBoundProfilePackageAsync(r => r with
    {
        PrepareDownloadResponse = PrepareDownloadResponse.Error(new PrepareDownloadResponseError(r.TransactionId, code)).Encode(),
    });

    [Then(@"^the SM-DP\+ answers Failed$")]
    public void AnswersFailed() => Assert.That(attempt.Last.Status, Is.EqualTo(FunctionExecutionStatusValues.Failed),
        $"SGP.22 §3.1.3.2, §5.6.2: the eUICC refused PrepareDownload, so no profile can be bound; {attempt.Last}");

    [Then(@"^the RSP session is ended: GetBoundProfilePackage with the eUICC's PrepareDownloadResponse is then refused with (\d+(?:\.\d+)* / \d+(?:\.\d+)*)$")]
    public async Task SessionEnded(StatusCode code)
    {
        Es9Result<GetBoundProfilePackageOk> r = await es9.Smdp.GetBoundProfilePackageAsync(es9.Download.BuildGetBoundProfilePackageRequest());
        Assert.That(r.FailedWith(code), Is.True,
            $"SGP.22 §3.1.3.2: after the eUICC's PrepareDownload error the download stops and the RSP session is ended; the eUICC's valid PrepareDownloadResponse of that session was answered {r}");
    }

    [When(@"^the end user enters the right confirmation code and the LPA calls GetBoundProfilePackage again$")]
    public async Task RightCode()
    {
        string code = orders.ConfirmationCode ?? throw new InvalidOperationException("the scenario's order has no confirmation code");
        es9.Session.ConfirmationCode = code;
        EUICCSigned2 sent = SentEuiccSigned2();
        await SendAsync(new EUICCSigned2(sent.TransactionId, sent.EuiccOtpk, LpaDownload.HashConfirmationCode(code, sent.TransactionId)));
    }

    [When(@"^the LPA calls GetBoundProfilePackage again in the same RSP session with euiccSigned2 signed by the eUICC over a new one-time key$")]
    public async Task NewOneTimeKey()
    {
        OneTimeKeyPair key = OneTimeKeyPair.Generate(es9.Curve);
        bpp.ForgedOneTimeKey = key;
        EUICCSigned2 sent = SentEuiccSigned2();
        await SendAsync(new EUICCSigned2(sent.TransactionId, key.PublicPoint, sent.HashCc));
    }

    private EUICCSigned2 SentEuiccSigned2() =>
        es9.Session.PrepareDownloadResult?.Value.DownloadResponseOk?.EuiccSigned2
        ?? throw new InvalidOperationException("the eUICC answered no PrepareDownloadResponseOk earlier in the scenario");

    private async Task SendAsync(EUICCSigned2 signed)
    {
        DownloadEuicc euicc = await es9.EuiccAsync();
        byte[] pdr = new BppEuiccSigner(euicc.Pki.Euicc.RequirePrivateKey())
            .PrepareDownloadResponse(signed, es9.Session.AuthenticateClientResult!.Value!.SmdpSignature2);
        await bpp.GetBoundProfilePackageAsync(r => r with { PrepareDownloadResponse = pdr });
    }
}
