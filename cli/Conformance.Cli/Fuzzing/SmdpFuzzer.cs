using System.Text.Json;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;

namespace Conformance.Cli.Fuzzing;

/// <summary>
/// Issue #14's black-box probes of the bundled SM-DP+, as a client that owes it nothing: a server is started on loopback
/// with the generated test PKI, valid requests of every ES9+ function are made with the emulated eUICC (seeds), and
/// <c>N</c> requests derived from them are sent, each in its own TLS connection with the bytes written as they are.
/// Every answer is judged by the binding's rule (SGP.22 v2.5 §6.5 JSON, §6.6 ASN.1): a Failed status with a request-error
/// code (reason 2.x) or the certificate/function code the input earns, 204 where the function answers so, HTTP 400 where
/// the request cannot be framed or the ASN.1 binding cannot take it; never HTTP 500, never 1.2/4.2 (an unexpected error)
/// for an input fault, never an exception type or stack frame in a message, never a response header that is not ASCII.
/// </summary>
public sealed class SmdpFuzzer : RspFuzzer
{
    private const string Es9 = "/gsma/rsp2/es9plus/";
    private readonly SmdpServer _server;
    private readonly Es10Handler _euicc;
    private readonly string _address;
    private readonly string _dir;

    private SmdpFuzzer(SmdpServer server, Es10Handler euicc, int port, string address, string dir)
        : base(port, clientCertificate: null, asn1Path: "/gsma/rsp2/asn1")
    {
        _server = server;
        _euicc = euicc;
        _address = address;
        _dir = dir;
    }

    public static async Task<SmdpFuzzer> StartAsync(CancellationToken ct)
    {
        string dir = Path.Combine(Path.GetTempPath(), "conformance-fuzz-smdp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        TestPki pki = TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true, TlsHost = "localhost", IncludeNegativeVariants = false });
        CurvePki nist = pki.For(Rsp.Crypto.RspCurve.NistP256);
        var options = new SmdpOptions
        {
            Port = 0,
            DatabasePath = Path.Combine(dir, "smdp.db"),
            SmdpAddress = "localhost",
            TlsCertificate = Commands.SmdpCommands.WithKey(nist.DpTls.Certificate, nist.DpTls.RequirePrivateKey()),
            Pki = pki,
            MaxRequestBodyBytes = 64 * 1024,
        };
        var server = new SmdpServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.None));
        Uri url = await server.StartAsync(ct).ConfigureAwait(false);
        var euicc = new Es10Handler(EuiccIdentity.FromPki(pki));
        var fuzzer = new SmdpFuzzer(server, euicc, url.Port, "localhost", dir);
        await fuzzer.MakeSeedsAsync(ct).ConfigureAwait(false);
        return fuzzer;
    }

    /// <summary>Seeds: a released order, then InitiateAuthentication, AuthenticateClient, GetBoundProfilePackage, HandleNotification, CancelSession made for real.</summary>
    private async Task MakeSeedsAsync(CancellationToken ct)
    {
        const string iccid = "8904903200000000017";
        SmdpStore store = _server.Store;
        await store.AddProfileAsync(new ProfileRecord
        {
            Iccid = iccid,
            ProfileType = "Test",
            State = SmdpProfileState.Released,
            ProfileName = "Fuzz",
            ServiceProviderName = "Conformance Operator",
            Upp = Rsp.Saip.SyntheticProfile.Build(iccid, "Test", 2000),
        }).ConfigureAwait(false);
        await using (StoreTransaction tx = await store.BeginAsync().ConfigureAwait(false))
        {
            await tx.SaveOrderAsync(new OrderRecord
            {
                Iccid = iccid, Eid = _euicc.Eid, MatchingId = "FUZZ-SEED", ReleaseFlag = true,
                ConfirmationCodeAttemptsLeft = 3, DownloadAttemptsLeft = 1000, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
            }).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
        }

        byte[] challenge = Es10(new GetEuiccChallengeRequest().Encode());
        byte[] info1 = Es10([0xBF, 0x20, 0x00]);
        var ia = new Dictionary<string, object>
        {
            ["euiccChallenge"] = Convert.ToBase64String(GetEuiccChallengeResponse.Decode(challenge).EuiccChallenge),
            ["euiccInfo1"] = Convert.ToBase64String(info1),
            ["smdpAddress"] = _address,
        };
        AddSeed("initiateAuthentication", Es9 + "initiateAuthentication", ia);
        JsonElement iaAnswer = await CallAsync(Es9 + "initiateAuthentication", ia, ct).ConfigureAwait(false);
        string tid = iaAnswer.GetProperty("transactionId").GetString()!;
        var asRequest = new AuthenticateServerRequest(
            ServerSigned1.Decode(Convert.FromBase64String(iaAnswer.GetProperty("serverSigned1").GetString()!)),
            Octets(Convert.FromBase64String(iaAnswer.GetProperty("serverSignature1").GetString()!)),
            Octets(Convert.FromBase64String(iaAnswer.GetProperty("euiccCiPKIdToBeUsed").GetString()!)),
            Convert.FromBase64String(iaAnswer.GetProperty("serverCertificate").GetString()!),
            CtxParams1.Common(new CtxParamsForCommonAuthentication("FUZZ-SEED",
                new DeviceInfo(Convert.FromHexString("35290611"), new DeviceCapabilities { EutranEpcSupportedRelease = new VersionType(13, 0, 0) }))));
        byte[] asr = Es10(asRequest.Encode());
        AddSeed("authenticateClient", Es9 + "authenticateClient", new() { ["transactionId"] = tid, ["authenticateServerResponse"] = Convert.ToBase64String(asr) });
        // The seeds of later functions keep the session's transactionId: their mutations meet a live session.
        AddSeed("getBoundProfilePackage", Es9 + "getBoundProfilePackage", new() { ["transactionId"] = tid, ["prepareDownloadResponse"] = Convert.ToBase64String(FakePrepareDownloadResponse) });
        AddSeed("cancelSession", Es9 + "cancelSession", new() { ["transactionId"] = tid, ["cancelSessionResponse"] = Convert.ToBase64String(Es10(new CancelSessionRequest(Convert.FromHexString(tid), Rsp.StatusCodes.CancelSessionReason.timeout).Encode())) });
        AddSeed("handleNotification", Es9 + "handleNotification", new() { ["pendingNotification"] = "vzeBgQ==" });
    }

    // A PrepareDownloadResponse-shaped value: GetBoundProfilePackage's checks of it are what the mutations exercise.
    private static readonly byte[] FakePrepareDownloadResponse = [0xBF, 0x21, 0x05, 0xA0, 0x03, 0x80, 0x01, 0x00];

    private byte[] Es10(byte[] command) => _euicc.Handle(command);

    protected override bool AnswersNoContent(string path) => path == Es9 + "handleNotification";

    public override async ValueTask DisposeAsync()
    {
        _euicc.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
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
