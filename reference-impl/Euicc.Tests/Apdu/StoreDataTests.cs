using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Tests.Apdu;

public class StoreDataTests
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

    /// <summary>Builds STORE DATA blocks by hand from the SGP.22 §5.7.2 rules (CLA 80|channel, P1 11/91, P2 from 0).</summary>
    private static List<byte[]> Blocks(byte[] command, int segment, int channel = 1)
    {
        var blocks = new List<byte[]>();
        int count = (command.Length + segment - 1) / segment;
        for (int i = 0; i < count; i++)
        {
            int len = Math.Min(segment, command.Length - i * segment);
            var apdu = new byte[5 + len];
            apdu[0] = (byte)(0x80 | channel);
            apdu[1] = 0xE2;
            apdu[2] = (byte)(i == count - 1 ? 0x91 : 0x11);
            apdu[3] = (byte)i;
            apdu[4] = (byte)len;
            command.AsSpan(i * segment, len).CopyTo(apdu.AsSpan(5));
            blocks.Add(apdu);
        }
        return blocks;
    }

    [TestCase(1, 1)]
    [TestCase(1, 200)]
    [TestCase(120, 119)]
    [TestCase(120, 120)]
    [TestCase(120, 121)]
    [TestCase(120, 1000)]
    [TestCase(255, 255)]
    [TestCase(255, 256)]
    [TestCase(255, 10_000)]
    public void AnySplitIsReassembledIntoOneCommand(int segment, int length)
    {
        byte[] command = Hex.Pattern(length, seed: segment);
        var blocks = Blocks(command, segment);
        for (int i = 0; i < blocks.Count - 1; i++)
        {
            Assert.That(Hex.Of(_card.Transmit(blocks[i])), Is.EqualTo("9000"), $"block {i}");
            Assert.That(_handler.Commands, Is.Empty, "nothing reaches the handler before the last block");
        }
        Assert.That(Hex.Of(_card.Transmit(blocks[^1])), Is.EqualTo("9000"));
        Assert.That(_handler.Commands, Has.Count.EqualTo(1));
        Assert.That(_handler.Commands[0], Is.EqualTo(command));
    }

    [Test]
    public void MixedSegmentSizesAlsoWork()
    {
        byte[] command = Hex.Pattern(700, seed: 3);
        int[] sizes = [1, 255, 17, 120, 200, 107];
        int offset = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            bool last = i == sizes.Length - 1;
            string apdu = $"81E2{(last ? "91" : "11")}{i:X2}{sizes[i]:X2}" + Hex.Of(command.AsSpan(offset, sizes[i]).ToArray());
            offset += sizes[i];
            Assert.That(_card.Send(apdu), Is.EqualTo("9000"));
        }
        Assert.That(_handler.Commands.Single(), Is.EqualTo(command));
    }

    [Test]
    public void LastBlockWithLeStillDelivers()
    {
        _handler.Respond = _ => Hex.Bytes("BF3E125A10" + "89049032123451234512345678901235");
        Assert.That(_card.Send("81E2910006BF3E035C015A00"), Is.EqualTo("BF3E125A108904903212345123451234567890123590" + "00"));
        Assert.That(Hex.Of(_handler.Commands.Single()), Is.EqualTo("BF3E035C015A"));
    }

    [Test]
    public void BlockOutOfSequenceAnswers6A86AndDropsTheCommand()
    {
        Assert.That(_card.Send("81E2110002BF3E"), Is.EqualTo("9000"));
        Assert.That(_card.Send("81E2910202035C"), Is.EqualTo("6A86"), "block 2 after block 0");
        Assert.That(_card.Send("81E2910102035C"), Is.EqualTo("6A86"), "the sequence was dropped, block 1 is out of sequence too");
        Assert.That(_handler.Commands, Is.Empty);
        Assert.That(_card.Send("81E2910103035C01"), Is.EqualTo("6A86"), "a first block must be numbered 00");
    }

    [Test]
    public void BlockZeroRestartsAnUnfinishedCommand()
    {
        Assert.That(_card.Send("81E2110002AAAA"), Is.EqualTo("9000"));
        Assert.That(_card.Send("81E2910003BF2000"), Is.EqualTo("9000"));
        Assert.That(Hex.Of(_handler.Commands.Single()), Is.EqualTo("BF2000"));
    }

    [Test]
    public void WrongP1EmptyDataAndWrongClass()
    {
        Assert.That(_card.Send("81E2010003BF2000"), Is.EqualTo("6A86"), "P1 '01'");
        Assert.That(_card.Send("81E2800003BF2000"), Is.EqualTo("6A86"), "P1 '80'");
        Assert.That(_card.Send("81E29100"), Is.EqualTo("6700"), "no data");
        Assert.That(_card.Send("01E2910003BF2000"), Is.EqualTo("6E00"), "STORE DATA is a GlobalPlatform command");
    }

    [Test]
    public void StoreDataBeforeSelectAnswers6985()
    {
        Assert.That(_card.Send("0070000001"), Is.EqualTo("029000"));
        Assert.That(_card.Send("82E2910003BF2000"), Is.EqualTo("6985"));
        Assert.That(_card.Send("80E2910003BF2000"), Is.EqualTo("6985"), "basic channel, nothing selected");
    }

    [Test]
    public void CommandsOverTheMaximumSizeAnswer6A84()
    {
        var card = new IsdrFrontEnd(_handler, new IsdrOptions { MaxCommandLength = 1000 });
        Assert.That(card.Send("00A4040010" + IsdrAid), Is.EqualTo("9000"));
        var blocks = Blocks(Hex.Pattern(1001), 250, channel: 0);
        Assert.That(Hex.Of(card.Transmit(blocks[0])), Is.EqualTo("9000"));
        Assert.That(Hex.Of(card.Transmit(blocks[1])), Is.EqualTo("9000"));
        Assert.That(Hex.Of(card.Transmit(blocks[2])), Is.EqualTo("9000"));
        Assert.That(Hex.Of(card.Transmit(blocks[3])), Is.EqualTo("9000"));
        Assert.That(Hex.Of(card.Transmit(blocks[4])), Is.EqualTo("6A84"), "byte 1001");
        Assert.That(_handler.Commands, Is.Empty);
    }

    [Test]
    public void DefaultMaximumIs32KiB()
    {
        var blocks = Blocks(Hex.Pattern(32 * 1024 + 1), 255);
        Assert.That(blocks, Has.Count.LessThanOrEqualTo(256), "reachable with P2 block numbers 00..FF");
        for (int i = 0; i < blocks.Count - 1; i++)
        {
            Assert.That(Hex.Of(_card.Transmit(blocks[i])), Is.EqualTo("9000"));
        }
        Assert.That(Hex.Of(_card.Transmit(blocks[^1])), Is.EqualTo("6A84"));
        Assert.That(_handler.Commands, Is.Empty);
        byte[] exact = Hex.Pattern(32 * 1024);
        foreach (byte[] block in Blocks(exact, 255))
        {
            Assert.That(Hex.Of(_card.Transmit(block)), Is.EqualTo("9000"));
        }
        Assert.That(_handler.Commands.Single(), Is.EqualTo(exact));
    }

    [Test]
    public void HandlerStatusAndFailuresBecomeStatusWords()
    {
        _handler.Respond = _ => throw new Es10StatusException(StatusWords.IncorrectData, "undecodable");
        Assert.That(_card.Send("81E2910003BF2000"), Is.EqualTo("6A80"));
        _handler.Respond = _ => throw new InvalidOperationException("bug");
        Assert.That(_card.Send("81E2910003BF2000"), Is.EqualTo("6F00"));
        _handler.Respond = _ => Hex.Bytes("BF2003800100");
        Assert.That(_card.Send("81E2910003BF2000"), Is.EqualTo("BF20038001009000"), "the card still works");
    }

    [Test]
    public void ChannelsKeepSeparateSequences()
    {
        Assert.That(_card.Send("00A4040010" + IsdrAid), Is.EqualTo("9000"));
        Assert.That(_card.Send("81E2110002BF3E"), Is.EqualTo("9000"));
        Assert.That(_card.Send("80E2910003BF2000"), Is.EqualTo("9000"));
        Assert.That(_card.Send("81E2910104035C015A"), Is.EqualTo("9000"));
        Assert.That(_handler.Commands.Select(Hex.Of), Is.EqualTo(new[] { "BF2000", "BF3E035C015A" }));
    }
}
