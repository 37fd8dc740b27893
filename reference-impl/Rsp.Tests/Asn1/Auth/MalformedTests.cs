using System.Formats.Asn1;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using M = Conformance.Rsp.Asn1.Messages;
using static Conformance.Rsp.Tests.Asn1.Auth.SpecVectors;

namespace Conformance.Rsp.Tests.Asn1.Auth;

/// <summary>Strict decoding: every malformed input is an <see cref="Asn1DecodeException"/> naming the type and offset.</summary>
public class MalformedTests
{
    private static IEnumerable<MessageCase> Cases() => MessageCase.All();

    private static IEnumerable<MessageCase> NonEmptyCases() => MessageCase.All().Where(c => Content(c.Spec()).Length > 0);

    private static Asn1DecodeException Fails(MessageCase c, byte[] der) =>
        Assert.Throws<Asn1DecodeException>(() => c.Decode(der))!;

    private static byte[] Content(byte[] der)
    {
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out int offset, out int length, out _);
        return der[offset..(offset + length)];
    }

    private static string TagHex(byte[] der) => Tags.Hex(Asn1Tag.Decode(der, out _));

    [TestCaseSource(nameof(Cases))]
    public void WrongOuterTag(MessageCase c)
    {
        byte[] der = c.Spec();
        der[der[0] == 0xBF ? 1 : 0] ^= 0x01; // BF20 -> BF21, A2 -> A3
        Asn1DecodeException e = Fails(c, der);
        Assert.Multiple(() =>
        {
            Assert.That(e.TypeName, Is.EqualTo(c.TypeName));
            Assert.That(e.Offset, Is.Zero);
            Assert.That(e.Problem, Does.StartWith("expected tag"));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Truncated(MessageCase c)
    {
        byte[] der = c.Spec()[..^1];
        Asn1DecodeException e = Fails(c, der);
        Assert.Multiple(() =>
        {
            Assert.That(e.TypeName, Is.EqualTo(c.TypeName));
            Assert.That(e.Offset, Is.Zero);
            Assert.That(e.Problem, Does.Contain("malformed TLV"));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void TrailingByte(MessageCase c)
    {
        byte[] valid = c.Spec();
        Asn1DecodeException e = Fails(c, [.. valid, 0x00]);
        Assert.Multiple(() =>
        {
            Assert.That(e.TypeName, Is.EqualTo(c.TypeName));
            Assert.That(e.Offset, Is.EqualTo(valid.Length));
            Assert.That(e.Problem, Does.Contain("trailing"));
        });
    }

    /// <summary>Removes the first component (mandatory in every non-empty message here, or the chosen alternative).</summary>
    [TestCaseSource(nameof(NonEmptyCases))]
    public void MissingFirstMandatoryComponent(MessageCase c)
    {
        byte[] valid = c.Spec();
        byte[] content = Content(valid);
        AsnDecoder.ReadEncodedValue(content, AsnEncodingRules.DER, out _, out _, out int firstLength);
        byte[] der = Tlv(TagHex(valid), content[firstLength..]);
        int headerLength = der.Length - (content.Length - firstLength);
        Asn1DecodeException e = Fails(c, der);
        Assert.Multiple(() =>
        {
            Assert.That(e.TypeName, Is.EqualTo(c.TypeName));
            Assert.That(e.Offset, Is.EqualTo(headerLength));
        });
    }

    [Test]
    public void TacOfEightBytesIsRejectedInDeviceInfo()
    {
        // v2.2+ DeviceInfo: tac Octet4. An 8-byte TAC (v2.0 form) is an error, reported in DeviceInfo at the tac TLV.
        byte[] badTac = Tlv("80", H("3529061100000000"));
        byte[] device = Tlv("A1", badTac, Tlv("A1"));
        byte[] der = Tlv("BF38", ServerSigned1(), Tlv("5F37", Sig), Tlv("04", Ski1), CertServer, Tlv("A0", device));
        var e = Assert.Throws<Asn1DecodeException>(() => M.AuthenticateServerRequest.Decode(der))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.TypeName, Is.EqualTo("DeviceInfo"));
            Assert.That(e.Offset, Is.EqualTo(IndexOf(der, badTac)));
            Assert.That(e.Problem, Does.Contain("tac must be 4 bytes"));
        });
    }

    [Test]
    public void ShortEuiccChallengeIsRejectedInServerSigned1()
    {
        byte[] badChallenge = Tlv("81", EuiccChallenge[..15]);
        byte[] signed = Tlv("30", Tlv("80", TxId), badChallenge, Tlv("83", U(Address)), Tlv("84", ServerChallenge));
        var e = Assert.Throws<Asn1DecodeException>(() => M.ServerSigned1.Decode(signed))!;
        Assert.That(e.TypeName, Is.EqualTo("ServerSigned1"));
        Assert.That(e.Offset, Is.EqualTo(IndexOf(signed, badChallenge)));
    }

    [Test]
    public void TransactionIdLongerThan16BytesIsRejected()
    {
        byte[] der = Tlv("BF41", Tlv("80", new byte[17]), Tlv("81", H("01")));
        var e = Assert.Throws<Asn1DecodeException>(() => M.CancelSessionRequest.Decode(der))!;
        Assert.That(e.Problem, Does.Contain("transactionId must be 1..16 bytes"));
        Assert.That(e.Offset, Is.EqualTo(3));
    }

    [Test]
    public void CertificateMustBeASequence()
    {
        byte[] der = Tlv("BF21", SmdpSigned2(), Tlv("5F37", Sig), Tlv("04", CertServer));
        var e = Assert.Throws<Asn1DecodeException>(() => M.PrepareDownloadRequest.Decode(der))!;
        // The 04 is taken as hashCc (wrong length) first: either way the message is refused at that offset.
        Assert.That(e.TypeName, Is.EqualTo("PrepareDownloadRequest"));
        Assert.That(e.Offset, Is.EqualTo(IndexOf(der, Tlv("04", CertServer))));
    }

    [Test]
    public void MissingCertificateIsReported()
    {
        byte[] der = Tlv("BF21", SmdpSigned2(), Tlv("5F37", Sig), Tlv("04", HashCc));
        var e = Assert.Throws<Asn1DecodeException>(() => M.PrepareDownloadRequest.Decode(der))!;
        Assert.That(e.Problem, Is.EqualTo("missing mandatory smdpCertificate"));
        Assert.That(e.Offset, Is.EqualTo(der.Length));
    }

    [Test]
    public void UnknownChoiceAlternativeIsRejected()
    {
        byte[] der = Tlv("BF38", Tlv("A2", Tlv("80", TxId)));
        var e = Assert.Throws<Asn1DecodeException>(() => AuthenticateServerResponse.Decode(der))!;
        Assert.That(e.Problem, Does.Contain("unknown alternative A2"));
        Assert.That(e.Offset, Is.EqualTo(3)); // after the BF38 tag and length
    }

    [Test]
    public void TwoChoiceAlternativesAreRejected()
    {
        byte[] der = Tlv("BF41", Tlv("81", H("05")), Tlv("81", H("7F")));
        var e = Assert.Throws<Asn1DecodeException>(() => CancelSessionResponse.Decode(der))!;
        Assert.That(e.Problem, Does.Contain("trailing"));
        Assert.That(e.Offset, Is.EqualTo(6)); // BF41 len, then 81 01 05
    }

    [Test]
    public void HandleNotificationNeedsTheExplicitA0Wrapper()
    {
        byte[] der = Tlv("BF3D", Pir());
        var e = Assert.Throws<Asn1DecodeException>(() => M.HandleNotification.Decode(der))!;
        Assert.That(e.Problem, Does.Contain("expected tag A0 for pendingNotification"));
    }

    [Test]
    public void UnknownPendingNotificationAlternativeIsRejected()
    {
        byte[] der = Tlv("BF3D", Tlv("A0", Tlv("BF2F", Tlv("80", H("01")))));
        var e = Assert.Throws<Asn1DecodeException>(() => M.HandleNotification.Decode(der))!;
        Assert.That(e.Offset, Is.EqualTo(5));
    }

    [Test]
    public void BerBooleanIsNotDer()
    {
        // DER: TRUE is FF. ccRequiredFlag 01 is BER only.
        byte[] der = Tlv("30", Tlv("80", TxId), Tlv("01", H("01")));
        var e = Assert.Throws<Asn1DecodeException>(() => M.SmdpSigned2.Decode(der))!;
        Assert.That(e.TypeName, Is.EqualTo("SmdpSigned2"));
        Assert.That(e.Offset, Is.EqualTo(20));
    }

    [Test]
    public void BitStringWithSetUnusedBitsIsNotDer()
    {
        byte[] info = EuiccInfo2();
        int at = IndexOf(info, H("880206C0"));
        info[at + 3] = 0xC1; // a bit set among the 6 unused bits
        var e = Assert.Throws<Asn1DecodeException>(() => EUICCInfo2.Decode(info))!;
        Assert.That(e.Offset, Is.EqualTo(at));
    }

    [Test]
    public void ForeignElementWithWrongTagIsNotEncoded()
    {
        var ok = new GetBoundProfilePackageOk(TxId, RawDer.Parse(Pir()));
        Assert.Throws<InvalidOperationException>(() => GetBoundProfilePackageResponse.Ok(ok).Encode());
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
