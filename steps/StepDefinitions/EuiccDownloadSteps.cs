using Conformance.Adapters.Es10;
using Conformance.Adapters.Lpa;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Profile download into the eUICC under test (SGP.22 v2.5 §3.1.3): ES10b AuthenticateServer (§5.7.13),
/// PrepareDownload (§5.7.5), LoadBoundProfilePackage (§5.7.6) with ES8+ inside it (§5.5), CancelSession (§5.7.14).
/// The SM-DP+ is the harness (reference SM-DP+ logic, <see cref="SmdpFault"/>s for the negative cases).
/// </summary>
[Binding]
public sealed class EuiccDownloadSteps(EuiccDriver euicc, CardDownloadDriver download, ServerSideSmdp smdp, HarnessRun run)
{
    private const string DownloadsProfile = "the download's profile";

    [Given(@"^the SM-DP\+ injects the fault (\w+)$")]
    public void InjectFault(SmdpFault fault) => smdp.Faults.Add(fault);

    [Given(@"^the SM-DP\+ protects profiles with profile protection keys$")]
    public void UsePpk() => smdp.UseProfileProtectionKeys = true;

    // Reqnroll passes only the groups that took part in a match: an optional part is an alternative with an empty branch.
    [Given(@"^the SM-DP\+ has released a profile for the eUICC( with the confirmation code \d+|)$")]
    public Task Released(string withCode) =>
        EuiccDriver.Checked(() => download.StartAsync(confirmationCode: withCode.Length == 0 ? null : withCode[(withCode.LastIndexOf(' ') + 1)..]));

    [Given(@"^the LPA has authenticated the SM-DP\+ to the eUICC$")]
    public Task Authenticated() => EuiccDriver.Checked(async () =>
    {
        await download.AuthenticateAsync().ConfigureAwait(false);
        Assert.That(euicc.Last!.Name, Is.EqualTo("authenticateResponseOk"), euicc.Last.Mismatch("authenticateResponseOk"));
    });

    [When(@"^the LPA authenticates the SM-DP\+ to the eUICC$")]
    public Task Authenticate() => EuiccDriver.Checked(() => download.AuthenticateAsync());

    [When(@"^the LPA sends AuthenticateServer with a CERT\.DPauth\.ECDSA on P-384$")]
    public Task AuthenticateP384() => EuiccDriver.Checked(() =>
        download.AuthenticateAsync(r => r with { ServerCertificate = download.DpAuthOnUnsupportedCurve() }));

    [When(@"^the LPA prepares the download( without the hashed confirmation code|)$")]
    public Task Prepare(string without) => EuiccDriver.Checked(() => download.PrepareAsync(without.Length > 0));

    [Given(@"^the LPA has downloaded a profile from the SM-DP\+$")]
    public Task Downloaded() => EuiccDriver.Checked(() => download.DownloadAsync());

    [When(@"^the LPA downloads the profile$")]
    public Task Download() => EuiccDriver.Checked(async () =>
    {
        await download.AuthenticateAsync().ConfigureAwait(false);
        _ = await download.PrepareAsync().ConfigureAwait(false);
        _ = await download.LoadAsync().ConfigureAwait(false);
    });

    [When(@"^the LPA downloads the profile, sending (StoreMetadata before ConfigureISDP|InitialiseSecureChannel twice)$")]
    public Task DownloadAltered(string change) => EuiccDriver.Checked(async () =>
    {
        await download.AuthenticateAsync().ConfigureAwait(false);
        _ = await download.PrepareAsync().ConfigureAwait(false);
        _situation = "sent with " + change;
        // Sequences (SGP.22 §2.5.5): [0] BF36 header and InitialiseSecureChannel, [1] A0 header and ConfigureISDP,
        // [2] A1 header, then the '88' StoreMetadata segments, then A3 (or A2) and the rest.
        _ = await download.LoadAsync(s => change == "InitialiseSecureChannel twice"
            ? [s[0], s[0], .. s.Skip(1)]
            : [s[0], .. s.Skip(2).TakeWhile(c => c[0] == 0x88 || c[0] == 0xA1), s[1], .. s.Skip(2).SkipWhile(c => c[0] == 0x88 || c[0] == 0xA1)]).ConfigureAwait(false);
    });

