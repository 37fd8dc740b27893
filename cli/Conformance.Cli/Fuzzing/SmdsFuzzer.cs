using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Smds;
using Conformance.SmDs;
using Conformance.SmDs.Hosting;
using Conformance.SmdpPlus.Crypto;
using Microsoft.Extensions.Logging;

namespace Conformance.Cli.Fuzzing;

/// <summary>
/// Issue #16's black-box probes of the bundled SM-DS, with <see cref="RspFuzzer"/>'s classes and judging: a server is
/// started on loopback with the generated test PKI, every connection presents CERT.DP.TLS (the ES12 caller's client
/// certificate, SGP.22 v2.5 §2.6.6), and the seeds are valid requests of every function: ES11.InitiateAuthentication,
/// ES11.AuthenticateClient (made with the emulated eUICC for event retrieval, ctxParams without a MatchingID),
/// ES12.RegisterEvent and ES12.DeleteEvent (SGP.22 v2.5 §5.8, §5.9). Every answer must be an SGP.22
/// functionExecutionStatus by the JSON binding's rule (§6.5), never HTTP 500 or exception text.
/// </summary>
public sealed class SmdsFuzzer : RspFuzzer
{
    private readonly SmdsServer _server;
    private readonly Es10Handler _euicc;
    private readonly X509Certificate2 _dpTls;
    private readonly string _dir;
    private readonly string _smdsAddress;
    private readonly ConcurrentQueue<Dictionary<string, object>> _sessions = new();

    private SmdsFuzzer(SmdsServer server, Es10Handler euicc, X509Certificate2 dpTls, int port, string dir, string smdsAddress)
        : base(port, dpTls, asn1Path: null)
    {
        _smdsAddress = smdsAddress;
        _server = server;
        _euicc = euicc;
        _dpTls = dpTls;
        _dir = dir;
    }

