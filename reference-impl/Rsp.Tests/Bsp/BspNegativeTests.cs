using System.Security.Cryptography;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Tests.Bsp;

public class BspNegativeTests
{
    private static readonly SessionKeys Keys = BspVectors.Segments("segments").Keys;
    private static BspVectors.Step First => BspVectors.Segments("segments").Steps[0];
    private static BspVectors.Step MacOnlyStep => BspVectors.Segments("segments").Steps[1];

    private static BspException Refused(Action act) => Assert.Throws<BspException>(() => act())!;

    [Test]
    public void FlippedMacIsAMacMismatchAndLeavesTheStateUnchanged()
    {
        using var bsp = new BspInstance(Keys);
        byte[] bad = (byte[])First.Protected.Clone();
        bad[^1] ^= 0x01;
        BspException e = Refused(() => bsp.VerifyAndDecrypt(0x87, bad));
        Assert.That(e.Reason, Is.EqualTo(BspError.MacMismatch));
        Assert.That(e.SegmentIndex, Is.Zero);
        Assert.That(bsp.VerifyAndDecrypt(0x87, First.Protected), Is.EqualTo(First.Plain), "state unchanged after a refusal");
    }

    [Test]
    public void FlippedCipherTextIsAMacMismatchAtItsIndex()
    {
        using var bsp = new BspInstance(Keys);
        bsp.VerifyAndDecrypt(0x87, First.Protected);
        byte[] bad = (byte[])MacOnlyStep.Protected.Clone();
        bad[5] ^= 0x40;
        BspException e = Refused(() => bsp.VerifyMacOnly(0x88, bad));
        Assert.That((e.Reason, e.SegmentIndex), Is.EqualTo((BspError.MacMismatch, 1)));
        Assert.That(e.Message, Does.Contain("segment 1"));
    }

    [Test]
    public void SegmentsOutOfOrderFailTheMacChain()
    {
        using var bsp = new BspInstance(Keys);
        BspException e = Refused(() => bsp.VerifyMacOnly(0x88, MacOnlyStep.Protected));
        Assert.That(e.Reason, Is.EqualTo(BspError.MacMismatch));
    }

    [Test]
    public void WrongTag()
    {
        using var bsp = new BspInstance(Keys);
        BspException e = Refused(() => bsp.VerifyAndDecrypt(0x86, First.Protected));
        Assert.That(e.Reason, Is.EqualTo(BspError.WrongTag));
        Assert.That(e.Detail, Does.Contain("expected tag 86, found 87"));
    }

    [Test]
    public void SegmentOver1020BytesIsRefusedBeforeAnythingElse()
    {
        using var bsp = new BspInstance(Keys);
        var big = new byte[1021];
        big[0] = 0x86;
        big[1] = 0x82;
        big[2] = 0x03;
        big[3] = 0xF9;
        Assert.That(Refused(() => bsp.VerifyAndDecrypt(0x86, big)).Reason, Is.EqualTo(BspError.OversizedSegment));
    }

    [TestCase("87", TestName = "tag only")]
    [TestCase("8719" + "00", TestName = "length beyond the data")]
    [TestCase("8701AA00", TestName = "trailing byte")]
    [TestCase("878118" + "000102030405060708090A0B0C0D0E0F1011121314151617", TestName = "non-minimal length 81 18")]
    [TestCase("8714" + "000102030405060708090A0B0C0D0E0F10111213", TestName = "12 bytes of cipher text, not block-aligned")]
    [TestCase("8708" + "0001020304050607", TestName = "MAC only, no cipher text")]
    public void MalformedEncryptedSegments(string hex)
    {
        using var bsp = new BspInstance(Keys);
        Assert.That(Refused(() => bsp.VerifyAndDecrypt(0x87, Convert.FromHexString(hex))).Reason, Is.EqualTo(BspError.MalformedSegment));
    }

    [Test]
    public void MacOnlySegmentShorterThanItsMacIsMalformed()
    {
        using var bsp = new BspInstance(Keys);
        Assert.That(Refused(() => bsp.VerifyMacOnly(0x88, Convert.FromHexString("8803010203"))).Reason, Is.EqualTo(BspError.MalformedSegment));
    }

