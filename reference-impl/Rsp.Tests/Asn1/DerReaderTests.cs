using System.Formats.Asn1;
using Conformance.Rsp.Asn1;

namespace Conformance.Rsp.Tests.Asn1;

public class DerReaderTests
{
    private static byte[] Hex(string h) => Convert.FromHexString(h);

    [Test]
    public void ReadsNestedValuesAndTracksAbsoluteOffsets()
    {
        // [32] { [0] OCTET STRING 0102, [1] INTEGER 5 }
        byte[] der = Hex("BF2007800201028101 05".Replace(" ", ""));
        var r = new DerReader(der, "Demo");
        DerReader inner = r.ReadConstructed(Tags.CtxC(32), "demo");
        Assert.That(inner.Offset, Is.EqualTo(3));
        Assert.That(inner.ReadOctetString(Tags.Ctx(0), "a"), Is.EqualTo(new byte[] { 1, 2 }));
        Assert.That(inner.Offset, Is.EqualTo(7));
        Assert.That(inner.ReadInt32(Tags.Ctx(1), "b"), Is.EqualTo(5));
        inner.End();
        r.End();
    }

    [Test]
    public void WrongTagNamesTypeFieldAndOffset()
    {
        byte[] der = Hex("30038101FF");
        var r = new DerReader(der, "Demo").ReadConstructed(Tags.Sequence, "seq");
        var e = Assert.Throws<Asn1DecodeException>(() => r.ReadOctetString(Tags.Ctx(0), "transactionId"))!;
        Assert.That(e.TypeName, Is.EqualTo("Demo"));
        Assert.That(e.Offset, Is.EqualTo(2));
        Assert.That(e.Message, Does.Contain("expected tag 80 for transactionId, found 81"));
    }

    [Test]
    public void TrailingBytesAreRejected()
    {
        var e = Assert.Throws<Asn1DecodeException>(() =>
            DerReader.Decode(Hex("8001AA00"), "Demo", r => r.ReadOctetString(Tags.Ctx(0), "x")))!;
        Assert.That(e.Offset, Is.EqualTo(3));
        Assert.That(e.Problem, Does.Contain("trailing"));
    }

    [Test]
    public void MissingMandatoryFieldIsReported()
    {
        var r = new DerReader(Hex("3000"), "Demo").ReadConstructed(Tags.Sequence, "seq");
        var e = Assert.Throws<Asn1DecodeException>(() => r.ReadInt32(Tags.Integer, "version"))!;
        Assert.That(e.Problem, Is.EqualTo("missing mandatory version"));
    }

    [Test]
    public void NonMinimalLengthIsNotDer()
    {
        // length 0x81 0x01 is BER, not DER.
        Assert.Throws<Asn1DecodeException>(() => new DerReader(Hex("808101AA"), "Demo").ReadOctetString(Tags.Ctx(0), "x"));
    }

    [Test]
    public void LengthBeyondInputIsReported()
    {
        var e = Assert.Throws<Asn1DecodeException>(() => new DerReader(Hex("8005AA"), "Demo").ReadOctetString(Tags.Ctx(0), "x"))!;
        Assert.That(e.Problem, Does.Contain("invalid x"));
    }

    [Test]
    public void ExtensionsRoundTripUnchanged()
    {
        byte[] der = Hex("3007800101" + "9F7F0102");
        var r = new DerReader(der, "Demo").ReadConstructed(Tags.Sequence, "seq");
        r.ReadOctetString(Tags.Ctx(0), "a");
        var ext = r.ReadExtensions();
        Assert.That(ext, Has.Count.EqualTo(1));
        Assert.That(Tags.Hex(ext[0].Tag), Is.EqualTo("9F7F"));
        byte[] again = Der.Encode(w =>
        {
            using (w.PushSequence())
            {
                w.WriteOctetString([1], Tags.Ctx(0));
                w.WriteExtensions(ext);
            }
        });
        Assert.That(again, Is.EqualTo(der));
    }

    [Test]
    public void TagHexMatchesWireForm()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tags.Hex(Tags.CtxC(32)), Is.EqualTo("BF20"));
            Assert.That(Tags.Hex(Tags.App(26)), Is.EqualTo("5A"));
            Assert.That(Tags.Hex(Tags.App(55)), Is.EqualTo("5F37"));
            Assert.That(Tags.Hex(Tags.CtxC(0)), Is.EqualTo("A0"));
            Assert.That(Tags.Hex(Asn1Tag.Sequence), Is.EqualTo("30"));
        });
    }
}
