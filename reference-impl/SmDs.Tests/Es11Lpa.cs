using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Smds;

namespace Conformance.SmDs.Tests;

/// <summary>
/// An LPA's event retrieval (SGP.22 v2.5 §3.6.2) against the SM-DS, with the reference eUICC: GetEUICCChallenge,
/// GetEUICCInfo1, ES11.InitiateAuthentication, ES10b.AuthenticateServer, ES11.AuthenticateClient.
/// </summary>
public sealed class Es11Lpa(SmdsHarness smds, Es10Handler card)
{
    public static readonly DeviceInfo Device = new([0x35, 0x29, 0x06, 0x11], new DeviceCapabilities
    {
        GsmSupportedRelease = new VersionType(15, 0, 0),
        EutranEpcSupportedRelease = new VersionType(15, 0, 0),
    });

    private readonly HttpClient _http = SmdsHarness.Client(null);

    public static Es11Lpa For(SmdsHarness smds, string? eid = null) =>
        new(smds, new Es10Handler(EuiccIdentity.FromPki(eid is null ? SmdsHarness.Pki
            : Rsp.Pki.TestPkiGenerator.Generate(new Rsp.Pki.TestPkiOptions { Eid = eid, Curves = [Rsp.Crypto.RspCurve.NistP256], IncludeNegativeVariants = false, IncludeOperator = false }))));

    public string Eid => card.Eid;

    /// <summary>The InitiateAuthentication answer of the last <see cref="InitiateAsync"/>.</summary>
    public SmdsAnswer? Initiated { get; private set; }

    public async Task<SmdsAnswer> InitiateAsync(string? address = null, string path = SmdsPaths.InitiateAuthentication)
    {
        byte[] challenge = GetEuiccChallengeResponse.Decode(card.Handle(new GetEuiccChallengeRequest().Encode())).EuiccChallenge;
        byte[] info1 = card.Handle(new GetEuiccInfo1Request().Encode());
        Initiated = await smds.PostAsync(_http, path, new
        {
            euiccChallenge = Convert.ToBase64String(challenge),
            euiccInfo1 = Convert.ToBase64String(info1),
            smdsAddress = address ?? smds.Options.SmdsAddress,
        });
        return Initiated;
    }

    /// <summary>AuthenticateServer on the card with the last InitiateAuthentication answer; returns the card's response DER.</summary>
    public byte[] AuthenticateServer(string? matchingId)
    {
        SmdsAnswer ia = Initiated ?? throw new InvalidOperationException("InitiateAsync first");
        var request = new AuthenticateServerRequest(
            ServerSigned1.Decode(ia.Bytes("serverSigned1")),
            Untag(ia.Bytes("serverSignature1"), Tags.App(55)),
            Untag(ia.Bytes("euiccCiPKIdToBeUsed"), Asn1Tag.PrimitiveOctetString),
            ia.Bytes("serverCertificate"),
            CtxParams1.Common(new CtxParamsForCommonAuthentication(matchingId, Device)));
        return card.Handle(request.Encode());
    }

    public Task<SmdsAnswer> AuthenticateClientAsync(byte[] authenticateServerResponse, string? transactionId = null) =>
        smds.PostAsync(_http, SmdsPaths.AuthenticateClient, new
        {
            transactionId = transactionId ?? Initiated!.Text("transactionId"),
            authenticateServerResponse = Convert.ToBase64String(authenticateServerResponse),
        });

    /// <summary>The whole retrieval; the AuthenticateClient answer.</summary>
    public async Task<SmdsAnswer> RetrieveAsync(string? matchingId = null)
    {
        SmdsAnswer ia = await InitiateAsync();
        Assert.That(ia.Status, Is.EqualTo("Executed-Success"), ia.Body.ToString());
        byte[] asr = AuthenticateServer(matchingId);
        Assert.That(AuthenticateServerResponse.Decode(asr).AuthenticateResponseOk, Is.Not.Null, "the reference eUICC accepts the SM-DS (CERT.DSauth)");
        return await AuthenticateClientAsync(asr);
    }

    public static IEnumerable<(string EventId, string Address)> Entries(SmdsAnswer a) =>
        a.Body.GetProperty("eventEntries").EnumerateArray().Select(e => (e.GetProperty("eventId").GetString()!, e.GetProperty("rspServerAddress").GetString()!));

    private static byte[] Untag(byte[] tlv, Asn1Tag tag) =>
        AsnDecoder.ReadOctetString(tlv, AsnEncodingRules.DER, out _, tag);
}