    [Test]
    public void ValidMacOverBadPaddingIsBadPadding()
    {
        // Built from the parts: one block of 11.. encrypted without padding, then a correct MAC.
        using var cipher = new BspCipher(Keys.SEnc);
        var segment = new byte[2 + 16 + 8];
        segment[0] = 0x87;
        segment[1] = 24;
        using (var aes = Aes.Create())
        {
            aes.Key = Keys.SEnc;
            aes.EncryptCbc(Enumerable.Repeat((byte)0x11, 16).ToArray(), cipher.Icv(1), segment.AsSpan(2, 16), PaddingMode.None);
        }
        new BspMac(Keys.SMac).Compute(Keys.InitialMacChainingValue, segment.AsSpan(0, 18)).AsSpan(0, 8).CopyTo(segment.AsSpan(18));
        using var bsp = new BspInstance(Keys);
        BspException e = Refused(() => bsp.VerifyAndDecrypt(0x87, segment));
        Assert.That(e.Reason, Is.EqualTo(BspError.BadPadding));
        Assert.That(bsp.SegmentIndex, Is.Zero);
    }

    [Test]
    public void SizesAtTheLimit()
    {
        using var bsp = new BspInstance(Keys);
        Assert.That(bsp.EncryptAndMac(0x86, new byte[1007]), Has.Length.EqualTo(1020));
        Assert.That(bsp.MacOnly(0x88, new byte[1008]), Has.Length.EqualTo(1020));
        Assert.That(Refused(() => bsp.EncryptAndMac(0x86, new byte[1008])).Reason, Is.EqualTo(BspError.OversizedSegment));
        Assert.That(Refused(() => bsp.MacOnly(0x88, new byte[1009])).Reason, Is.EqualTo(BspError.OversizedSegment));
    }

    [Test]
    public void BlockAlignedPlainGainsAFullPaddingBlock()
    {
        using var protector = new BspInstance(Keys);
        byte[] segment = protector.EncryptAndMac(0x87, new byte[16]);
        Assert.That(segment[1], Is.EqualTo(32 + 8));
        using var verifier = new BspInstance(Keys);
        Assert.That(verifier.VerifyAndDecrypt(0x87, segment), Is.EqualTo(new byte[16]));
    }

    [Test]
    public void OversizedSegmentsOnlyAsANamedFault()
    {
        using var bsp = new BspInstance(Keys) { EnforceSegmentLimit = false };
        byte[] segment = bsp.EncryptAndMac(0x86, new byte[1008]);
        Assert.That(segment, Has.Length.EqualTo(1036));
        using var verifier = new BspInstance(Keys);
        Assert.That(Refused(() => verifier.VerifyAndDecrypt(0x86, segment)).Reason, Is.EqualTo(BspError.OversizedSegment));
    }

    [Test]
    public void ProfileRoundTripOverManySegments()
    {
        byte[] profile = new byte[12 * 1024];
        new Random(7).NextBytes(profile);
        using var protector = new BspInstance(Keys);
        IReadOnlyList<byte[]> segments = ProfileSegmentation.Protect(protector, profile);
        Assert.That(segments, Has.Count.EqualTo(13));
        Assert.That(segments.Select(s => s.Length), Has.All.AtMost(1020));
        Assert.That(segments.Select(s => s[0]), Has.All.EqualTo((byte)0x86));
        using var verifier = new BspInstance(Keys);
        Assert.That(ProfileSegmentation.Unprotect(verifier, segments.Select(s => (ReadOnlyMemory<byte>)s)), Is.EqualTo(profile));

        using var reordered = new BspInstance(Keys);
        var swapped = segments.Select(s => (ReadOnlyMemory<byte>)s).ToList();
        (swapped[1], swapped[2]) = (swapped[2], swapped[1]);
        BspException e = Refused(() => ProfileSegmentation.Unprotect(reordered, swapped));
        Assert.That((e.Reason, e.SegmentIndex), Is.EqualTo((BspError.MacMismatch, 1)));
    }
}
