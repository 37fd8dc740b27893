using System.Security.Cryptography.X509Certificates;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Adapters.Lpa;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Reports.Allure;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The harness as LPA and eUICC against the SM-DP+ under test over ES9+ (SGP.22 v2.5 §5.6, §3.1.3),
/// scenario-scoped. The eUICC is the emulated reference card (<see cref="DownloadEuicc"/>) with the run's
/// PKI for the scenario's curve (@nist / @brp); the LPA is <see cref="LpaDownload"/> over the JSON binding (the ASN.1 one for @asn1 scenarios)
/// to the run's SM-DP+ (bundled reference or remote URL), every HTTP exchange in <see cref="ExchangeLog"/>,
/// every ES10 exchange attached to its step. Each ES9+ call is reported to <see cref="ActionAttempt"/>, so
/// the generic outcome steps judge ES2+ and ES9+ alike; the last result of each function is kept for the
/// steps that check the answer's content.
/// </summary>
public sealed class Es9Driver(HarnessRun run, ScenarioContext scenario, FeatureContext feature, ExchangeLog log, ActionAttempt attempt,
    StepAttachments attachments) : IDisposable
{
    private DownloadEuicc? _euicc;
    private RspHttpTransport? _transport;
    private IEs9PlusClient? _smdp;
    private LpaDownload? _download;
    // The eUICC of the SM-DP+ scenarios is as lenient as deployed ones (DESIGN §1): strictness lives in the checks,
    // unless the strictEuicc setting asks for the strict card.
    private EuiccOptions _euiccOptions = new() { AcceptOversizedSegments = !run.Config.StrictEuicc };
    private int _es10Attached;

    /// <summary>The scenario's curve: @nist or @brp (feature, scenario or Examples tag), else the run's first curve.</summary>
    public RspCurve Curve => ScenarioCurve.Of(feature, scenario, run.Config);

    /// <summary>Another loopback SM-DP+ for this scenario (a variant of the bundled reference), set before the first ES9+ call.</summary>
    public (Uri BaseAddress, System.Net.IPEndPoint ConnectTo)? EndpointOverride { get; set; }

    /// <summary>The SM-DP+ address the LPA got (activation code): the run's smdpAddress setting.</summary>
    public string SmdpAddress => run.Config.SmdpAddress;

    /// <summary>The emulated eUICC's options (svn, faults); settable until the card is first used.</summary>
    public EuiccOptions EuiccOptions
    {
        get => _euicc?.Options ?? _euiccOptions;
        set => _euiccOptions = _euicc is null ? value : throw new InvalidOperationException("the eUICC is already started: set its options in a Given step before any download step");
    }

    /// <summary>Switches a fault of the emulated eUICC on (before the card is first used).</summary>
    public void AddEuiccFault(EuiccFault fault) =>
        EuiccOptions = EuiccOptions with { Faults = EuiccOptions.Faults with { Faults = new HashSet<EuiccFault>(EuiccOptions.Faults.Faults) { fault } } };

    /// <summary>The DeviceInfo the LPA puts into ctxParams1 (SGP.22 §5.7.13).</summary>
    public DeviceInfo DeviceInfo { get; set; } = DefaultDeviceInfo;

    /// <summary>A TAC and the capabilities of an LTE device with an SGP.22 v2.2 LPA.</summary>
    public static DeviceInfo DefaultDeviceInfo => new(Convert.FromHexString("35290611"), new DeviceCapabilities
    {
        GsmSupportedRelease = new VersionType(13, 0, 0),
        UtranSupportedRelease = new VersionType(13, 0, 0),
        EutranEpcSupportedRelease = new VersionType(13, 0, 0),
    });

    /// <summary>The eUICC of the scenario, started on first use with <see cref="EuiccOptions"/>.</summary>
    public async Task<DownloadEuicc> EuiccAsync()
    {
        // SM-DP+ scenarios always play the eUICC with the emulator, whatever --euicc says: the negative cases
        // need its faults and its keys.
        return _euicc ??= await DownloadEuicc.StartAsync(run.Pki, Curve, _euiccOptions).ConfigureAwait(false);
    }

    /// <summary>The ES9+ binding of the scenario: ASN.1 (SGP.22 §6.6) when tagged @asn1, else JSON (§6.5).</summary>
    public Es9Binding Binding => ScenarioBinding.Of(feature, scenario);

    /// <summary>The ES9+ client (the scenario's <see cref="Binding"/>) to the SM-DP+ under test.</summary>
    public IEs9PlusClient Smdp => _smdp ??= Es9PlusClient.Create(Transport, Binding,
        new RspJsonClientOptions { AdminProtocol = run.Config.AdminProtocol });

    /// <summary>The HTTPS transport to the SM-DP+ under test (recorded in the scenario's <see cref="ExchangeLog"/>).</summary>
    public RspHttpTransport Transport => _transport ??= SmdpHttpClientFactory.CreateTransport(HttpOptions(), log);

    /// <summary>The download in progress (the last one started).</summary>
    public LpaDownload Download => _download ?? throw new InvalidOperationException("no download was started earlier in the scenario (a Given step must start one)");

    public LpaSession Session => Download.Session;

    /// <summary>
    /// End of a scenario whose download took an EID-bound order from a file or a command and did not install it: the eUICC
    /// and the LPA cancel the session with endUserRejection (SGP.22 v2.5 §3.1.3, §5.6.5), as a user abandoning it would, so
    /// the SM-DP+ ends that order instead of handing it, with fewer download attempts left, to the next scenario's
    /// default SM-DP+ address download. Best effort: a session the SM-DP+ already ended answers an error, which is ignored.
    /// </summary>
    public async Task AbandonAsync()
    {
        if (_download is not { Session: { TransactionId: not null, AuthenticateClientResult.IsSuccess: true, LoadResult: null } } download)
        {
            return;
        }

        try
        {
            _ = await download.CancelSessionAsync(CancelSessionReason.endUserRejection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LpaStepException or RspTransportException or Es10Exception or Asn1DecodeException)
        {
            // The session is over one way or the other.
        }
    }

    /// <summary>
    /// The profile metadata the SM-DP+ announced in AuthenticateClient (SGP.22 v2.5 §5.6.3, decoded by the LPA), or null
    /// before it.
    /// </summary>
    public StoreMetadataRequest? AnnouncedMetadata => _download?.Session.ProfileMetadata;

    /// <summary>The announced ICCID: what names the profile when the order came from a file or a command without its ICCID.</summary>
    public string? AnnouncedIccid => AnnouncedMetadata?.Iccid.ToString();

    /// <summary>Starts a download (SGP.22 §3.1.3) as from an activation code with this MatchingID (null: none, default SM-DP+ address).</summary>
    public async Task<LpaDownload> StartDownloadAsync(string? matchingId, string? confirmationCode = null)
    {
        DownloadEuicc euicc = await EuiccAsync().ConfigureAwait(false);
        _download = new LpaDownload(euicc.Es10, Smdp, new LpaSession
        {
            SmdpAddress = SmdpAddress,
            MatchingId = matchingId,
            ConfirmationCode = confirmationCode,
            DeviceInfo = DeviceInfo,
        });
        return _download;
    }

    /// <summary>
    /// Starts a download from the default SM-DP+ address the eUICC holds (ES10a.GetEuiccConfiguredAddresses, SGP.22
    /// §3.1.3): the card is personalised with the run's SM-DP+ address as its default, and no MatchingID is sent.
    /// </summary>
    public async Task<LpaDownload> StartDownloadFromDefaultSmdpAddressAsync(string? confirmationCode = null)
    {
        if (_euicc is null)
        {
            _euiccOptions = _euiccOptions with { DefaultSmdpAddress = SmdpAddress };
        }
        DownloadEuicc euicc = await EuiccAsync().ConfigureAwait(false);
        _download = await Es10Async("GetEuiccConfiguredAddresses",
            () => LpaDownload.FromDefaultSmdpAddressAsync(euicc.Es10, Smdp, DeviceInfo, confirmationCode)).ConfigureAwait(false);
        return _download;
    }

    /// <summary>
    /// Downloads (up to AuthenticateClient) again and again from the current download's activation code until the
    /// SM-DP+ refuses one, at most <paramref name="max"/> times; returns how many it accepted. Then starts a fresh
    /// download that has gone through AuthenticateServer, so that the next AuthenticateClient is one attempt more.
    /// </summary>
    public async Task<int> UseUpDownloadAttemptsAsync(int max = 10)
    {
        (string? matchingId, string? cc) = (Session.MatchingId, Session.ConfirmationCode);
        int accepted = 0;
        while (accepted < max)
        {
            await StartDownloadAsync(matchingId, cc).ConfigureAwait(false);
            await RunUntilAsync(DownloadStep.AuthenticateServer).ConfigureAwait(false);
            if ((await AuthenticateClientAsync().ConfigureAwait(false)).Status != FunctionExecutionStatusValues.ExecutedSuccess)
            {
                break;
            }
            accepted++;
        }
        Assert.That(accepted, Is.GreaterThan(0), $"precondition not met: the SM-DP+ refused the first download attempt of the order: {attempt.Last}");
        await StartDownloadAsync(matchingId, cc).ConfigureAwait(false);
        await RunUntilAsync(DownloadStep.AuthenticateServer).ConfigureAwait(false);
        return accepted;
    }

    // ---- results kept for the outcome steps ----

    /// <summary>The last ES9+ result of any function (Es9Result&lt;T&gt;), or null.</summary>
    public object? LastResult { get; private set; }

    public Es9Result<InitiateAuthenticationOkEs9>? LastInitiateAuthentication { get; private set; }

    public Es9Result<AuthenticateClientOk>? LastAuthenticateClient { get; private set; }

    /// <summary>The InitiateAuthentication request actually sent last.</summary>
    public Es9InitiateAuthenticationRequest? LastInitiateAuthenticationRequest { get; private set; }

    /// <summary>The AuthenticateClient request actually sent last.</summary>
    public Es9AuthenticateClientRequest? LastAuthenticateClientRequest { get; private set; }

    /// <summary>Every successful InitiateAuthentication answer of the scenario, in order.</summary>
    public List<InitiateAuthenticationOkEs9> InitiateAuthentications { get; } = [];

    // ---- steps ----

    /// <summary>Runs the download from its start up to and including <paramref name="last"/>; each step must succeed (preconditions).</summary>
    public async Task RunUntilAsync(DownloadStep last)
    {
        LpaDownload d = Download;
        for (DownloadStep step = NextStep(); step <= last; step = NextStep())
        {
            await RunStepAsync(d, step).ConfigureAwait(false);
        }
    }

    /// <summary>The first step the current download has not done yet.</summary>
    public DownloadStep NextStep()
    {
        LpaSession s = Session;
        return s.EuiccChallenge is null ? DownloadStep.GetEuiccChallenge
            : s.InitiateAuthenticationResult?.Value is null ? DownloadStep.InitiateAuthentication
            : s.AuthenticateServerResult is null ? DownloadStep.AuthenticateServer
            : s.AuthenticateClientResult?.Value is null ? DownloadStep.AuthenticateClient
            : s.PrepareDownloadResult is null ? DownloadStep.PrepareDownload
            : s.GetBoundProfilePackageResult?.Value is null ? DownloadStep.GetBoundProfilePackage
            : DownloadStep.LoadBoundProfilePackage + 1;
    }

    private async Task RunStepAsync(LpaDownload d, DownloadStep step)
    {
        switch (step)
        {
            case DownloadStep.GetEuiccChallenge:
                await Es10Async("GetEUICCChallenge and GetEUICCInfo", () => d.GetEuiccChallengeAndInfo1Async()).ConfigureAwait(false);
                break;
            case DownloadStep.InitiateAuthentication:
                Require(await InitiateAuthenticationAsync().ConfigureAwait(false));
                break;
            case DownloadStep.AuthenticateServer:
                AuthenticateServerResponse asr = (await Es10Async("AuthenticateServer", () => d.AuthenticateServerAsync()).ConfigureAwait(false)).Value;
                Assert.That(asr.AuthenticateResponseError, Is.Null,
                    $"precondition 'ES10b AuthenticateServer' not met: the eUICC refused the SM-DP+ with authenticateErrorCode {asr.AuthenticateResponseError?.AuthenticateErrorCode}");
                break;
            case DownloadStep.AuthenticateClient:
                Require(await AuthenticateClientAsync().ConfigureAwait(false));
                break;
            case DownloadStep.PrepareDownload:
                PrepareDownloadResponse pdr = (await Es10Async("PrepareDownload", () => d.PrepareDownloadAsync()).ConfigureAwait(false)).Value;
                Assert.That(pdr.DownloadResponseError, Is.Null,
                    $"precondition 'ES10b PrepareDownload' not met: the eUICC answered downloadErrorCode {pdr.DownloadResponseError?.DownloadErrorCode}");
                break;
            case DownloadStep.GetBoundProfilePackage:
                Require(await CallAsync("GetBoundProfilePackage", l => l.GetBoundProfilePackageAsync()).ConfigureAwait(false));
                break;
            default:
                await Es10Async("LoadBoundProfilePackage", () => d.LoadBoundProfilePackageAsync()).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>ES9+.InitiateAuthentication with the request the LPA would send, changed by <paramref name="alter"/>.</summary>
    public async Task<FunctionOutcome> InitiateAuthenticationAsync(Func<Es9InitiateAuthenticationRequest, Es9InitiateAuthenticationRequest>? alter = null)
    {
        LpaDownload d = Download;
        if (Session.EuiccChallenge is null)
        {
            await RunStepAsync(d, DownloadStep.GetEuiccChallenge).ConfigureAwait(false);
        }
        Es9InitiateAuthenticationRequest request = d.BuildInitiateAuthenticationRequest();
        LastInitiateAuthenticationRequest = request = alter?.Invoke(request) ?? request;
        return await CallAsync("InitiateAuthentication", async l =>
        {
            Es9Result<InitiateAuthenticationOkEs9> r = await l.InitiateAuthenticationAsync(request).ConfigureAwait(false);
            LastInitiateAuthentication = r;
            if (r.Value is { } ok)
            {
                InitiateAuthentications.Add(ok);
            }
            return r;
        }).ConfigureAwait(false);
    }

    /// <summary>ES9+.AuthenticateClient with the request the LPA would send, changed by <paramref name="alter"/>.</summary>
    public async Task<FunctionOutcome> AuthenticateClientAsync(Func<Es9AuthenticateClientRequest, Es9AuthenticateClientRequest>? alter = null)
    {
        LpaDownload d = Download;
        Es9AuthenticateClientRequest request = d.BuildAuthenticateClientRequest();
        LastAuthenticateClientRequest = request = alter?.Invoke(request) ?? request;
        return await CallAsync("AuthenticateClient", async l =>
        {
            Es9Result<AuthenticateClientOk> r = await l.AuthenticateClientAsync(request).ConfigureAwait(false);
            LastAuthenticateClient = r;
            return r;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Any ES9+ call through the current download (GetBoundProfilePackage, HandleNotification, CancelSession...):
    /// the outcome goes to <see cref="ActionAttempt"/> (a transport or binding fault included) and the result to <see cref="LastResult"/>.
    /// </summary>
    public Task<FunctionOutcome> CallAsync<T>(string function, Func<LpaDownload, Task<Es9Result<T>>> call)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        LpaDownload d = Download;
        return attempt.PerformAsync("ES9+", function, async () =>
        {
            Es9Result<T> r = await call(d).ConfigureAwait(false);
            LastResult = r;
            return FunctionOutcome.Of(r);
        });
    }

    /// <summary>An ES10 call to the emulated eUICC; its exchanges are attached to the step.</summary>
    public async Task<T> Es10Async<T>(string function, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            AttachEs10(function);
        }
    }

    private async Task Es10Async(string function, Func<Task> call) =>
        await Es10Async<bool>(function, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private void AttachEs10(string function)
    {
        if (_euicc is null)
        {
            return;
        }
        var fresh = _euicc.Recorder.Exchanges.Skip(_es10Attached).ToList();
        _es10Attached += fresh.Count;
        var es10 = fresh.Where(x => x.Kind == ExchangeKind.Es10).ToList();
        if (es10.Count > 0)
        {
            attachments.Add($"ES10 {function} ({es10.Count} exchange{(es10.Count == 1 ? "" : "s")})", MimeTypes.Text,
                string.Join("\n" + new string('-', 72) + "\n", es10.Select(x => x.ToText())));
        }
    }

    /// <summary>A download step the scenario depends on must succeed; otherwise the scenario fails naming it.</summary>
    public static void Require(FunctionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status != FunctionExecutionStatusValues.ExecutedSuccess)
        {
            Assert.Fail($"precondition '{outcome.Interface} {outcome.Function}' not met: {SpecRules.Expectation(outcome, "Executed-Success")}");
        }
    }

    private SmdpHttpOptions HttpOptions()
    {
        X509Certificate2Collection roots = run.Es2Plus.TrustedRoots.Count > 0 ? run.Es2Plus.TrustedRoots
            : [.. run.Pki.Curves.Select(c => PkiMaterial.Certificate(c.Ci.Certificate))];
        return new SmdpHttpOptions
        {
            // The reference SM-DP+ serves ES9+ and ES2+ on one port; a remote one is at its configured URL.
            BaseAddress = EndpointOverride?.BaseAddress ?? run.Config.SmdpUrl ?? run.Es2Plus.BaseAddress,
            ConnectTo = EndpointOverride?.ConnectTo ?? (run.Config.IsReference ? run.Es2Plus.ConnectTo : null),
            // The name CERT.DPtls must carry: the SM-DP+ address unless the tlsName setting says otherwise (TargetConfig.Es9TlsName).
            SmdpAddress = EndpointOverride is null && run.Config.TlsNameSetting is { } name ? name : SmdpAddress,
            TrustedRoots = roots,
            Timeout = run.Config.Timeout,
        };
    }

    /// <summary>Called by the scenario container at the end of the scenario.</summary>
    public void Dispose()
    {
        _transport?.Dispose();
        _euicc?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
