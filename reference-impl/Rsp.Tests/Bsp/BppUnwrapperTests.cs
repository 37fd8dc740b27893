using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Tests.Bsp;

/// <summary>
/// The shared vectors are, taken together, a whole bound profile package from an independent SM-DP+:
/// ConfigureISDP (87), StoreMetadata (88), ReplaceSessionKeys (87, carrying exactly the PPKs of the
/// ppkSegments set) and two profile segments (86). Unwrapping that package must give back every plain text.
/// </summary>
public class BppUnwrapperTests
{
    internal static BoundProfilePackage VectorPackage()
    {
        var session = BspVectors.Segments("segments").Steps;
        var profile = BspVectors.Segments("ppkSegments").Steps;
        var isc = new InitialiseSecureChannelRequest(1, new byte[16], new ControlRefTemplate(0x88, 0x10, new byte[8]), new byte[65], new byte[64]);
        return new BoundProfilePackage(isc,
            [session[0].Protected], [session[1].Protected], [session[2].Protected],
            profile.Select(s => (ReadOnlyMemory<byte>)s.Protected).ToList());
    }

    [Test]
    public void UnwrapsTheIndependentVectorPackageWithThePpksItCarries()
    {
        var session = BspVectors.Segments("segments");
        var profile = BspVectors.Segments("ppkSegments");
        UnwrappedBpp plain = BppUnwrapper.Unwrap(VectorPackage(), session.Keys);
        Assert.Multiple(() =>
        {
            Assert.That(plain.ConfigureIsdp, Is.EqualTo(session.Steps[0].Plain));
            Assert.That(plain.StoreMetadata, Is.EqualTo(session.Steps[1].Plain));
            Assert.That(plain.ReplaceSessionKeys, Is.EqualTo(session.Steps[2].Plain));
            Assert.That(plain.ReplaceSessionKeysRequest!.PpkEnc, Is.EqualTo(profile.Keys.SEnc));
            Assert.That(plain.ProfilePackage, Is.EqualTo(profile.Steps.SelectMany(s => s.Plain).ToArray()));
            Assert.That(plain.Segments.Select(s => s.ToString()), Is.EqualTo(new[]
                { "A0[0] 87 (26 bytes)", "A1[0] 88 (58 bytes)", "A2[0] 87 (74 bytes)", "A3[0] 86 (1020 bytes)", "A3[1] 86 (1020 bytes)" }));
        });
    }

    [Test]
    public void PpkOverrideIsUsedForTheProfileSegments()
    {
        var session = BspVectors.Segments("segments");
        var wrong = new SessionKeys(new byte[16], new byte[16], new byte[16]);
        var e = Assert.Throws<BppUnwrapException>(() => BppUnwrapper.Unwrap(VectorPackage(), session.Keys, wrong))!;
        Assert.That(e.Position.Sequence, Is.EqualTo("A3"));
        Assert.That(e.SegmentNumber, Is.EqualTo(3));
        Assert.That(((BspException)e.InnerException!).Reason, Is.EqualTo(BspError.MacMismatch));
    }

    [TestCase(0, "A0")]
    [TestCase(1, "A1")]
    [TestCase(4, "A3")]
    public void ACorruptedMacNamesTheSegment(int segment, string sequence)
    {
        var bpp = VectorPackage();
        var all = bpp.FirstSequenceOf87.Concat(bpp.SequenceOf88).Concat(bpp.SecondSequenceOf87!).Concat(bpp.SequenceOf86).Select(m => m.ToArray()).ToList();
        all[segment][^1] ^= 0x01;
        var broken = new BoundProfilePackage(bpp.InitialiseSecureChannelRequest, [all[0]], [all[1]], [all[2]], [all[3], all[4]]);
        var e = Assert.Throws<BppUnwrapException>(() => BppUnwrapper.Unwrap(broken, BspVectors.Segments("segments").Keys))!;
        Assert.That(e.SegmentNumber, Is.EqualTo(segment));
        Assert.That(e.Position.Sequence, Is.EqualTo(sequence));
        Assert.That(e.Message, Does.Contain("MacMismatch"));
    }

    [Test]
    public void WithoutReplaceSessionKeysTheSessionInstanceContinuesOverTheProfile()
    {
        var keys = BspVectors.Segments("segments").Keys;
        byte[] profile = Conformance.Rsp.Saip.SyntheticProfile.Build("89000123456789012341", minimumSize: 3000);
        using var bsp = new BspInstance(keys);
        byte[] s87 = bsp.EncryptAndMac(0x87, Convert.FromHexString("bf2400"));
        byte[] s88 = bsp.MacOnly(0x88, Convert.FromHexString("bf2500"));
        var s86 = ProfileSegmentation.Protect(bsp, profile);
        var isc = new InitialiseSecureChannelRequest(1, new byte[16], new ControlRefTemplate(0x88, 0x10, new byte[8]), new byte[65], new byte[64]);
        var bpp = new BoundProfilePackage(isc, [s87], [s88], null, s86.Select(s => (ReadOnlyMemory<byte>)s).ToList());
        UnwrappedBpp plain = BppUnwrapper.Unwrap(bpp, keys);
        Assert.That(plain.ProfilePackage, Is.EqualTo(profile));
        Assert.That(plain.ReplaceSessionKeys, Is.Null);
        Assert.That(plain.Segments.Count(s => s.Sequence == "A3"), Is.EqualTo(s86.Count));
    }
}
