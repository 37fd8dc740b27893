using System.Security.Cryptography;
using Conformance.Adapters.Apdu;
using Conformance.Adapters.Isdr;
using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Tests.Isdr;

public class IsdrSessionTests
{
    private TestEs10Handler _handler = null!;
    private InProcessApduTransport _transport = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new TestEs10Handler();
        _transport = new InProcessApduTransport(new IsdrFrontEnd(_handler));
    }

    [TearDown]
    public async Task TearDown() => await _transport.DisposeAsync();

    [Test]
    public async Task OpensAChannelSelectsAndExchangesGetEuiccData()
    {
        await using IsdrSession session = await IsdrSession.OpenAsync(_transport);
        Assert.That(session.Channel, Is.EqualTo(1));
        byte[] response = await session.TransmitEs10Async(TestEs10Handler.GetEuiccData, CancellationToken.None);
        Assert.That(response, Is.EqualTo(TestEs10Handler.EidResponse));
    }

    [TestCase(1, 2)]
    [TestCase(1, 250)]
    [TestCase(120, 1000)]
    [TestCase(255, 255)]
    [TestCase(255, 5000)]
    public async Task SegmentsAnyCommandAndTheCardReassemblesIt(int segment, int length)
    {
        byte[] command = [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + segment))];
        command[0] = 0xBF;
        command[1] = 0x41;
        await using IsdrSession session = await IsdrSession.OpenAsync(_transport, new IsdrSessionOptions { SegmentSize = segment });
        byte[] response = await session.TransmitEs10Async(command, CancellationToken.None);
        Assert.That(response, Is.EqualTo(new byte[] { 0xBF, 0x7F, 0x20 }.Concat(SHA256.HashData(command)).ToArray()));
        Assert.That(_handler.Commands.Single(), Is.EqualTo(command));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task FetchesResponsesLongerThan256Bytes(bool leOnLastBlock)
    {
        await using IsdrSession session = await IsdrSession.OpenAsync(_transport, new IsdrSessionOptions { LeOnLastBlock = leOnLastBlock });
        byte[] response = await session.TransmitEs10Async(Convert.FromHexString("BF2D00"), CancellationToken.None);
        Assert.That(response, Is.EqualTo(TestEs10Handler.LongResponse()));
        Assert.That(response, Has.Length.EqualTo(700));
    }

    [Test]
    public async Task BasicChannelSessionNeedsNoManageChannel()
    {
        await using IsdrSession session = await IsdrSession.OpenAsync(_transport, new IsdrSessionOptions { UseBasicChannel = true });
        Assert.That(session.Channel, Is.Zero);
        Assert.That(await session.TransmitEs10Async(TestEs10Handler.GetEuiccData, CancellationToken.None), Is.EqualTo(TestEs10Handler.EidResponse));
    }

    [Test]
    public async Task CloseFreesTheChannel()
    {
        IsdrSession first = await IsdrSession.OpenAsync(_transport);
        await first.CloseAsync(CancellationToken.None);
        await using IsdrSession second = await IsdrSession.OpenAsync(_transport);
        Assert.That(second.Channel, Is.EqualTo(1));
        Assert.ThrowsAsync<ObjectDisposedException>(() => first.TransmitEs10Async(TestEs10Handler.GetEuiccData, CancellationToken.None));
    }

    [Test]
    public async Task FourSessionsExhaustTheChannels()
    {
        var sessions = new List<IsdrSession>();
        for (int i = 0; i < 3; i++)
        {
            sessions.Add(await IsdrSession.OpenAsync(_transport));
        }
        var e = Assert.ThrowsAsync<ApduStatusException>(() => IsdrSession.OpenAsync(_transport))!;
        Assert.That(e.StatusWord, Is.EqualTo(StatusWords.FunctionNotSupported));
        Assert.That(e.Step, Is.EqualTo("MANAGE CHANNEL open"));
        foreach (IsdrSession s in sessions)
        {
            await s.DisposeAsync();
        }
    }

    [Test]
    public async Task UnknownAidIsATypedErrorAndTheChannelIsClosedAgain()
    {
        var options = new IsdrSessionOptions { IsdrAid = Convert.FromHexString("A0000005591010FFFFFFFF8900000200") };
        var e = Assert.ThrowsAsync<ApduStatusException>(() => IsdrSession.OpenAsync(_transport, options))!;
        Assert.That(e.Step, Is.EqualTo("SELECT ISD-R"));
        Assert.That(e.StatusWord.Value, Is.EqualTo(0x6A82));
        Assert.That(Convert.ToHexString(e.Command), Is.EqualTo("01A4040010A0000005591010FFFFFFFF8900000200"));
        Assert.That(Convert.ToHexString(e.Response), Is.EqualTo("6A82"));
        Assert.That(e.Message, Does.Contain("file or application not found"));
        await using IsdrSession session = await IsdrSession.OpenAsync(_transport);
        Assert.That(session.Channel, Is.EqualTo(1), "the failed session closed its channel");
    }

    [Test]
    public async Task CardErrorOnTheLastBlockCarriesTheBytes()
    {
        await using IsdrSession session = await IsdrSession.OpenAsync(_transport);
        var e = Assert.ThrowsAsync<ApduStatusException>(() => session.TransmitEs10Async(Convert.FromHexString("BF2200"), CancellationToken.None))!;
        Assert.That(e.StatusWord, Is.EqualTo(StatusWords.IncorrectData));
        Assert.That(e.Step, Is.EqualTo("STORE DATA block 1 of 1"));
        Assert.That(Convert.ToHexString(e.Command), Is.EqualTo("81E2910003BF220000"));
    }

    [Test]
    public void OptionsAreChecked()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => IsdrSession.OpenAsync(_transport, new IsdrSessionOptions { SegmentSize = 256 }));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => IsdrSession.OpenAsync(_transport, new IsdrSessionOptions { SegmentSize = 0 }));
    }
}
