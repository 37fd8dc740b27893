using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Tests.Apdu;

public class ChainingTests
{
    private const string IsdrAid = "A0000005591010FFFFFFFF8900000100";
    private RecordingHandler _handler = null!;
    private IsdrFrontEnd _card = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new RecordingHandler();
        _card = new IsdrFrontEnd(_handler);
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
        Assert.That(_card.Send("01A4040010" + IsdrAid), Is.EqualTo("9000"));
    }

    private static (byte[] Data, byte Sw1, byte Sw2) Split(byte[] r) => (r[..^2], r[^2], r[^1]);

    [TestCase(1, (byte)0x00)]
    [TestCase(255, (byte)0x00)]
    [TestCase(256, (byte)0x00)]
    [TestCase(257, (byte)0x00)]
    [TestCase(600, (byte)0x00)]
    [TestCase(1024, (byte)0xC0)]
    [TestCase(4000, (byte)0x80)]
    public void LongResponsesChainWith61xxAndGetResponse(int length, byte getResponseCla)
    {
        byte[] expected = Hex.Pattern(length, seed: 5);
        _handler.Respond = _ => expected;
        var collected = new List<byte>();
        var (data, sw1, sw2) = Split(_card.Transmit(Hex.Bytes("81E2910003BF2D00")));
        int exchanges = 1;
        while (true)
        {
            collected.AddRange(data);
            Assert.That(data, Has.Length.LessThanOrEqualTo(256));
            if (sw1 == 0x90)
            {
                Assert.That(sw2, Is.Zero);
                break;
            }
            Assert.That(sw1, Is.EqualTo(0x61), "more data is announced with 61xx");
            int remaining = length - collected.Count;
            Assert.That(sw2, Is.EqualTo(remaining >= 256 ? 0 : remaining), "SW2 counts what is left (00 = 256 or more)");
            byte cla = (byte)((getResponseCla == 0xC0 ? 0x00 : getResponseCla) | 0x01);
            (data, sw1, sw2) = Split(_card.Transmit([cla, 0xC0, 0x00, 0x00, sw2]));
            exchanges++;
        }
        Assert.That(collected.ToArray(), Is.EqualTo(expected));
        Assert.That(exchanges, Is.EqualTo((length + 255) / 256));
    }

    [Test]
    public void GetResponseWithLeOverTheRestAnswers6CxxThenTheExactLeWorks()
    {
        _handler.Respond = _ => Hex.Pattern(300);
        Assert.That(_card.Send("81E2910003BF2D00")[^4..], Is.EqualTo("612C"), "44 bytes left");
        Assert.That(_card.Send("01C0000050"), Is.EqualTo("6C2C"), "asked 80, 44 available");
        string r = _card.Send("01C000002C");
        Assert.That(r, Has.Length.EqualTo(2 * 44 + 4));
        Assert.That(r, Does.EndWith("9000"));
        Assert.That(Hex.Bytes(r[..^4]), Is.EqualTo(Hex.Pattern(300)[256..]));
    }

    [Test]
    public void GetResponseWithASmallerLeReturnsPartAndAnnouncesTheRest()
    {
        _handler.Respond = _ => Hex.Pattern(300);
        _ = _card.Send("81E2910003BF2D00");
        string r = _card.Send("01C0000010");
        Assert.That(r, Has.Length.EqualTo(2 * 16 + 4));
        Assert.That(r, Does.EndWith("611C"), "28 left");
        Assert.That(_card.Send("01C000001C"), Does.EndWith("9000"));
    }

    [Test]
    public void SmallLeOnTheLastBlockChainsTheRest()
    {
        _handler.Respond = _ => Hex.Pattern(20);
        string r = _card.Send("81E2910003BF2D0008");
        Assert.That(r, Is.EqualTo(Hex.Of(Hex.Pattern(20)[..8]) + "610C"));
        Assert.That(_card.Send("01C000000C"), Is.EqualTo(Hex.Of(Hex.Pattern(20)[8..]) + "9000"));
    }

    [Test]
    public void GetResponseErrors()
    {
        Assert.That(_card.Send("01C0000000"), Is.EqualTo("6985"), "nothing pending");
        _handler.Respond = _ => Hex.Pattern(300);
        _ = _card.Send("81E2910003BF2D00");
        Assert.That(_card.Send("01C0010000"), Is.EqualTo("6A86"));
        Assert.That(_card.Send("01C00000"), Is.EqualTo("6700"), "no Le");
        Assert.That(_card.Send("01C0000001AA00"), Is.EqualTo("6700"), "data field");
        Assert.That(_card.Send("00C0000000"), Is.EqualTo("6985"), "pending data belongs to channel 1");
    }

    [Test]
    public void AnotherCommandOnTheChannelDiscardsThePendingResponse()
    {
        _handler.Respond = _ => Hex.Pattern(300);
        _ = _card.Send("81E2910003BF2D00");
        Assert.That(_card.Send("81AA000003A90100"), Is.EqualTo("9000"));
        Assert.That(_card.Send("01C0000000"), Is.EqualTo("6985"));
    }

    [Test]
    public void ACommandOnAnotherChannelLeavesThePendingResponse()
    {
        _handler.Respond = _ => Hex.Pattern(300);
        _ = _card.Send("81E2910003BF2D00");
        Assert.That(_card.Send("80AA000003A90100"), Is.EqualTo("9000"));
        Assert.That(_card.Send("01C000002C"), Does.EndWith("9000"));
    }
}
