using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Tests.Apdu;

public class ChannelAndSelectTests
{
    private const string IsdrAid = "A0000005591010FFFFFFFF8900000100";
    private RecordingHandler _handler = null!;
    private IsdrFrontEnd _card = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new RecordingHandler();
        _card = new IsdrFrontEnd(_handler);
    }

    [Test]
    public void OpenAssignsChannelsOneToThreeWithExactlyOneByteThenRunsOut()
    {
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
        Assert.That(_card.Send("0070000001"), Is.EqualTo("029000"));
        Assert.That(_card.Send("00700000"), Is.EqualTo("039000"), "case 1 open also answers the byte");
        Assert.That(_card.Send("0070000001"), Is.EqualTo("6A81"), "no channel left");
        Assert.That(_card.Send("00708002"), Is.EqualTo("9000"));
        Assert.That(_card.Send("0070000001"), Is.EqualTo("029000"), "the lowest free channel is reused");
    }

    [Test]
    public void OpenWithWrongLeAnswers6C01()
    {
        Assert.That(_card.Send("0070000002"), Is.EqualTo("6C01"));
        Assert.That(_card.Send("0070000000"), Is.EqualTo("019000"), "Le '00' is fine");
    }

    [Test]
    public void OpenByNumber()
    {
        Assert.That(_card.Send("00700002"), Is.EqualTo("9000"));
        Assert.That(_card.Send("00700002"), Is.EqualTo("6A86"), "already open");
        Assert.That(_card.Send("00700004"), Is.EqualTo("6A86"), "not available on this card");
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
    }

    [Test]
    public void CloseErrors()
    {
        Assert.That(_card.Send("00708001"), Is.EqualTo("6881"), "channel 1 is not open");
        Assert.That(_card.Send("00708000"), Is.EqualTo("6A86"), "the basic channel cannot be closed");
        Assert.That(_card.Send("00708014"), Is.EqualTo("6A86"), "channel 20 does not exist");
        Assert.That(_card.Send("00704000"), Is.EqualTo("6A86"), "P1 neither open nor close");
        Assert.That(_card.Send("0070800101"), Is.EqualTo("6700"), "close has no Le");
    }

    [Test]
    public void CommandsOnAClosedChannelAnswer6881()
    {
        Assert.That(_card.Send("01A4040010" + IsdrAid), Is.EqualTo("6881"));
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
        Assert.That(_card.Send("01A4040010" + IsdrAid), Is.EqualTo("9000"));
        Assert.That(_card.Send("01708001"), Is.EqualTo("9000"), "a channel may close itself");
        Assert.That(_card.Send("81E2910003BF2000"), Is.EqualTo("6881"));
    }

    [Test]
    public void SelectIsdrWithoutLeOnALogicalAndOnTheBasicChannel()
    {
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
        Assert.That(_card.Send("01A4040010" + IsdrAid), Is.EqualTo("9000"));
        Assert.That(_card.Send("00A4040010" + IsdrAid), Is.EqualTo("9000"));
    }

    [Test]
    public void SelectWithLeReturnsTheFci()
    {
        string r = _card.Send("00A4040010" + IsdrAid + "00");
        Assert.That(r, Does.StartWith("6F").And.EndWith("9000"));
        Assert.That(r, Does.Contain("8410" + IsdrAid));
        byte[] fci = Hex.Bytes(r[..^4]);
        Assert.That(fci[1], Is.EqualTo(fci.Length - 2), "FCI length byte");
    }

    [Test]
    public void SelectErrors()
    {
        Assert.That(_card.Send("00A4040010A0000005591010FFFFFFFF8900000200"), Is.EqualTo("6A82"), "unknown AID");
        Assert.That(_card.Send("00A4040004A0000005"), Is.EqualTo("6A82"), "4 bytes are no partial AID");
        Assert.That(_card.Send("00A4000010" + IsdrAid), Is.EqualTo("6A86"), "select by file id");
        Assert.That(_card.Send("00A4040410" + IsdrAid), Is.EqualTo("6A86"), "P2 '04' (FCP) not offered");
        Assert.That(_card.Send("00A40400"), Is.EqualTo("6700"), "no AID");
        Assert.That(_card.Send("80A4040010" + IsdrAid), Is.EqualTo("6E00"), "SELECT is an ISO command");
    }

    [Test]
    public void SelectByPartialAidOfAtLeastFiveBytes()
    {
        Assert.That(_card.Send("00A4040008A0000005591010FF"), Is.EqualTo("9000"));
        Assert.That(_card.Send("80E2910003BF2000"), Is.EqualTo("9000"), "ISD-R is selected");
    }

    [Test]
    public void ConfigurableAid()
    {
        var card = new IsdrFrontEnd(_handler, new IsdrOptions { IsdrAid = Hex.Bytes("A000000559101001") });
        Assert.That(card.Send("00A4040010" + IsdrAid), Is.EqualTo("6A82"));
        Assert.That(card.Send("00A4040008A000000559101001"), Is.EqualTo("9000"));
    }

    [Test]
    public void FailedSelectKeepsTheCurrentSelection()
    {
        Assert.That(_card.Send("00A4040010" + IsdrAid), Is.EqualTo("9000"));
        Assert.That(_card.Send("00A4040005A000000000"), Is.EqualTo("6A82"));
        Assert.That(_card.Send("80E2910003BF2000"), Is.EqualTo("9000"));
    }

    [Test]
    public void TerminalCapabilityIsAccepted()
    {
        Assert.That(_card.Send("80AA000005A903830107"), Is.EqualTo("9000"));
        Assert.That(_card.Send("80AA000105A903830107"), Is.EqualTo("6A86"));
        Assert.That(_card.Send("80AA0000"), Is.EqualTo("6700"));
        Assert.That(_card.Send("00AA000005A903830107"), Is.EqualTo("6E00"));
    }

    [Test]
    public void ResetClosesChannelsDeselectsAndTellsTheHandler()
    {
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
        Assert.That(_card.Send("01A4040010" + IsdrAid), Is.EqualTo("9000"));
        Assert.That(_card.Send("00A4040010" + IsdrAid), Is.EqualTo("9000"));
        Assert.That(_card.Send("80E2110002BF20"), Is.EqualTo("9000"), "half a command");
        int before = _handler.Resets;
        _card.Reset();
        Assert.That(_handler.Resets, Is.EqualTo(before + 1));
        Assert.That(_card.Send("81E2910003BF2000"), Is.EqualTo("6881"), "channel 1 closed");
        Assert.That(_card.Send("80E2910003BF2000"), Is.EqualTo("6985"), "nothing selected on the basic channel");
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"));
        _card.PowerOff();
        _card.PowerOn();
        Assert.That(_card.Send("0070000001"), Is.EqualTo("019000"), "channel 1 free again after power cycle");
        Assert.That(_handler.Commands, Is.Empty, "the half command never reached the handler");
    }
}
