using Conformance.Euicc.Apdu;
using Conformance.Euicc.Fuzzing;

namespace Conformance.Euicc.Tests.Apdu;

/// <summary>
/// Issue #14 (found by the APDU fuzz): TERMINAL CAPABILITY answered '9000' to any data field, garbage included.
/// ETSI TS 102 221 §11.1.19 makes the data the terminal capability template 'A9' of BER-TLV objects; a data field
/// that is not one well-formed template is now '6A80' (incorrect parameters in the data field).
/// </summary>
public class TerminalCapabilityTests
{
    private IsdrFrontEnd _card = null!;

    [SetUp]
    public void SetUp() => _card = new IsdrFrontEnd(new RecordingHandler());

    [TestCase("A903830107", Description = "the LPA's usual template: eUICC-related capabilities")]
    [TestCase("A9088100820101830107", Description = "several TLVs, one empty")]
    [TestCase("A90100", Description = "padding only")]
    [TestCase("A900", Description = "an empty template")]
    [TestCase("A906FF830107FF00", Description = "padding around a TLV")]
    [TestCase("A9058181020102", Description = "a long-form length inside")]
    [TestCase("A98103830107", Description = "the template's length in long form")]
    public void AWellFormedTemplateIsAccepted(string data) =>
        Assert.That(_card.Send($"80AA0000{data.Length / 2:X2}{data}"), Is.EqualTo("9000"));

    [TestCase("A903830207", Description = "the inner length runs past the template")]
    [TestCase("A901830107", Description = "the template's length is shorter than its data")]
    [TestCase("A905830107", Description = "the template's length runs past the data")]
    [TestCase("0003830107", Description = "not the 'A9' tag")]
    [TestCase("A803830107", Description = "another template")]
    [TestCase("A98083010700", Description = "indefinite length")]
    [TestCase("A98403830107", Description = "a length in '84' long form")]
    [TestCase("A903BF8383", Description = "a 4-byte tag inside")]
    [TestCase("A9", Description = "no length")]
    [TestCase("A9038301", Description = "truncated")]
    [TestCase("A9038301070000", Description = "bytes after the template")]
    public void AMalformedTemplateIs6A80(string data) =>
        Assert.That(_card.Send($"80AA0000{data.Length / 2:X2}{data}"), Is.EqualTo("6A80"));

    [Test]
    public void TwoHundredFiftyFiveRandomBytesAre6A80()
    {
        byte[] data = Hex.Pattern(255, seed: 3);
        Assert.That(_card.Send("80AA0000FF" + Hex.Of(data)), Is.EqualTo("6A80"));
        Assert.That(_card.Send("80AA000005A903830107"), Is.EqualTo("9000"), "and the card carries on");
    }

    [Test]
    public void TheFuzzCorpusKnowsTheseStatusWords()
    {
        Assert.That(ApduMutator.ExpectedStatusWord(Hex.Bytes("80AA0000050003830107")), Is.EqualTo(StatusWords.IncorrectData));
        Assert.That(ApduMutator.ExpectedStatusWord(Hex.Bytes("80AA000105A903830107")), Is.EqualTo(StatusWords.IncorrectP1P2));
        Assert.That(ApduMutator.ExpectedStatusWord(Hex.Bytes("80AA000005")), Is.EqualTo(StatusWords.WrongLength));
        Assert.That(ApduMutator.ExpectedStatusWord(Hex.Bytes("80AA000005A903830107")), Is.Null, "a template: its content decides");
    }
}
