using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Tests.Apdu;

/// <summary>
/// Issue #15 / #14: over T=0 a case 1 command travels as its TPDU, the header with P3 = '00' (ISO/IEC 7816-3
/// §12.2.2). lpac closes its channel with 00 70 80 01 00; the card used to answer '6700' to it. MANAGE CHANNEL
/// close and open-by-number now read P3 = '00' as "no Le"; any other Le stays a wrong length.
/// </summary>
public class T0CaseOneTests
{
    private const string IsdrAid = "A0000005591010FFFFFFFF8900000100";
    private IsdrFrontEnd _card = null!;

    [SetUp]
    public void SetUp() => _card = new IsdrFrontEnd(new RecordingHandler());

    [Test]
    public void CloseWithP3ZeroClosesTheChannel()
    {
        Assert.That(_card.Send("0070000000"), Is.EqualTo("019000"), "open over T=0: P3 '00' is Le 256, one byte comes back");
        Assert.That(_card.Send("01A4040010" + IsdrAid), Is.EqualTo("9000"));
        Assert.That(_card.Send("0070800100"), Is.EqualTo("9000"), "lpac's close over T=0");
        Assert.That(_card.Send("01A4040010" + IsdrAid), Is.EqualTo("6881"), "channel 1 is closed");
        Assert.That(_card.Send("0070800100"), Is.EqualTo("6881"), "closing it again: not active");
    }

    [Test]
    public void OpenByNumberWithP3Zero()
    {
        Assert.That(_card.Send("0070000200"), Is.EqualTo("9000"));
        Assert.That(_card.Send("0070000200"), Is.EqualTo("6A86"), "already open");
        Assert.That(_card.Send("0070800200"), Is.EqualTo("9000"));
    }

    [Test]
    public void OtherLeOnACaseOneCommandIsStillAWrongLength()
    {
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
        Assert.That(_card.Send("0070800101"), Is.EqualTo("6700"), "close returns no data: Le 01 is wrong");
        Assert.That(_card.Send("00700002FF"), Is.EqualTo("6700"), "open by number returns no data");
        Assert.That(_card.Send("0070800100"), Is.EqualTo("9000"), "channel 1 was still open");
        Assert.That(_card.Send("007080000100"), Is.EqualTo("6700"), "a data field is wrong whatever it holds");
    }

    [Test]
    public void TheBasicChannelStillCannotBeClosed() =>
        Assert.That(_card.Send("0070800000"), Is.EqualTo("6A86"));
}
