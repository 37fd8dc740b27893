using System.Formats.Asn1;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Rsp.Tests.Pki;

/// <summary>The EUM nameConstraints of SGP.22 v2.5 §4.5.2.1.0.3, decoded with System.Formats.Asn1 (not our encoder).</summary>
public sealed class PermittedEidRangeTests
{
    [Test]
    public void Eum_name_constraints_are_a_critical_directoryName_with_O_and_serialNumber_prefix()
    {
        var eum = PkiFixture.Curve(RspCurve.NistP256).Eum.Certificate;
        var ext = eum.Certificate.CertificateStructure.TbsCertificate.Extensions.GetExtension(Org.BouncyCastle.Asn1.X509.X509Extensions.NameConstraints);
        Assert.That(ext.IsCritical, Is.True);

        var nc = new AsnReader(ext.Value.GetOctets(), AsnEncodingRules.DER).ReadSequence();
        var permitted = nc.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
        Assert.That(nc.HasData, Is.False, "no excludedSubtrees");
        var subtree = permitted.ReadSequence();
        Assert.That(permitted.HasData, Is.False, "one subtree");
        var name = subtree.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)).ReadSequence();
        Assert.That(subtree.HasData, Is.False, "minimum/maximum absent");

        var o = name.ReadSetOf().ReadSequence();
        Assert.That(o.ReadObjectIdentifier(), Is.EqualTo("2.5.4.10"));
        Assert.That(o.ReadCharacterString(UniversalTagNumber.UTF8String), Is.EqualTo("RSP Conformance Test EUM"));
        var sn = name.ReadSetOf().ReadSequence();
        Assert.That(sn.ReadObjectIdentifier(), Is.EqualTo("2.5.4.5"));
        Assert.That(sn.ReadCharacterString(UniversalTagNumber.PrintableString), Is.EqualTo("89049032"));
        Assert.That(name.HasData, Is.False);
    }

    [TestCase("RSP Conformance Test EUM", "89049032123451234512345678901235", true)]
    [TestCase("RSP Conformance Test EUM", "89049032000000000000000000000000", true)]
    [TestCase("RSP Conformance Test EUM", "89049033123451234512345678901235", false)]
    [TestCase("RSP Conformance Test EUM", "8904903", false)]
    [TestCase("Another EUM", "89049032123451234512345678901235", false)]
    public void Serial_number_matches_by_prefix_and_organisation_exactly(string org, string eid, bool permitted)
    {
        var pki = PkiFixture.Curve(RspCurve.NistP256);
        var euicc = RspCertificateIssuer.Issue(RspCertificateProfiles.Euicc(org, eid, 5),
            SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, "range")), pki.Eum.Certificate, pki.Eum.RequirePrivateKey());
        Assert.That(PermittedEidRange.Permits(pki.Eum.Certificate, euicc), Is.EqualTo(permitted));
    }

    [Test]
    public void Several_prefixes_any_one_permits()
    {
        var range = new PermittedEidRange("EUM", ["89001", "89002"]);
        var ciKey = SeededKeys.Derive(1, RspCurve.NistP256, "ci");
        var ci = RspCertificateIssuer.Issue(RspCertificateProfiles.Ci("ci", 1), SeededKeys.PublicOf(ciKey), null, ciKey);
        var eumKey = SeededKeys.Derive(1, RspCurve.NistP256, "eum");
        var eum = RspCertificateIssuer.Issue(RspCertificateProfiles.Eum(range, "eum", 2), SeededKeys.PublicOf(eumKey), ci, ciKey);
        RspCertificate Euicc(string eid) => RspCertificateIssuer.Issue(RspCertificateProfiles.Euicc("EUM", eid, 3),
            SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, eid)), eum, eumKey);
        Assert.That(PermittedEidRange.FromCertificate(eum)!.Select(r => r.SerialNumberPrefix), Is.EqualTo(new[] { "89001", "89002" }));
        Assert.That(PermittedEidRange.Permits(eum, Euicc("89002999")), Is.True);
        Assert.That(PermittedEidRange.Permits(eum, Euicc("89003999")), Is.False);
    }
}
