using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using R = Conformance.Rsp.Pki.CertificateFailureReason;

namespace Conformance.Rsp.Tests.Pki;

/// <summary>One test per <see cref="CertificateFailureReason"/>, plus the valid chains of both curves.</summary>
public sealed class RspCertificateValidatorTests
{
    private static readonly DateTimeOffset Now = PkiFixture.Now;

    private static CurvePki Nist => PkiFixture.Curve(RspCurve.NistP256);

    private static RspCertificateValidator Validator => Nist.Validator();

    [TestCaseSource(typeof(PkiFixture), nameof(PkiFixture.Curves))]
    public void Valid_euicc_chain_reports_the_eid_and_the_ci(RspCurve curve)
    {
        var pki = PkiFixture.Curve(curve);
        var result = pki.Validator().ValidateEuiccChain(pki.Euicc.Certificate.Der, pki.Eum.Certificate.Der, Now);
        Assert.That(result.IsValid, Is.True, result.ToString());
        Assert.That(result.Eid, Is.EqualTo(TestPkiOptions.Sgp26Eid));
        Assert.That(result.Ci!.Der, Is.EqualTo(pki.Ci.Certificate.Der));
    }

    [Test]
    public void Ci_is_found_by_its_pkid_and_an_unknown_pkid_finds_nothing()
    {
        byte[] pkid = Nist.Ci.Certificate.SubjectKeyIdentifier!;
        Assert.That(pkid, Has.Length.EqualTo(20), "SHA-1 key identifier");
        Assert.That(Validator.CiForPkid(pkid)!.Der, Is.EqualTo(Nist.Ci.Certificate.Der));
        Assert.That(Validator.CiForPkid(Nist[PkiItem.UnknownCi].Certificate.SubjectKeyIdentifier!), Is.Null);
    }

    [Test]
    public void Euicc_failure_still_names_the_ci_of_the_chain()
    {
        var result = Validator.ValidateEuiccChain(Nist[PkiItem.ExpiredEuicc].Certificate.Der, Nist.Eum.Certificate.Der, Now);
        Assert.That(result.Ci!.Der, Is.EqualTo(Nist.Ci.Certificate.Der));
        Assert.That(result.Message, Does.StartWith("Euicc: expired"));
    }

    [TestCaseSource(nameof(CurvesAndServerRoles))]
    public void Valid_server_certificates(RspCurve curve, PkiItem item)
    {
        var pki = PkiFixture.Curve(curve);
        var result = pki.Validator().ValidateServerCertificate(item.Role(), pki[item].Certificate.Der, Now);
        Assert.That(result.IsValid, Is.True, result.ToString());
    }

    private static IEnumerable<object[]> CurvesAndServerRoles() =>
        from c in PkiFixture.Curves from i in new[] { PkiItem.DpAuth, PkiItem.DpPb, PkiItem.DpTls, PkiItem.DsAuth, PkiItem.DsTls } select new object[] { c, i };

    [Test]
    public void MalformedDer_truncated_eum()
    {
        var der = Nist.Eum.Certificate.Der[..^1];
        AssertFails(Validator.ValidateEuiccChain(Nist.Euicc.Certificate.Der, der, Now), CertificateRole.Eum, R.MalformedDer);
    }

    [Test]
    public void MalformedDer_trailing_byte_after_euicc()
    {
        byte[] der = [.. Nist.Euicc.Certificate.Der, 0x00];
        AssertFails(Validator.ValidateEuiccChain(der, Nist.Eum.Certificate.Der, Now), CertificateRole.Euicc, R.MalformedDer);
    }

    [Test]
    public void MalformedDer_ber_length_is_refused()
    {
        // Re-encode the outer SEQUENCE length in a non-minimal long form (82 -> 83 00 ..): valid BER, invalid DER.
        byte[] der = Nist.DpAuth.Certificate.Der;
        Assert.That(der[1], Is.EqualTo(0x82), "test assumes a two-byte long-form length");
        byte[] ber = [0x30, 0x83, 0x00, der[2], der[3], .. der[4..]];
        AssertFails(Validator.ValidateServerCertificate(CertificateRole.DpAuth, ber, Now), CertificateRole.DpAuth, R.MalformedDer);
    }

