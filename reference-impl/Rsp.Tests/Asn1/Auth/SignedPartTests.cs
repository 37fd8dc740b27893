using System.Formats.Asn1;
using Conformance.Rsp.Asn1.Messages;
using V = Conformance.Rsp.Tests.Asn1.Auth.SpecVectors;

namespace Conformance.Rsp.Tests.Asn1.Auth;

/// <summary>
/// SGP.22 signs encodings: the raw DER of euiccSigned1, serverSigned1, smdpSigned2, euiccSigned2 and
/// euiccCancelSessionSigned must be exactly the bytes inside the received message.
/// </summary>
public class SignedPartTests
{
    /// <summary>Where the content of the outer TLV starts (tag + length bytes), read with the BCL decoder.</summary>
    private static int HeaderLength(ReadOnlySpan<byte> der)
    {
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out int contentOffset, out _, out _);
        return contentOffset;
    }

    private static void AssertSlice(ReadOnlyMemory<byte> raw, byte[] message, int offset, byte[] expected)
    {
        Assert.That(raw.ToArray(), Is.EqualTo(expected));
        Assert.That(raw.ToArray(), Is.EqualTo(message.AsSpan(offset, expected.Length).ToArray()));
    }

    [Test]
    public void ServerSigned1RawIsTheBytesInsideAuthenticateServerRequest()
    {
        byte[] der = V.AuthenticateServerRequest();
        var req = AuthenticateServerRequest.Decode(der);
        AssertSlice(req.ServerSigned1.Raw, der, HeaderLength(der), V.ServerSigned1());
        Assert.That(req.ServerSigned1.SignedData.ToArray(), Is.EqualTo(V.ServerSigned1()));
    }

    [Test]
    public void ServerSigned1RawInsideInitiateAuthenticationResponse()
    {
        byte[] der = V.InitiateAuthenticationResponseOk();
        var ok = InitiateAuthenticationResponse.Decode(der).InitiateAuthenticationOk!;
        int okStart = HeaderLength(der);
        int signedStart = okStart + HeaderLength(der.AsSpan(okStart)) + V.Tlv("80", V.TxId).Length;
        AssertSlice(ok.ServerSigned1.Raw, der, signedStart, V.ServerSigned1());
    }

    [Test]
    public void EuiccSigned1RawSurvivesTwoLevelsOfNesting()
    {
        byte[] der = V.AuthenticateClientRequest();
        var req = AuthenticateClientRequest.Decode(der);
        int asr = HeaderLength(der) + V.Tlv("80", V.TxId).Length;           // BF38 inside BF3B
        int ok = asr + HeaderLength(der.AsSpan(asr));                         // A0 inside BF38
        int signed = ok + HeaderLength(der.AsSpan(ok));                       // 30 inside A0
        AssertSlice(req.AuthenticateServerResponse.AuthenticateResponseOk!.EuiccSigned1.Raw, der, signed, V.EuiccSigned1());
    }

    [Test]
    public void SmdpSigned2RawInsidePrepareDownloadRequestAndAuthenticateClientOk()
    {
        byte[] pd = V.PrepareDownloadRequest();
        AssertSlice(PrepareDownloadRequest.Decode(pd).SmdpSigned2.Raw, pd, HeaderLength(pd), V.SmdpSigned2());

        byte[] ac = V.AuthenticateClientResponseOk();
        int ok = HeaderLength(ac);
        int signed = ok + HeaderLength(ac.AsSpan(ok)) + V.Tlv("80", V.TxId).Length + V.ProfileMetadata().Length;
        AssertSlice(AuthenticateClientResponseEs9.Decode(ac).AuthenticateClientOk!.SmdpSigned2.Raw, ac, signed, V.SmdpSigned2());
    }

    [Test]
    public void EuiccSigned2RawInsideGetBoundProfilePackageRequest()
    {
        byte[] der = V.GetBoundProfilePackageRequest();
        int pdr = HeaderLength(der) + V.Tlv("80", V.TxId).Length;
        int ok = pdr + HeaderLength(der.AsSpan(pdr));
        int signed = ok + HeaderLength(der.AsSpan(ok));
        var req = GetBoundProfilePackageRequest.Decode(der);
        AssertSlice(req.PrepareDownloadResponse.DownloadResponseOk!.EuiccSigned2.Raw, der, signed, V.EuiccSigned2());
    }

    [Test]
    public void EuiccCancelSessionSignedRawInsideCancelSessionRequestEs9()
    {
        byte[] der = V.CancelSessionRequestEs9();
        int response = HeaderLength(der) + V.Tlv("80", V.TxId).Length;     // A1 (implicit [1] CancelSessionResponse)
        int ok = response + HeaderLength(der.AsSpan(response));               // A0
        int signed = ok + HeaderLength(der.AsSpan(ok));                       // 30
        var req = CancelSessionRequestEs9.Decode(der);
        AssertSlice(req.CancelSessionResponse.CancelSessionResponseOk!.EuiccCancelSessionSigned.Raw, der, signed, V.EuiccCancelSessionSigned());
    }

    [Test]
    public void BuiltInCodeHasNoRawAndSignsItsEncoding()
    {
        ServerSigned1 built = Samples.ServerSigned1();
        Assert.That(built.Raw.IsEmpty, Is.True);
        Assert.That(built.SignedData.ToArray(), Is.EqualTo(V.ServerSigned1()));
        Assert.That(Samples.EuiccSigned1().SignedData.ToArray(), Is.EqualTo(V.EuiccSigned1()));
        Assert.That(Samples.SmdpSigned2().SignedData.ToArray(), Is.EqualTo(V.SmdpSigned2()));
        Assert.That(new EUICCSigned2(V.TxId, V.Otpk, V.HashCc).SignedData.ToArray(), Is.EqualTo(V.EuiccSigned2()));
        Assert.That(new EuiccCancelSessionSigned(V.TxId, V.SmdpOid, StatusCodes.CancelSessionReason.endUserRejection).SignedData.ToArray(),
            Is.EqualTo(V.EuiccCancelSessionSigned()));
    }

    [Test]
    public void WithCopyDropsRawSoChangesAreEncoded()
    {
        ServerSigned1 decoded = ServerSigned1.Decode(V.ServerSigned1());
        ServerSigned1 changed = decoded with { ServerAddress = "other.example.com" };
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Raw.IsEmpty, Is.False);
            Assert.That(changed.Raw.IsEmpty, Is.True);
            Assert.That(ServerSigned1.Decode(changed.SignedData).ServerAddress, Is.EqualTo("other.example.com"));
            Assert.That((decoded with { }).Encode(), Is.EqualTo(V.ServerSigned1()), "re-encoding from fields gives the same DER");
        });
    }

    [Test]
    public void ReencodingFromFieldsReproducesEverySignedPart()
    {
        var ok = AuthenticateServerResponse.Decode(V.AuthenticateServerResponseOk()).AuthenticateResponseOk!;
        var rebuilt = AuthenticateServerResponse.Ok(ok with { EuiccSigned1 = ok.EuiccSigned1 with { } });
        Assert.That(rebuilt.AuthenticateResponseOk!.EuiccSigned1.Raw.IsEmpty, Is.True);
        Assert.That(rebuilt.Encode(), Is.EqualTo(V.AuthenticateServerResponseOk()));
    }

    [Test]
    public void UnknownExtensionInsideASignedPartIsKeptInRawAndFields()
    {
        byte[] signed = V.Tlv("30", V.Tlv("80", V.TxId), V.Tlv("81", V.EuiccChallenge), V.Tlv("83", V.U(V.Address)),
            V.Tlv("84", V.ServerChallenge), V.Tlv("9F20", V.H("0102")));
        byte[] der = V.Tlv("BF38", signed, V.Tlv("5F37", V.Sig), V.Tlv("04", V.Ski1), V.CertServer, V.CtxParams1());
        var req = AuthenticateServerRequest.Decode(der);
        Assert.Multiple(() =>
        {
            Assert.That(req.ServerSigned1.Raw.ToArray(), Is.EqualTo(signed));
            Assert.That(req.ServerSigned1.Extensions.Single().Encoded.ToArray(), Is.EqualTo(V.Tlv("9F20", V.H("0102"))));
            Assert.That((req with { ServerSigned1 = req.ServerSigned1 with { } }).Encode(), Is.EqualTo(der));
        });
    }
}
