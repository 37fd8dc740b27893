using Conformance.Euicc.Faults;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Given steps of the GetBoundProfilePackage scenarios (SGP.22 v2.5 §3.1.3.2, §5.6.2): how far the download went,
/// a first binding left uninstalled for the retry cases, and the eUICC or end user behaving as the case needs.
/// </summary>
[Binding]
public sealed class BppSetupSteps(Es9Driver es9, BppDriver bpp, DownloadOrderDriver orders)
{
    /// <summary>A confirmation code other than the one of the order (DownloadOrderDriver.HarnessConfirmationCode).</summary>
    public const string WrongConfirmationCode = "0000";

    [Given(@"^the download has gone through (GetBoundProfilePackage|LoadBoundProfilePackage)$")]
    public async Task GoneThrough(DownloadStep step)
    {
        await bpp.BindAsync();
        if (step == DownloadStep.LoadBoundProfilePackage)
        {
            await bpp.LoadAsync();
        }
    }

    [Given(@"^a bound profile package was delivered for it and not installed$")]
    public Task DeliveredNotInstalled() => bpp.BindWithoutInstallingAsync();

    [Given(@"^the LPA starts the download again with the same activation code$")]
    public Task StartAgain() => es9.StartDownloadAsync(orders.MatchingId ?? es9.Session.MatchingId, orders.ConfirmationCode ?? es9.Session.ConfirmationCode);

    [Given(@"^the eUICC generates a new one-time key for every PrepareDownload$")]
    public void NewOneTimeKey() => es9.AddEuiccFault(EuiccFault.ChangeOtpk);

    [Given(@"^the eUICC signs euiccSigned2 with a wrong signature$")]
    public void WrongEuiccSignature2() => es9.AddEuiccFault(EuiccFault.InvalidEuiccSignature2);

    [Given(@"^the end user enters a wrong confirmation code$")]
    public void WrongConfirmationCodeEntered() => es9.Session.ConfirmationCode = WrongConfirmationCode;
}
