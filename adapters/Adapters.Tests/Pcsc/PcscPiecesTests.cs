using System.Runtime.InteropServices;
using Conformance.Adapters.Pcsc;

namespace Conformance.Adapters.Tests.Pcsc;

public class PcscPiecesTests
{
    [Test]
    public void NativeStructsHavePcscLiteLayoutOn64BitLinux()
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            Assert.Ignore("pcsc-lite layout is checked on 64-bit Linux only");
        }
        // pcsc-lite: 3 pointers/longs... szReader(8) pvUserData(8) dwCurrentState(8) dwEventState(8) cbAtr(8) rgbAtr[33] -> 73, padded to 80.
        Assert.That(Marshal.SizeOf<PcscNative.ReaderState>(), Is.EqualTo(80));
        Assert.That(Marshal.OffsetOf<PcscNative.ReaderState>(nameof(PcscNative.ReaderState.Atr)).ToInt32(), Is.EqualTo(40));
        Assert.That(Marshal.SizeOf<PcscNative.IoRequest>(), Is.EqualTo(16));
    }

    [Test]
    public void ErrorCodesAreDescribedInWords()
    {
        Assert.That(PcscErrors.Describe(0x8010001D), Does.StartWith("no PC/SC service").And.Contain("SCARD_E_NO_SERVICE 0x8010001D"));
        Assert.That(PcscErrors.Describe(0x8010000C), Does.Contain("no card in the reader"));
        Assert.That(PcscErrors.Describe(0x8010000B), Does.Contain("sharing violation"));
        Assert.That(PcscErrors.Describe(0x80100069), Does.Contain("card was removed"));
        Assert.That(PcscErrors.Describe(0x8010000A), Does.Contain("timed out"));
        Assert.That(PcscErrors.Describe(0x8010002E), Does.Contain("no reader"));
        Assert.That(PcscErrors.Describe(0x80100999), Is.EqualTo("PC/SC error 0x80100999"));
    }

    [Test]
    public void ExceptionNamesOperationReaderAndCode()
    {
        var e = new PcscException("SCardConnect", "Conformance vpcd 00 00", PcscErrors.SharingViolation);
        Assert.That(e.Message, Is.EqualTo("PC/SC SCardConnect on reader 'Conformance vpcd 00 00' failed: sharing violation: another application holds the card (SCARD_E_SHARING_VIOLATION 0x8010000B)"));
        Assert.That(e.Code, Is.EqualTo(PcscErrors.SharingViolation));
    }

    [Test]
    public void ReaderSelection()
    {
        string[] readers = ["Conformance vpcd 00 00", "Conformance vpcd 00 01", "ACS ACR39U 01 00"];
        Assert.That(PcscReaderSelector.Parse(null).Candidates(readers), Is.EqualTo(readers));
        Assert.That(PcscReaderSelector.Parse("2").Candidates(readers), Is.EqualTo(new[] { readers[2] }));
        Assert.That(PcscReaderSelector.Parse("7").Candidates(readers), Is.Empty);
        Assert.That(PcscReaderSelector.Parse("Conformance vpcd 00 01").Candidates(readers), Is.EqualTo(new[] { readers[1] }));
        Assert.That(PcscReaderSelector.Parse("acr39").Candidates(readers), Is.EqualTo(new[] { readers[2] }));
        Assert.That(PcscReaderSelector.Parse("gemalto").Candidates(readers), Is.Empty);
        Assert.That(PcscReaderSelector.Parse("vpcd").Candidates(readers), Is.EqualTo(readers[..2]));

        // One candidate: it, card or not (the caller waits for its card).
        Assert.That(PcscReaderSelector.Parse("acr39").Choose([readers[2]], []), Is.EqualTo(readers[2]));
        Assert.That(PcscReaderSelector.Parse("acr39").Choose([], []), Is.Null);
        // No name: the first reader holding a card, whatever the others hold.
        Assert.That(PcscReaderSelector.First.Choose(readers, [readers[2]]), Is.EqualTo(readers[2]));
        Assert.That(PcscReaderSelector.First.Choose(readers, [readers[2], readers[1]]), Is.EqualTo(readers[1]));
        Assert.That(PcscReaderSelector.First.Choose(readers, []), Is.Null);
    }

    [Test]
    public void ANameMatchingTwoReadersChoosesTheOneHoldingACard()
    {
        // vsmartcard's vpcd always shows two slots; the card is in one of them.
        string[] readers = ["Conformance vpcd 00 00", "Conformance vpcd 00 01", "ACS ACR39U 01 00"];
        var selector = PcscReaderSelector.Parse("Conformance vpcd");
        IReadOnlyList<string> candidates = selector.Candidates(readers);
        Assert.That(selector.Choose(candidates, [readers[1], readers[2]]), Is.EqualTo(readers[1]));
        Assert.That(selector.Choose(candidates, [readers[0]]), Is.EqualTo(readers[0]));
        Assert.That(selector.Choose(candidates, [readers[2]]), Is.Null, "no card in either slot yet: keep waiting");
    }

    [Test]
    public void ANameMatchingTwoReadersThatBothHoldACardIsOneSentenceNamingThem()
    {
        string[] readers = ["Conformance vpcd 00 00", "Conformance vpcd 00 01"];
        var selector = PcscReaderSelector.Parse("vpcd");
        var e = Assert.Throws<PcscException>(() => selector.Choose(selector.Candidates(readers), readers))!;
        Assert.That(e.Message, Is.EqualTo("PC/SC reader selection failed: reader 'vpcd' is ambiguous: 'Conformance vpcd 00 00' and 'Conformance vpcd 00 01' "
            + "both hold a card; name one of them in full, or by its index"));
        Assert.That(e.Message, Does.Not.Contain("\n"));
        Assert.That(e.Candidates, Is.EqualTo(readers));
        Assert.That(e.Operation, Is.EqualTo(PcscReaderSelector.ReaderSelection));
        Assert.That(PcscReaderSelector.Quoted(["a", "b", "c"]), Is.EqualTo("'a', 'b' and 'c'"));
    }
}
