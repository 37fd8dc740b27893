using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Tests.Apdu;

public class AtrTests
{
    /// <summary>Walks the ATR as ISO/IEC 7816-3 §8.2 lays it out and collects the offered protocols.</summary>
    private static (List<int> Protocols, int HistoricalCount, int End) Walk(byte[] atr)
    {
        var protocols = new List<int>();
        int k = atr[1] & 0x0F;
        int y = atr[1] >> 4;
        int i = 2;
        while (true)
        {
            if ((y & 0x1) != 0) { i++; } // TA
            if ((y & 0x2) != 0) { i++; } // TB
            if ((y & 0x4) != 0) { i++; } // TC
            if ((y & 0x8) == 0) { break; }
            byte td = atr[i++];
            protocols.Add(td & 0x0F);
            y = td >> 4;
        }
        return (protocols, k, i + k);
    }

    [Test]
    public void OffersT0FirstThenT1AndHasAValidCheckByte()
    {
        byte[] atr = Atr.Default.ToArray();
        Assert.That(atr[0], Is.EqualTo(0x3B), "direct convention");
        var (protocols, k, end) = Walk(atr);
        Assert.That(protocols[0], Is.EqualTo(0), "T=0 is the first offered protocol");
        Assert.That(protocols, Does.Contain(1));
        // T=1 offered -> TCK present and the XOR of T0..TCK is zero (ISO/IEC 7816-3 §8.2.5).
        Assert.That(atr, Has.Length.EqualTo(end + 1));
        int xor = 0;
        foreach (byte b in atr.AsSpan(1))
        {
            xor ^= b;
        }
        Assert.That(xor, Is.Zero);
        Assert.That(k, Is.EqualTo(7));
        Assert.That(atr, Has.Length.LessThanOrEqualTo(33));
    }

    [Test]
    public void FrontEndAnswersTheDocumentedAtr()
    {
        var card = new IsdrFrontEnd(new RecordingHandler());
        Assert.That(Hex.Of(card.Atr), Is.EqualTo("3B8780B1FE451FC78031E073FE211B33"));
    }
}
