using System.Security.Cryptography;
using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The SM-DS side of the eUICC scenarios (SGP.22 v2.5 §3.6.2): the harness plays the LPA and the SM-DS. As the SM-DS it
/// answers ES11.InitiateAuthentication itself: serverSigned1 (a fresh transactionId and serverChallenge, the eUICC's
/// euiccChallenge, the eUICC's root SM-DS address) signed with SK.DSauth.ECDSA of the run's PKI on the scenario's curve,
/// CERT.DSauth.ECDSA as serverCertificate. The LPA sends it to the eUICC under test in ES10b.AuthenticateServer with
/// ctxParams1 for event retrieval (no MatchingID); the answer goes to <see cref="EuiccDriver.Last"/>.
/// </summary>
public sealed class CardSmdsDriver(HarnessRun run, EuiccDriver euicc, ScenarioContext scenario, FeatureContext feature)
{
    public ServerSigned1? ServerSigned1 { get; private set; }

    public AuthenticateServerResponse? Response { get; private set; }

    /// <summary>GetEUICCChallenge, the root SM-DS address, then AuthenticateServer with the SM-DS's serverSigned1.</summary>
    public async Task AuthenticateAsync()
    {
        CurvePki pki = run.Pki.For(ScenarioCurve.Of(feature, scenario, run.Config));
        if (!pki.Items.TryGetValue(PkiItem.DsAuth, out IssuedCertificate? dsAuth) || dsAuth.PrivateKey is null)
        {
            Assert.Ignore($"Not applicable to this target: the PKI has no CERT.DSauth.ECDSA of {pki.Curve.ShortName()} with its key, and no SK.CI.ECDSA to issue one.");
        }

        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        string address = (await es10.GetEuiccConfiguredAddressesAsync().ConfigureAwait(false)).Value.RootDsAddress;
        byte[] challenge = (await es10.GetEuiccChallengeAsync().ConfigureAwait(false)).Value.EuiccChallenge;
        ServerSigned1 = new ServerSigned1(RandomNumberGenerator.GetBytes(16), challenge, address, RandomNumberGenerator.GetBytes(16));
        byte[] signature = BouncyCastleEcdsa.Instance.Sign(dsAuth!.PrivateKey!, ServerSigned1.SignedData.Span);
        var request = new AuthenticateServerRequest(ServerSigned1, signature, pki.Ci.Certificate.SubjectKeyIdentifier!, dsAuth.Certificate.Der,
            CtxParams1.Common(new CtxParamsForCommonAuthentication(null, Es9Driver.DefaultDeviceInfo)));
        Response = (await es10.AuthenticateServerAsync(request).ConfigureAwait(false)).Value;
        euicc.Last = Response.AuthenticateResponseError is { } e
            ? CardOutcome.Of("AuthenticateServer", "§5.7.13", "with an SM-DS's CERT.DSauth.ECDSA", e.AuthenticateErrorCode)
            : CardOutcome.Named<AuthenticateErrorCode>("AuthenticateServer", "§5.7.13", "with an SM-DS's CERT.DSauth.ECDSA", "authenticateResponseOk");
    }

    public AuthenticateResponseOk Ok => Response?.AuthenticateResponseOk
        ?? throw new AssertionException($"SGP.22 §5.7.13: AuthenticateServer with an SM-DS's CERT.DSauth.ECDSA must answer authenticateResponseOk, got {euicc.Last?.Display ?? "nothing"}");
}