    private string? _situation;

    [Then(@"^the profile installation result is an error for (\w+)$")]
    public void InstallErrorReason(ErrorReason reason)
    {
        ProfileInstallationResultData data = Pir().ProfileInstallationResultData;
        string got = data.ErrorResult is { } e ? $"errorResult {e.BppCommandId}({(int)e.BppCommandId}) / {e.ErrorReason}({(int)e.ErrorReason})" : "successResult";
        Assert.That(data.ErrorResult?.ErrorReason, Is.EqualTo(reason),
            $"SGP.22 §5.7.6, §2.5.6: a bound profile package {_situation ?? Situation} must fail with errorReason {reason}({(int)reason}), got {got}");
    }

    [Given(@"^the LPA has cancelled the session on the eUICC with reason (\w+)$")]
    [When(@"^the LPA cancels the session on the eUICC with reason (\w+)$")]
    public Task Cancel(CancelSessionReason reason) => CancelAsync(download.Lpa.Session.TransactionId!, reason, "of the RSP session");

    [When(@"^the LPA cancels a session with another transactionId$")]
    public Task CancelOther() => CancelAsync(Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF"), CancelSessionReason.endUserRejection, "with a transactionId of no session");

    private Task CancelAsync(byte[] transactionId, CancelSessionReason reason, string situation) => EuiccDriver.Checked(async () =>
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        CancelSessionResponse r = (await es10.CancelSessionAsync(transactionId, reason).ConfigureAwait(false)).Value;
        _cancel = r;
        euicc.Last = r.CancelSessionResponseError is { } e
            ? CardOutcome.Of("CancelSession", "§5.7.14", situation, e)
            : CardOutcome.Named<CancelSessionError>("CancelSession", "§5.7.14", situation, "cancelSessionResponseOk");
    });

    private CancelSessionResponse? _cancel;

    [Then(@"^the cancellation is signed by the eUICC for the session's transactionId$")]
    public void CancellationSigned()
    {
        CancelSessionResponseOk ok = _cancel?.CancelSessionResponseOk ?? throw new AssertionException($"SGP.22 §5.7.14: CancelSession of the RSP session must answer cancelSessionResponseOk, got {euicc.Last?.Display}");
        Assert.That(ok.EuiccCancelSessionSigned.TransactionId, Is.EqualTo(download.Lpa.Session.TransactionId),
            "SGP.22 §5.7.14: euiccCancelSessionSigned carries the transactionId of the cancelled session");
        VerifyByEuicc(ok.EuiccCancelSessionSigned.SignedData.Span, ok.EuiccCancelSessionSignature, "§5.7.14", "euiccCancelSessionSignature over euiccCancelSessionSigned");
    }

    // ---- AuthenticateServer ----

    [Then(@"^euiccSigned1 echoes the transactionId, serverAddress and serverChallenge of serverSigned1$")]
    public void Echoes()
    {
        EuiccSigned1 signed = Ok1().EuiccSigned1;
        ServerSigned1 server = download.Lpa.Session.InitiateAuthenticationResult!.Value!.ServerSigned1;
        Assert.That(signed.TransactionId, Is.EqualTo(server.TransactionId), "SGP.22 §5.7.13: euiccSigned1.transactionId is serverSigned1's");
        Assert.That(signed.ServerAddress, Is.EqualTo(server.ServerAddress),
            "SGP.22 §5.7.13: euiccSigned1.serverAddress is the serverAddress of serverSigned1 as received (the SM-DP+ checks it)");
        Assert.That(signed.ServerChallenge, Is.EqualTo(server.ServerChallenge), "SGP.22 §5.7.13: euiccSigned1.serverChallenge is serverSigned1's");
    }

