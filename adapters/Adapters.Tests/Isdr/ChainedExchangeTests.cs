using Conformance.Adapters.Apdu;
using Conformance.Adapters.Isdr;

namespace Conformance.Adapters.Tests.Isdr;

/// <summary>Response chaining against a scripted card (what a T=0 card does), written from ISO/IEC 7816-4 §5.3.4.</summary>
public class ChainedExchangeTests
{
    private sealed class ScriptedCard(params (string Expect, string Answer)[] script) : IApduTransport
    {
        private int _next;

        public List<string> Sent { get; } = [];

        public byte[] Atr => [0x3B, 0x00];

        public string Description => "scripted card";

        public Task<byte[]> TransmitAsync(byte[] apdu, CancellationToken ct)
        {
            string hex = Convert.ToHexString(apdu);
            Sent.Add(hex);
            Assert.That(_next, Is.LessThan(script.Length), $"unexpected APDU {hex}");
            var (expect, answer) = script[_next++];
            Assert.That(hex, Is.EqualTo(expect));
            return Task.FromResult(Convert.FromHexString(answer));
        }

        public Task ResetAsync(CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Test]
    public async Task WrongLeIsReissuedWithTheLeTheCardGave()
    {
        var card = new ScriptedCard(
            ("0070000001", "019000"),
            ("01A4040010A0000005591010FFFFFFFF8900000100", "9000"),
            ("81E2910003BF200000", "6C05"),
            ("81E2910003BF200005", "BF200280009000"),
            ("00708001", "9000"));
        await using IsdrSession session = await IsdrSession.OpenAsync(card);
        byte[] r = await session.TransmitEs10Async(Convert.FromHexString("BF2000"), CancellationToken.None);
        Assert.That(Convert.ToHexString(r), Is.EqualTo("BF20028000"));
    }

    [Test]
    public async Task SixtyOneXxIsFollowedWithGetResponseOnTheSessionChannel()
    {
        var card = new ScriptedCard(
            ("0070000001", "029000"),
            ("02A4040010A0000005591010FFFFFFFF8900000100", "6112"),
            ("02C0000012", "6F1084" + "9000"),
            ("82E2910003BF200000", "AABB6103"),
            ("02C0000003", "6C02"),
            ("02C0000002", "CCDD6101"),
            ("02C0000001", "EE9000"),
            ("00708002", "9000"));
        await using IsdrSession session = await IsdrSession.OpenAsync(card);
        byte[] r = await session.TransmitEs10Async(Convert.FromHexString("BF2000"), CancellationToken.None);
        Assert.That(Convert.ToHexString(r), Is.EqualTo("AABBCCDDEE"));
    }

    [Test]
    public void ACardThatKeepsAnswering6CxxIsReported()
    {
        var card = new ScriptedCard(
            ("0070000001", "019000"),
            ("01A4040010A0000005591010FFFFFFFF8900000100", "6C10"),
            ("01A4040010A0000005591010FFFFFFFF890000010010", "6C10"),
            ("00708001", "9000"));
        var e = Assert.ThrowsAsync<ApduStatusException>(() => IsdrSession.OpenAsync(card))!;
        Assert.That(e.StatusWord.Value, Is.EqualTo(0x6C10));
    }

    [TestCase("00A40400", (byte)0x10, "00A4040010")]
    [TestCase("00C0000000", (byte)0x12, "00C0000012")]
    [TestCase("80E2910003BF2000", (byte)0x05, "80E2910003BF200005")]
    [TestCase("80E2910003BF200000", (byte)0x05, "80E2910003BF200005")]
    public void WithLeReplacesOrAppendsLe(string apdu, byte le, string expected) =>
        Assert.That(Convert.ToHexString(ChainedExchange.WithLe(Convert.FromHexString(apdu), le)), Is.EqualTo(expected));
}
