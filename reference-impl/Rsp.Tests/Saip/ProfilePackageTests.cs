using Conformance.Rsp.Saip;

namespace Conformance.Rsp.Tests.Saip;

public class ProfilePackageTests
{
    // The first profile element of the plain profile in the shared BSP vectors (ppkSegments, an
    // independent SM-DP+'s sample profile): a ProfileHeader written by someone else's encoder.
    private const string VectorHeader =
        "a048800102810101821a53494d616c6c69616e63652053616d706c652050726f66696c65830a89000123456789012341" +
        "a506810084008b00a610060667810f010201060667810f010204";

    [Test]
    public void DecodesTheHeaderOfAnIndependentSampleProfile()
    {
        byte[] upp = Convert.FromHexString(VectorHeader + "aa07a005800081010a");
        ProfilePackage p = ProfilePackage.Parse(upp);
        Assert.Multiple(() =>
        {
            Assert.That(p.Header.MajorVersion, Is.EqualTo(2));
            Assert.That(p.Header.MinorVersion, Is.EqualTo(1));
            Assert.That(p.Header.ProfileType, Is.EqualTo("SIMalliance Sample Profile"));
            Assert.That(p.Iccid, Is.EqualTo("89000123456789012341"));
            Assert.That(p.Header.MandatoryServices, Is.EqualTo(new[] { 1, 4, 11 }));
            Assert.That(p.Header.MandatoryGfste, Is.EqualTo(new[] { "2.23.143.1.2.1", "2.23.143.1.2.4" }));
            Assert.That(p.Elements.Select(e => e.Name), Is.EqualTo(new[] { "header", "end" }));
            Assert.That(p.Elements[1].Identification, Is.EqualTo(10));
        });
    }

    [Test]
    public void SyntheticProfileParsesWithItsIccidAndElementOrder()
    {
        byte[] upp = SyntheticProfile.Build("8949449999999000012", minimumSize: 12 * 1024);
        ProfilePackage p = ProfilePackage.Parse(upp);
        Assert.Multiple(() =>
        {
            Assert.That(upp.Length, Is.InRange(12 * 1024, 12 * 1024 + 2));
            Assert.That(p.Iccid, Is.EqualTo("8949449999999000012"));
            Assert.That(p.Elements.Select(e => e.Name), Is.EqualTo(new[]
                { "header", "mf", "pukCodes", "pinCodes", "akaParameter", "nonStandard", "end" }));
            Assert.That(p.Elements.Skip(1).Select(e => e.Identification), Is.EqualTo(new int?[] { 1, 2, 3, 4, 5, 6 }));
        });
    }

    [Test]
    public void SyntheticProfileIsDeterministicPerSeed()
    {
        Assert.That(SyntheticProfile.Build("89000123456789012341", seed: 7), Is.EqualTo(SyntheticProfile.Build("89000123456789012341", seed: 7)));
        Assert.That(SyntheticProfile.Build("89000123456789012341", seed: 7), Is.Not.EqualTo(SyntheticProfile.Build("89000123456789012341", seed: 8)));
    }

    [Test]
    public void EfIccidIsNibbleSwapped()
    {
        Assert.That(Convert.ToHexString(SyntheticProfile.SwappedIccid("89000123456789012341")), Is.EqualTo("98001032547698103214"));
    }

    [TestCase("", "empty package")]
    [TestCase("aa07a005800081010a", "first element must be the ProfileHeader")]
    [TestCase(VectorHeader, "does not end with the end element")]
    [TestCase(VectorHeader + "aa07a0058000", "malformed TLV")]
    [TestCase(VectorHeader + "0400", "not a profile element")]
    public void MalformedPackagesAreRejectedWithOffset(string hex, string problem)
    {
        var e = Assert.Throws<SaipException>(() => ProfilePackage.Parse(Convert.FromHexString(hex)))!;
        Assert.That(e.Message, Does.Contain(problem));
    }

    [Test]
    public void TruncatedVectorProfileIsRejected()
    {
        // The vector's profile is split over two segments; the first 1007 bytes alone end inside an element.
        byte[] upp = Convert.FromHexString(VectorHeader + "b08201f8a005");
        var e = Assert.Throws<SaipException>(() => ProfilePackage.Parse(upp))!;
        Assert.That(e.Offset, Is.EqualTo(VectorHeader.Length / 2));
    }
}
