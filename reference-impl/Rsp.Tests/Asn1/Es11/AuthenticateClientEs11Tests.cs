using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Tests.Asn1.Es11;

/// <summary>AuthenticateClientResponseEs11 (SGP.22 v2.5 §5.8.2, §6.6): known-answer encoding, round trip, strict decoding.</summary>
public class AuthenticateClientEs11Tests
{
    // BF40 { A0 { 80 01 AB, A1 { 30 { 80 'E1', 81 'dp' } } } }
    private const string OkOneEntry = "BF4011A00F8001ABA10A30088002453181026470";

    private static byte[] Hex(string h) => Convert.FromHexString(h);

    [Test]
    public void EncodesTheSpecTags()
    {
        var ok = new AuthenticateClientOkEs11([0xAB], [new EventEntry("E1", "dp")]);
        Assert.That(Convert.ToHexString(AuthenticateClientResponseEs11.Ok(ok).Encode()), Is.EqualTo(OkOneEntry));
    }

    [Test]
    public void RoundTripsSeveralEntriesAndAnEmptyList()
    {
        var two = AuthenticateClientResponseEs11.Ok(new([1, 2, 3], [new EventEntry("M-1", "smdp.example.com"), new EventEntry("M-2", "other.example.com")]));
        var back = AuthenticateClientResponseEs11.Decode(two.Encode());
        Assert.That(back.AuthenticateClientOk!.EventEntries.Select(e => (e.EventId, e.RspServerAddress)),
            Is.EqualTo(new[] { ("M-1", "smdp.example.com"), ("M-2", "other.example.com") }));
        Assert.That(back.AuthenticateClientOk.TransactionId, Is.EqualTo(new byte[] { 1, 2, 3 }));

        byte[] empty = AuthenticateClientResponseEs11.Ok(new([9], [])).Encode();
        Assert.That(Convert.ToHexString(empty), Is.EqualTo("BF4007A00580010" + "9A100"));
        Assert.That(AuthenticateClientResponseEs11.Decode(empty).AuthenticateClientOk!.EventEntries, Is.Empty);
    }

    [Test]
    public void EncodesAndDecodesTheErrorAlternative()
    {
        byte[] der = AuthenticateClientResponseEs11.Error(AuthenticateClientEs11Error.eventIdUnknown).Encode();
        Assert.That(Convert.ToHexString(der), Is.EqualTo("BF4003810106"));
        Assert.That(AuthenticateClientResponseEs11.Decode(der).AuthenticateClientError, Is.EqualTo(AuthenticateClientEs11Error.eventIdUnknown));
    }

    [TestCase("BF3B03810106", "expected tag")] // the ES9+ tag BF3B
    [TestCase("BF4003820106", "unknown alternative 82")]
    [TestCase("BF4007A00580010930" + "00", "expected tag A1")] // eventEntries untagged
    [TestCase("BF400BA0098001AB" + "A104300281" + "00", "expected tag 80")] // entry without eventId
    [TestCase("BF4007A00504" + "0109A100", "expected tag 80")] // universal OCTET STRING transactionId
    [TestCase("BF4006A0048000A100", "")] // empty transactionId (SIZE(1..16))
    public void RejectsMalformedInput(string hex, string problem)
    {
        var e = Assert.Throws<Asn1DecodeException>(() => AuthenticateClientResponseEs11.Decode(Hex(hex)))!;
        Assert.That(e.TypeName, Is.EqualTo(AuthenticateClientResponseEs11.TypeName).Or.EqualTo(AuthenticateClientOkEs11.TypeName).Or.EqualTo(EventEntry.TypeName));
        Assert.That(e.Problem, Does.Contain(problem));
    }

    [Test]
    public void RejectsTrailingBytes() =>
        Assert.Throws<Asn1DecodeException>(() => AuthenticateClientResponseEs11.Decode(Hex("BF4003810106" + "00")));

    [Test]
    public void WriteRefusesNoOrTwoAlternatives() =>
        Assert.Throws<InvalidOperationException>(() => new AuthenticateClientResponseEs11().Encode());
}