    public static async Task<SmdsFuzzer> StartAsync(CancellationToken ct)
    {
        string dir = Path.Combine(Path.GetTempPath(), "conformance-fuzz-smds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        TestPki pki = TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true, IncludeNegativeVariants = false });
        CurvePki nist = pki.For(Rsp.Crypto.RspCurve.NistP256);
        var options = new SmdsOptions
        {
            Port = 0,
            DatabasePath = Path.Combine(dir, "smds.db"),
            Pki = pki,
            MaxRequestBodyBytes = 64 * 1024,
        };
        var server = new SmdsServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.None));
        Uri url = await server.StartAsync(ct).ConfigureAwait(false);
        var euicc = new Es10Handler(EuiccIdentity.FromPki(pki));
        var fuzzer = new SmdsFuzzer(server, euicc, CertificateWithKey.Of(nist.DpTls), url.Port, dir, options.SmdsAddress);
        await fuzzer.MakeSeedsAsync(ct).ConfigureAwait(false);
        return fuzzer;
    }

    /// <summary>
    /// The SM-DS ends an RSP session at its first AuthenticateClient, failed or not: each certificate probe (one in five)
    /// gets a session of its own, made here (InitiateAuthentication and the eUICC's AuthenticateServer), so that its
    /// corrupted CERT.EUICC or CERT.EUM meets the certificate checks rather than an unknown transactionId.
    /// </summary>
    public override async Task PrepareAsync(int count, CancellationToken ct)
    {
        for (int i = 0; i < (count + 4) / 5; i++)
        {
            (string tid, byte[] asr) = await SessionAsync(ct).ConfigureAwait(false);
            _sessions.Enqueue(new() { ["transactionId"] = tid, ["authenticateServerResponse"] = Convert.ToBase64String(asr) });
        }
    }

    /// <summary>SGP.22 v2.5 §2.6.6 / §5.9: ES12 callers are authenticated by their TLS client certificate; without one, Failed 1.1 / 1.1.</summary>
    protected override (Func<string, bool> Needs, string Code)? ClientCertificateRule =>
        (path => path.StartsWith("/gsma/rsp2/es12/", StringComparison.Ordinal), "1.1 / 1.1");

    protected override Dictionary<string, object>? CertificateSeed() => _sessions.TryDequeue(out var fields) ? fields : null;

    /// <summary>Seeds: InitiateAuthentication (sent), AuthenticateClient (made, not sent: its mutations meet a live session), RegisterEvent (sent), DeleteEvent, and InitiateAuthentication on the ES9+ path.</summary>
    private async Task MakeSeedsAsync(CancellationToken ct)
    {
        AddSeed("initiateAuthentication", SmdsPaths.InitiateAuthentication, InitiateFields());
        (string tid, byte[] asr) = await SessionAsync(ct).ConfigureAwait(false);
        AddSeed("authenticateClient", SmdsPaths.AuthenticateClient, new() { ["transactionId"] = tid, ["authenticateServerResponse"] = Convert.ToBase64String(asr) });
        var register = new Dictionary<string, object>
        {
            ["header"] = Header(),
            ["eid"] = _euicc.Eid,
            ["rspServerAddress"] = "localhost",
            ["eventId"] = "FUZZ-EVENT",
            ["forwardingIndicator"] = false,
        };
        JsonElement registered = await CallAsync(SmdsPaths.RegisterEvent, register, ct).ConfigureAwait(false);
        if (registered.GetProperty("header").GetProperty("functionExecutionStatus").GetProperty("status").GetString() != "Executed-Success")
        {
            throw new InvalidOperationException($"the SM-DS refused the seed RegisterEvent: {registered}");
        }
        AddSeed("registerEvent", SmdsPaths.RegisterEvent, register);
        AddSeed("deleteEvent", SmdsPaths.DeleteEvent, new() { ["header"] = Header(), ["eid"] = _euicc.Eid, ["eventId"] = "FUZZ-EVENT" });
        // Deployed LPAs call the ES9+ path on an SM-DS, with the address as smdpAddress: the SM-DS serves that too.
        Dictionary<string, object> es9 = InitiateFields();
        es9["smdpAddress"] = es9["smdsAddress"];
        es9.Remove("smdsAddress");
        AddSeed("es9plus/initiateAuthentication", SmdsPaths.Es9PlusInitiateAuthentication, es9);
    }

    private Dictionary<string, object> InitiateFields() => new()
    {
        ["euiccChallenge"] = Convert.ToBase64String(GetEuiccChallengeResponse.Decode(_euicc.Handle(new GetEuiccChallengeRequest().Encode())).EuiccChallenge),
        ["euiccInfo1"] = Convert.ToBase64String(_euicc.Handle(new GetEuiccInfo1Request().Encode())),
        ["smdsAddress"] = _smdsAddress,
    };

    /// <summary>A new RSP session: ES11.InitiateAuthentication, then the eUICC's AuthenticateServerResponse for event retrieval.</summary>
    private async Task<(string TransactionId, byte[] AuthenticateServerResponse)> SessionAsync(CancellationToken ct)
    {
        JsonElement answer = await CallAsync(SmdsPaths.InitiateAuthentication, InitiateFields(), ct).ConfigureAwait(false);
        string tid = answer.GetProperty("transactionId").GetString()!;
        var asRequest = new AuthenticateServerRequest(
            ServerSigned1.Decode(Bytes(answer, "serverSigned1")),
            Octets(Bytes(answer, "serverSignature1")),
            Octets(Bytes(answer, "euiccCiPKIdToBeUsed")),
            Bytes(answer, "serverCertificate"),
            // Event retrieval (SGP.22 v2.5 §3.6.2): ctxParamsForCommonAuthentication without a MatchingID.
            CtxParams1.Common(new CtxParamsForCommonAuthentication(null,
                new DeviceInfo(Convert.FromHexString("35290611"), new DeviceCapabilities { EutranEpcSupportedRelease = new VersionType(13, 0, 0) }))));
        return (tid, _euicc.Handle(asRequest.Encode()));
    }

    private static Dictionary<string, object> Header() => new()
    {
        ["functionRequesterIdentifier"] = "conformance-fuzz",
        ["functionCallIdentifier"] = "fuzz-seed",
    };

    private static byte[] Bytes(JsonElement answer, string name) => Convert.FromBase64String(answer.GetProperty(name).GetString()!);

    public override async ValueTask DisposeAsync()
    {
        _euicc.Dispose();
        _dpTls.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