    [Then(@"^euiccSignature1 verifies with CERT\.EUICC\.ECDSA, which chains to the EUM and the CI$")]
    public void Signature1()
    {
        AuthenticateResponseOk ok = Ok1();
        CertificateValidationResult chain = run.Pki.Validator().ValidateEuiccChain(ok.EuiccCertificate, ok.EumCertificate, DateTimeOffset.UtcNow);
        Assert.That(chain.IsValid, Is.True, $"SGP.22 §5.7.13, §4.5.2: CERT.EUICC.ECDSA and CERT.EUM.ECDSA chain to a CI of the run: {chain.Message}");
        VerifyByEuicc(ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1, "§5.7.13", "euiccSignature1 over euiccSigned1", ok.EuiccCertificate);
    }

    private AuthenticateResponseOk Ok1() => download.Lpa.Session.AuthenticateServerResult?.Value.AuthenticateResponseOk
        ?? throw new AssertionException($"SGP.22 §5.7.13: AuthenticateServer must answer authenticateResponseOk, got {euicc.Last?.Display}");

    // ---- PrepareDownload ----

    [Then(@"^euiccSigned2 carries the session's transactionId and a one-time public key on the session's curve$")]
    public void Signed2()
    {
        EUICCSigned2 signed = Ok2().EuiccSigned2;
        Assert.That(signed.TransactionId, Is.EqualTo(download.Lpa.Session.TransactionId), "SGP.22 §5.7.5: euiccSigned2.transactionId is the session's");
        Assert.That(signed.EuiccOtpk.Length == 65 && signed.EuiccOtpk[0] == 0x04, Is.True,
            $"SGP.22 §5.7.5: euiccOtpk is an uncompressed point on {download.Curve.ShortName()} (65 bytes, '04' first), got {signed.EuiccOtpk.Length} bytes");
    }

    [Then(@"^euiccSignature2 verifies with CERT\.EUICC\.ECDSA$")]
    public void Signature2()
    {
        PrepareDownloadResponseOk ok = Ok2();
        byte[] smdpSignature2 = download.Lpa.Session.AuthenticateClientResult!.Value!.SmdpSignature2;
        byte[] signed = [.. ok.EuiccSigned2.SignedData.Span, .. SignatureTlv(smdpSignature2)];
        VerifyByEuicc(signed, ok.EuiccSignature2, "§5.7.5", "euiccSignature2 over euiccSigned2 and smdpSignature2");
    }

    [Then(@"^euiccSigned2 carries the hashed confirmation code$")]
    public void HashCc()
    {
        EUICCSigned2 signed = Ok2().EuiccSigned2;
        byte[] expected = LpaDownload.HashConfirmationCode(download.Profile!.ConfirmationCode!, download.Lpa.Session.TransactionId!);
        Assert.That(signed.HashCc, Is.EqualTo(expected), "SGP.22 §5.7.5: with ccRequiredFlag the eUICC signs the hashCc the LPA gave in euiccSigned2");
    }

    private PrepareDownloadResponseOk Ok2() => download.Lpa.Session.PrepareDownloadResult?.Value.DownloadResponseOk
        ?? throw new AssertionException($"SGP.22 §5.7.5: PrepareDownload must answer downloadResponseOk, got {euicc.Last?.Display}");

    // ---- LoadBoundProfilePackage ----

    [Then(@"^the profile installation result is a success$")]
    public void InstallSuccess()
    {
        ProfileInstallationResultData data = Pir().ProfileInstallationResultData;
        Assert.That(data.ErrorResult, Is.Null,
            $"SGP.22 §5.7.6: a valid bound profile package must install; the eUICC answered errorResult {data.ErrorResult?.BppCommandId}({(int?)data.ErrorResult?.BppCommandId}) / {data.ErrorResult?.ErrorReason}({(int?)data.ErrorResult?.ErrorReason})");
        Assert.That(data.SuccessResult, Is.Not.Null, "SGP.22 §5.7.6: a successful installation answers successResult");
    }

    [Then(@"^the profile installation result is an error of (\w+) for (\w+)$")]
    public void InstallError(BppCommandId command, ErrorReason reason)
    {
        ProfileInstallationResultData data = Pir().ProfileInstallationResultData;
        string got = data.ErrorResult is { } e ? $"errorResult {e.BppCommandId}({(int)e.BppCommandId}) / {e.ErrorReason}({(int)e.ErrorReason})" : "successResult";
        string rule = $"SGP.22 §5.7.6, §2.5.6: a bound profile package {Situation} must fail with bppCommandId {command}({(int)command}) / errorReason {reason}({(int)reason}), got {got}";
        Assert.That(data.ErrorResult, Is.Not.Null, rule);
        Assert.That((data.ErrorResult!.BppCommandId, data.ErrorResult.ErrorReason), Is.EqualTo((command, reason)), rule);
    }