    [Test]
    public void CurveNotSupported_secp256k1_subject_key()
    {
        var k1 = Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetOid("secp256k1");
        var domain = new ECNamedDomainParameters(k1, Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetByOid(k1));
        var key = new ECPrivateKeyParameters(Org.BouncyCastle.Math.BigInteger.ValueOf(12345), domain);
        var cert = Issue(RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, 99), SeededKeys.PublicOf(key), Nist.Ci);
        AssertFails(Validator.ValidateServerCertificate(CertificateRole.DpAuth, cert.Der, Now), CertificateRole.DpAuth, R.CurveNotSupported);
    }

    [Test]
    public void CurveMismatch_brainpool_key_under_nist_ci()
    {
        var key = SeededKeys.Derive(1, RspCurve.BrainpoolP256r1, "mismatch");
        var cert = Issue(RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, 99), SeededKeys.PublicOf(key), Nist.Ci);
        AssertFails(Validator.ValidateServerCertificate(CertificateRole.DpAuth, cert.Der, Now), CertificateRole.DpAuth, R.CurveMismatch);
    }

    [Test]
    public void UnknownCi_eum_under_a_ci_that_is_not_trusted()
    {
        var result = Validator.ValidateEuiccChain(Nist[PkiItem.EuiccUnderUnknownCi].Certificate.Der, Nist[PkiItem.EumUnderUnknownCi].Certificate.Der, Now);
        AssertFails(result, CertificateRole.Eum, R.UnknownCi);
    }

    [Test]
    public void UnknownCi_becomes_valid_once_that_ci_is_trusted()
    {
        var both = new RspCertificateValidator([Nist.Ci.Certificate, Nist[PkiItem.UnknownCi].Certificate]);
        var result = both.ValidateServerCertificate(CertificateRole.DpAuth, Nist[PkiItem.DpAuthUnderUnknownCi].Certificate.Der, Now);
        Assert.That(result.IsValid, Is.True, result.ToString());
    }

    [Test]
    public void InvalidSignature_euicc_signed_by_another_eum()
    {
        var result = Validator.ValidateEuiccChain(Nist[PkiItem.EuiccSignedByOtherEum].Certificate.Der, Nist.Eum.Certificate.Der, Now);
        AssertFails(result, CertificateRole.Euicc, R.InvalidSignature);
    }

    [Test]
    public void KeyIdentifierMismatch_aki_not_the_issuer_ski()
    {
        var template = RspCertificateProfiles.SmdpSigning(CertificateRole.DpPb, 99) with { AuthorityKeyIdentifierOverride = new byte[20] };
        // The AKI is zero, so the validator cannot find the CI by it; trust by name is not used when an AKI is present.
        var cert = Issue(template, SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, "x")), Nist.Ci);
        AssertFails(Validator.ValidateServerCertificate(CertificateRole.DpPb, cert.Der, Now), CertificateRole.DpPb, R.UnknownCi);
        // Under the EUM the issuer is given, so a wrong AKI is a linkage failure.
        var euicc = Issue(RspCertificateProfiles.Euicc("RSP Conformance Test EUM", TestPkiOptions.Sgp26Eid, 99) with { AuthorityKeyIdentifierOverride = new byte[20] },
            SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, "y")), Nist.Eum);
        AssertFails(Validator.ValidateEuiccChain(euicc.Der, Nist.Eum.Certificate.Der, Now), CertificateRole.Euicc, R.KeyIdentifierMismatch);
    }

    [Test]
    public void Expired_eum()
    {
        var result = Validator.ValidateEuiccChain(Nist[PkiItem.EuiccUnderExpiredEum].Certificate.Der, Nist[PkiItem.ExpiredEum].Certificate.Der, Now);
        AssertFails(result, CertificateRole.Eum, R.Expired);
    }

    [Test]
    public void Expired_euicc()
    {
        var result = Validator.ValidateEuiccChain(Nist[PkiItem.ExpiredEuicc].Certificate.Der, Nist.Eum.Certificate.Der, Now);
        AssertFails(result, CertificateRole.Euicc, R.Expired);
    }

    [Test]
    public void NotYetValid_certificate_from_the_future()
    {
        var template = RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, 99) with { NotBefore = new DateTime(2090, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var cert = Issue(template, SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, "future")), Nist.Ci);
        AssertFails(Validator.ValidateServerCertificate(CertificateRole.DpAuth, cert.Der, Now), CertificateRole.DpAuth, R.NotYetValid);
    }

    [Test]
    public void NotYetValid_whole_pki_before_2020_fails_at_the_ci()
    {
        var result = Validator.ValidateServerCertificate(CertificateRole.DpAuth, Nist.DpAuth.Certificate.Der, new DateTimeOffset(2019, 6, 1, 0, 0, 0, TimeSpan.Zero));
        AssertFails(result, CertificateRole.Ci, R.NotYetValid);
    }

    [Test]
    public void WrongKeyUsage_dpauth_with_keyCertSign()
    {
        var template = RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, 99) with { KeyUsage = KeyUsage.DigitalSignature | KeyUsage.KeyCertSign };
        var cert = Issue(template, SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, "ku")), Nist.Ci);
        AssertFails(Validator.ValidateServerCertificate(CertificateRole.DpAuth, cert.Der, Now), CertificateRole.DpAuth, R.WrongKeyUsage);
    }

    [Test]
    public void WrongKeyUsage_dptls_without_serverAuth()
    {
        var template = RspCertificateProfiles.DpTls("h.example", false, 99) with { ExtendedKeyUsages = [KeyPurposeID.id_kp_clientAuth] };
        var cert = Issue(template, SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, "eku")), Nist.Ci);
        AssertFails(Validator.ValidateServerCertificate(CertificateRole.DpTls, cert.Der, Now), CertificateRole.DpTls, R.WrongKeyUsage);
    }

    [Test]
    public void WrongBasicConstraints_eum_that_is_not_a_ca()
    {
        var range = new PermittedEidRange("RSP Conformance Test EUM", "89049032");
        var eumKey = SeededKeys.Derive(1, RspCurve.NistP256, "eum-not-ca");
        var eum = Issue(RspCertificateProfiles.Eum(range, "EUM not CA", 99) with { IsCa = false }, SeededKeys.PublicOf(eumKey), Nist.Ci);
        var euicc = RspCertificateIssuer.Issue(RspCertificateProfiles.Euicc(range.Organization, TestPkiOptions.Sgp26Eid, 98),
            SeededKeys.PublicOf(SeededKeys.Derive(1, RspCurve.NistP256, "e")), eum, eumKey);
        AssertFails(Validator.ValidateEuiccChain(euicc.Der, eum.Der, Now), CertificateRole.Eum, R.WrongBasicConstraints);
    }

    [Test]
    public void WrongPolicy_dpauth_with_the_dppb_policy()
    {
        var result = Validator.ValidateServerCertificate(CertificateRole.DpAuth, Nist[PkiItem.DpAuthWrongPolicy].Certificate.Der, Now);
        AssertFails(result, CertificateRole.DpAuth, R.WrongPolicy);
    }

    [Test]
    public void WrongPolicy_a_dpauth_certificate_is_not_a_dppb_certificate()
    {
        var result = Validator.ValidateServerCertificate(CertificateRole.DpPb, Nist.DpAuth.Certificate.Der, Now);
        AssertFails(result, CertificateRole.DpPb, R.WrongPolicy);
    }

    [Test]
    public void EidOutsidePermittedRange()
    {
        var result = Validator.ValidateEuiccChain(Nist[PkiItem.EuiccEidOutsideRange].Certificate.Der, Nist.Eum.Certificate.Der, Now);
        AssertFails(result, CertificateRole.Euicc, R.EidOutsidePermittedRange);
    }

    [Test]
    public void Every_failure_reason_has_a_test_above()
    {
        // Guards the "one test per failure reason" rule: a new reason without a test name here fails.
        var tested = typeof(RspCertificateValidatorTests).GetMethods().Select(m => m.Name.Split('_')[0]).ToHashSet();
        Assert.That(Enum.GetNames<CertificateFailureReason>().Where(n => !tested.Contains(n)), Is.Empty);
    }

    private static RspCertificate Issue(CertificateTemplate template, ECPublicKeyParameters subjectKey, IssuedCertificate issuer) =>
        RspCertificateIssuer.Issue(template, subjectKey, issuer.Certificate, issuer.RequirePrivateKey());

    private static void AssertFails(CertificateValidationResult result, CertificateRole role, CertificateFailureReason reason)
    {
        Assert.That(result.IsValid, Is.False, "expected a failure");
        Assert.That((result.FailedCertificate, result.Reason), Is.EqualTo(((CertificateRole?)role, (CertificateFailureReason?)reason)), result.ToString());
    }
}
