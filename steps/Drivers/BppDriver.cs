using Conformance.Adapters.Bpp;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Lpa;
using Conformance.Reports.Allure;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// GetBoundProfilePackage and the bound profile package (SGP.22 v2.5 §5.6.2, §2.5.4, §2.6.4, §5.5), over the
/// <see cref="Es9Driver"/>'s download: calls the function (as sent or altered), keeps the eUICC's one-time key of
/// the binding, verifies the package with <see cref="BppVerifier"/> (its report attached to the step) and loads it
/// into the emulated eUICC. Also remembers the first binding for the retry cases.
/// </summary>
public sealed class BppDriver(Es9Driver es9, DownloadOrderDriver orders, HarnessRun run, StepAttachments attachments)
{
    private OneTimeKeyPair? _otk;

    /// <summary>otPK.EUICC.ECKA and otPK.DP.ECKA of the first binding (retry scenarios).</summary>
    public (byte[] EuiccOtpk, byte[] SmdpOtpk)? FirstBinding { get; private set; }

    /// <summary>The store of the reference SM-DP+ that binds (the ordered package is compared byte for byte); null for a remote one.</summary>
    public SmdpPlus.Store.SmdpStore? ReferenceStore { get; set; } = run.Reference?.Store;

    /// <summary>The report of the last verification.</summary>
    public BppVerificationReport? Report { get; private set; }

    /// <summary>A one-time key the harness made for a euiccSigned2 it signs as the eUICC: the package is checked with it.</summary>
    public OneTimeKeyPair? ForgedOneTimeKey { get; set; }

    /// <summary>ES9+.GetBoundProfilePackage with the request the LPA would send, changed by <paramref name="alter"/>.</summary>
    public async Task<FunctionOutcome> GetBoundProfilePackageAsync(Func<Es9GetBoundProfilePackageRequest, Es9GetBoundProfilePackageRequest>? alter = null)
    {
        await KeepOneTimeKeyAsync().ConfigureAwait(false);
        Report = null;
        return await es9.CallAsync("GetBoundProfilePackage", l =>
            l.GetBoundProfilePackageAsync(alter?.Invoke(l.BuildGetBoundProfilePackageRequest()))).ConfigureAwait(false);
    }

    /// <summary>Runs the download through GetBoundProfilePackage (a precondition) and keeps the binding's key.</summary>
    public async Task BindAsync()
    {
        if (es9.Session.BoundProfilePackage is not null)
        {
            return;
        }
        if (es9.NextStep() <= DownloadStep.PrepareDownload)
        {
            await es9.RunUntilAsync(DownloadStep.PrepareDownload).ConfigureAwait(false);
        }
        await KeepOneTimeKeyAsync().ConfigureAwait(false);
        await es9.RunUntilAsync(DownloadStep.GetBoundProfilePackage).ConfigureAwait(false);
    }

    /// <summary>Binds, then records the keys of this first binding without installing it.</summary>
    public async Task BindWithoutInstallingAsync()
    {
        await BindAsync().ConfigureAwait(false);
        FirstBinding = (es9.Session.EuiccOtpk!, es9.Session.SmdpOtpk!);
    }

    /// <summary>Verifies the last bound profile package as the eUICC would; the report is attached to the step.</summary>
    public async Task<BppVerificationReport> VerifyAsync()
    {
        LpaSession s = es9.Session;
        GetBoundProfilePackageOk bpp = s.GetBoundProfilePackageResult?.Value
            ?? throw new InvalidOperationException("no bound profile package was received earlier in the scenario");
        AuthenticateClientOk ac = s.AuthenticateClientResult!.Value!;
        OneTimeKeyPair otk = _otk ?? throw new InvalidOperationException("the eUICC's one-time key of the binding was not kept");
        DownloadEuicc euicc = await es9.EuiccAsync().ConfigureAwait(false);
        // An order from a file or a command may come without its ICCID: then the one the SM-DP+ announced in AuthenticateClient.
        string iccid = orders.Iccid ?? es9.AnnouncedIccid ?? throw new InvalidOperationException("the scenario ordered no profile");
        byte[]? upp = ReferenceStore is { } store ? (await store.GetProfileAsync(iccid).ConfigureAwait(false))?.Upp : null;
        var input = new BppVerificationInput(otk, Convert.FromHexString(euicc.Eid), s.TransactionId!, RspCertificate.Parse(ac.SmdpCertificate),
            ac.ProfileMetaData.Encoded.ToArray(), iccid, upp);
        Report = BppVerifier.Verify(bpp.BoundProfilePackage.Encoded, input);
        attachments.Add("BPP verification", MimeTypes.Text, Report.ToText());
        return Report;
    }

    /// <summary>Fails naming the first rule broken (one line per violation).</summary>
    public async Task RequireConformingAsync()
    {
        BppVerificationReport report = Report ?? await VerifyAsync().ConfigureAwait(false);
        if (!report.Passed)
        {
            Assert.Fail(string.Join("\n", report.Violations.Select(v => v.ToString())));
        }
    }

    /// <summary>ES10b.LoadBoundProfilePackage into the emulated eUICC; the ProfileInstallationResult is kept in the session.</summary>
    public async Task<LoadBoundProfilePackageResult> LoadAsync()
    {
        if (es9.Session.LoadResult is { } done)
        {
            return done;
        }
        await BindAsync().ConfigureAwait(false);
        return await es9.Es10Async("LoadBoundProfilePackage", () => es9.Download.LoadBoundProfilePackageAsync()).ConfigureAwait(false);
    }

    private async Task KeepOneTimeKeyAsync()
    {
        DownloadEuicc euicc = await es9.EuiccAsync().ConfigureAwait(false);
        _otk = ForgedOneTimeKey ?? euicc.OneTimeKey;
    }
}