    [Then(@"^the profile installation result is signed by the eUICC$")]
    public void PirSigned()
    {
        ProfileInstallationResult pir = Pir();
        Assert.That(pir.ProfileInstallationResultData.TransactionId, Is.EqualTo(download.Lpa.Session.TransactionId), "SGP.22 §5.7.6: the result names the session's transactionId");
        VerifyByEuicc(pir.DataToBeSigned(), pir.EuiccSignPIR, "§5.7.6", "euiccSignPIR over profileInstallationResultData");
    }

    [Then(@"^no profile of the download remains on the eUICC$")]
    public Task NothingRemains() => EuiccDriver.Checked(async () =>
    {
        ProfileInfo? left = await euicc.ProfileInfoAsync(euicc.IccidOf(DownloadsProfile)).ConfigureAwait(false);
        Assert.That(left, Is.Null,
            $"SGP.22 §3.1.3.3, §5.7.6: after a failed installation the eUICC SHALL delete what it installed; GetProfilesInfo still lists {euicc.IccidOf(DownloadsProfile)} ({left?.ProfileState})");
    });

    [Then(@"^the eUICC holds the downloaded profile, disabled, with the metadata the SM-DP\+ sent$")]
    public Task HoldsDownloaded() => EuiccDriver.Checked(async () =>
    {
        string iccid = euicc.IccidOf(DownloadsProfile);
        ProfileInfo info = await euicc.ProfileInfoAsync(iccid).ConfigureAwait(false)
            ?? throw new AssertionException($"SGP.22 §5.7.6, §5.7.15: the installed profile {iccid} must be listed by GetProfilesInfo");
        StoreMetadataRequest md = download.Lpa.Session.ProfileMetadata!;
        Assert.That(info.ProfileState, Is.EqualTo(ProfileState.disabled), "SGP.22 §3.1.3.3: a newly installed profile is disabled");
        Assert.That(info.ProfileName, Is.EqualTo(md.ProfileName), "SGP.22 §5.5.3 StoreMetadata: profileName as the SM-DP+ sent it");
        Assert.That(info.ServiceProviderName, Is.EqualTo(md.ServiceProviderName), "SGP.22 §5.5.3 StoreMetadata: serviceProviderName as the SM-DP+ sent it");
        Assert.That(info.IsdpAid, Is.EqualTo(Pir().ProfileInstallationResultData.SuccessResult!.Aid),
            "SGP.22 §5.5.2 ConfigureISDP, §5.7.6: the ISD-P AID of successResult is the profile's isdpAid");
    });

    private ProfileInstallationResult Pir() => download.Result?.ProfileInstallationResult
        ?? throw new AssertionException($"SGP.22 §5.7.6: LoadBoundProfilePackage gave no ProfileInstallationResult (last answer: {euicc.Last?.Display ?? "none"})");

    private string Situation => smdp.Faults.Count == 0 ? "" : $"with {string.Join(", ", smdp.Faults)}";

    private void VerifyByEuicc(ReadOnlySpan<byte> data, byte[] signature, string section, string what, byte[]? certificate = null)
    {
        byte[] der = certificate ?? download.Lpa.Session.AuthenticateServerResult?.Value.AuthenticateResponseOk?.EuiccCertificate
            ?? throw new InvalidOperationException("no CERT.EUICC.ECDSA: AuthenticateServer did not succeed");
        RspCertificate cert = RspCertificate.Parse(der);
        Assert.That(BouncyCastleEcdsa.Instance.Verify(cert.PublicKey!, data, signature), Is.True,
            $"SGP.22 {section}: {what} SHALL be computed with SK.EUICC.ECDSA; it does not verify with the key of CERT.EUICC.ECDSA");
    }

    private static byte[] SignatureTlv(byte[] signature) => [0x5F, 0x37, (byte)signature.Length, .. signature];
}
