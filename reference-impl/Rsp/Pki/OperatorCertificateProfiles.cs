using Org.BouncyCastle.Asn1.X509;

namespace Conformance.Rsp.Pki;

/// <summary>
/// Certificates for ES2+ mutual TLS between an operator and the SM-DP+ (SGP.22 v2.5 §2.6.6 leaves this
/// PKI to the parties: it is NOT part of the GSMA RSP PKI, has no RSP policy OID and is not chained to
/// the CI). The harness plays the operator with a client certificate issued by its own test CA; the
/// SM-DP+ under test must be configured to trust that CA. Always on P-256, the curve every TLS stack offers.
/// </summary>
public static class OperatorCertificateProfiles
{
    public static CertificateTemplate Ca(long serial) => new()
    {
        Subject = RspCertificateProfiles.Name(("CN", "Test Operator CA"), ("O", "RSP Conformance Test Operator")),
        SerialNumber = serial,
        NotBefore = RspCertificateProfiles.ValidFrom,
        NotAfter = RspCertificateProfiles.ValidUntil,
        IsCa = true,
        KeyUsage = KeyUsage.KeyCertSign | KeyUsage.CrlSign,
    };

    public static CertificateTemplate Client(long serial) => new()
    {
        Subject = RspCertificateProfiles.Name(("CN", "Test Operator ES2+ client"), ("O", "RSP Conformance Test Operator")),
        SerialNumber = serial,
        NotBefore = RspCertificateProfiles.ValidFrom,
        NotAfter = RspCertificateProfiles.ValidUntil,
        IsCa = false,
        KeyUsage = KeyUsage.DigitalSignature,
        ExtendedKeyUsages = [KeyPurposeID.id_kp_clientAuth],
    };
}
