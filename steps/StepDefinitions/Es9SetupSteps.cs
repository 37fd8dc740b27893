using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Given steps of the ES9+ scenarios: the order the download is about (prepared on ES2+), the download
/// started by the harness-as-LPA, and the emulated eUICC's state (SGP.22 v2.5 §3.1.1, §3.1.3).
/// </summary>
[Binding]
public sealed class Es9SetupSteps(Es9Driver es9, DownloadOrderDriver orders, HarnessRun run)
{
    [Given(@"^the LPA has an activation code of the SM-DP\+$")]
    public Task ActivationCode() => es9.StartDownloadAsync(Identifiers.NewMatchingId());

    [Given(@"^a profile (released for the eUICC with a MatchingID|released for the eUICC with a MatchingID and a confirmation code|released for the eUICC for its default SM-DP\+|released for the eUICC through an SM-DS event with a MatchingID|released for the eUICC through an SM-DS event without a MatchingID|confirmed for the eUICC without being released|released for another eUICC with a MatchingID)$")]
    public async Task Profile(string how)
    {
        DownloadOrderStyle style = DownloadOrderDriver.StyleOf("a profile " + how)!.Value;
        await orders.PrepareAsync(style);
        await StartAsync(es9, orders, style);
    }

    /// <summary>Starts the download of the order just prepared: from the default SM-DP+ address, or from its activation code.</summary>
    internal static async Task StartAsync(Es9Driver es9, DownloadOrderDriver orders, DownloadOrderStyle style)
    {
        if (DownloadOrderDriver.StartsFromDefaultSmdpAddress(style))
        {
            await es9.StartDownloadFromDefaultSmdpAddressAsync(orders.ConfirmationCode);
            return;
        }
        await es9.StartDownloadAsync(orders.MatchingId, orders.ConfirmationCode);
    }

    [Given(@"^the download has gone through (InitiateAuthentication|AuthenticateServer|AuthenticateClient|PrepareDownload)$")]
    public Task GoneThrough(DownloadStep step) => es9.RunUntilAsync(step);

    [Given(@"^the LPA puts (no MatchingID|an empty MatchingID) into ctxParams1$")]
    public void MatchingIdInCtxParams1(string which)
    {
        es9.Session.MatchingId = which == "no MatchingID" ? null : "";
        orders.WithholdMatchingId();
    }

    [Given(@"^the eUICC presents (an expired eUICC certificate|an expired EUM certificate|an eUICC certificate signed by another EUM|certificates under a CI unknown to the SM-DP\+|an eUICC certificate whose EID is outside the EUM's permitted range|an euiccSignature1 that does not verify)$")]
    public void EuiccFaultOn(string what)
    {
        EuiccFault fault = what switch
        {
            "an expired eUICC certificate" => EuiccFault.ExpiredEuiccCertificate,
            "an expired EUM certificate" => EuiccFault.ExpiredEumCertificate,
            "an eUICC certificate signed by another EUM" => EuiccFault.EuiccFromForeignEum,
            "certificates under a CI unknown to the SM-DP+" => EuiccFault.CertificatesUnderUnknownCi,
            "an eUICC certificate whose EID is outside the EUM's permitted range" => EuiccFault.EidOutsideEumRange,
            _ => EuiccFault.InvalidEuiccSignature1,
        };
        // A user's SGP.26 set has no negative variants; the harness issues them from the set's keys (TestPkiGenerator.Complete),
        // which needs SK.EUM.ECDSA or SK.CI.ECDSA. Without them the eUICC cannot present this certificate.
        CurvePki pki = run.Pki.For(es9.Curve);
        if (EuiccCredential.ItemsFor(fault).Where(i => !pki.Items.ContainsKey(i)).Select(i => (PkiItem?)i).FirstOrDefault() is { } lacking)
        {
            Assert.Ignore($"Not applicable to this target: the eUICC cannot present {what}: the PKI ({run.Config.PkiDirectory}) has no {lacking} " +
                $"certificate of {es9.Curve.ShortName()}, and not the private key of its issuer (SK.EUM.ECDSA or SK.CI.ECDSA) to issue one.");
        }
        es9.AddEuiccFault(fault);
    }

    [Given(@"^the device declares every DeviceInfo capability and the eUICC declares SGP\.22 v2\.3\.0$")]
    public void ExtendedCapabilities()
    {
        var v = new VersionType(16, 0, 0);
        es9.DeviceInfo = new DeviceInfo(Convert.FromHexString("35290611"), new DeviceCapabilities
        {
            GsmSupportedRelease = v,
            UtranSupportedRelease = v,
            Cdma2000onexSupportedRelease = v,
            Cdma2000hrpdSupportedRelease = v,
            Cdma2000ehrpdSupportedRelease = v,
            EutranEpcSupportedRelease = v,
            ContactlessSupportedRelease = v,
            RspCrlSupportedVersion = new VersionType(2, 0, 0),
            NrEpcSupportedRelease = v,
            Nr5gcSupportedRelease = v,
            Eutran5gcSupportedRelease = v,
            LpaSvn = new VersionType(2, 3, 0),
        }, Convert.FromHexString("3529061123456780"));
        es9.EuiccOptions = es9.EuiccOptions with { Svn = new VersionType(2, 3, 0) };
    }

    [Given(@"^a first download attempt failed at AuthenticateClient with a broken euiccSignature1$")]
    public async Task FirstAttemptFailed()
    {
        await es9.RunUntilAsync(DownloadStep.AuthenticateServer);
        FunctionOutcome first = await es9.AuthenticateClientAsync(r => r.WithResponseOk(ok =>
            ok with { EuiccSignature1 = [.. ok.EuiccSignature1[..^1], (byte)(ok.EuiccSignature1[^1] ^ 0x01)] }));
        Assert.That(first.Status, Is.Not.EqualTo(Conformance.Rsp.StatusCodes.FunctionExecutionStatusValues.ExecutedSuccess),
            $"precondition not met: the first attempt, with a broken euiccSignature1, must fail: {first}");
    }

    [Given(@"^the LPA starts the download of that profile again$")]
    public Task StartAgain() => es9.StartDownloadAsync(orders.MatchingId, orders.ConfirmationCode);

    [Given(@"^the LPA has the MatchingID of a profile pool with no profile left$")]
    public async Task EmptyPool() => await es9.StartDownloadAsync(await orders.EmptyPoolMatchingIdAsync());

    [Given(@"^the download order of that profile has expired$")]
    public Task Expired() => orders.ExpireOrderAsync();

    [Given(@"^the eUICC has used up the download attempts of that order$")]
    public Task UsedUp() => es9.UseUpDownloadAttemptsAsync();
}

/// <summary>
/// End of an ES9+ scenario with orders from a file or a command: the session of an order found by EID (the download had no
/// MatchingID) that was not installed is cancelled. Orders the harness made on ES2+ are cancelled by <see cref="OperatorHooks"/>.
/// </summary>
[Binding]
public sealed class Es9Hooks(DownloadOrderDriver orders, Es9Driver es9, HarnessRun run)
{
    [AfterScenario("es9plus", Order = HookOrder.Verdict - 1)]
    public async Task CleanUp()
    {
        if (run.OrderSource is not null && orders.Style is { } style && (DownloadOrderDriver.StartsFromDefaultSmdpAddress(style) || orders.MatchingIdWithheld))
        {
            await es9.AbandonAsync();
        }
    }
}
