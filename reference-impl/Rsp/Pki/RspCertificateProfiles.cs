using Org.BouncyCastle.Asn1.X509;

namespace Conformance.Rsp.Pki;

/// <summary>
/// Certificate templates for each SGP.22 role (SGP.22 v2.5 §4.5.2.1, shapes as in the SGP.26 test
/// certificates): extensions, criticality and key usage per role. Names and the subjectAltName
/// registeredIDs (2.999.x, the example arc SGP.26 also uses) are test values of this harness.
/// </summary>
public static class RspCertificateProfiles
{
    /// <summary>notBefore of every valid certificate of the generated test PKI.</summary>
    public static readonly DateTime ValidFrom = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>notAfter of every valid certificate of the generated test PKI.</summary>
    public static readonly DateTime ValidUntil = new(2099, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>Validity of the expired variants: entirely in the past.</summary>
    public static readonly DateTime ExpiredFrom = new(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime ExpiredUntil = new(2019, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    public const string CrlUri = "http://ci.test.example.com/CRL-A.crl";

    /// <summary>CERT.CI.ECDSA: self-signed, cA TRUE, keyCertSign + cRLSign, policy 2.23.146.1.2.1.0.</summary>
    public static CertificateTemplate Ci(string commonName, long serial) => new()
    {
        Subject = Name(("CN", commonName), ("O", "RSP Conformance Test"), ("C", "IT")),
        SerialNumber = serial,
        NotBefore = ValidFrom,
        NotAfter = ValidUntil,
        IsCa = true,
        KeyUsage = KeyUsage.KeyCertSign | KeyUsage.CrlSign,
        Policies = [RspCertificatePolicies.Ci],
        RegisteredId = "2.999.1",
        CrlDistributionPoint = CrlUri,
    };

    /// <summary>CERT.EUM.ECDSA: cA TRUE with pathLen 0, keyCertSign, policy 2.23.146.1.2.1.2, nameConstraints with the EID range.</summary>
    public static CertificateTemplate Eum(PermittedEidRange range, string commonName, long serial) => new()
    {
        Subject = Name(("C", "ES"), ("O", range.Organization), ("CN", commonName)),
        SerialNumber = serial,
        NotBefore = ValidFrom,
        NotAfter = ValidUntil,
        IsCa = true,
        PathLength = 0,
        KeyUsage = KeyUsage.KeyCertSign,
        Policies = [RspCertificatePolicies.Eum],
        RegisteredId = "2.999.5",
        EidRange = range,
        CrlDistributionPoint = CrlUri,
    };

    /// <summary>CERT.EUICC.ECDSA: subject O = the EUM's organisation, serialNumber = EID; digitalSignature; policy 2.23.146.1.2.1.1.</summary>
    public static CertificateTemplate Euicc(string organization, string eid, long serial) => new()
    {
        Subject = Name(("C", "ES"), ("O", organization), ("SERIALNUMBER", eid), ("CN", "Test eUICC")),
        SerialNumber = serial,
        NotBefore = ValidFrom,
        NotAfter = ValidUntil,
        KeyUsage = KeyUsage.DigitalSignature,
        Policies = [RspCertificatePolicies.Euicc],
    };

    /// <summary>CERT.DPauth.ECDSA / CERT.DPpb.ECDSA: digitalSignature, the role's policy, registeredID of the SM-DP+.</summary>
    public static CertificateTemplate SmdpSigning(CertificateRole role, long serial) => new()
    {
        Subject = Name(("O", "RSP Conformance Test"), ("CN", "TEST SM-DP+")),
        SerialNumber = serial,
        NotBefore = ValidFrom,
        NotAfter = ValidUntil,
        KeyUsage = KeyUsage.DigitalSignature,
        Policies = [RspCertificatePolicies.PolicyOf(role)],
        RegisteredId = "2.999.10",
        CrlDistributionPoint = CrlUri,
    };

    /// <summary>CERT.DP.TLS: digitalSignature, extendedKeyUsage serverAuth, policy 2.23.146.1.2.1.3 (not critical, as in SGP.26),
    /// subjectAltName dNSName = the host (+ localhost/127.0.0.1/::1 when asked).</summary>
    public static CertificateTemplate DpTls(string host, bool loopbackSans, long serial) => new()
    {
        Subject = Name(("O", "RSP Conformance Test"), ("CN", host)),
        SerialNumber = serial,
        NotBefore = ValidFrom,
        NotAfter = ValidUntil,
        KeyUsage = KeyUsage.DigitalSignature,
        ExtendedKeyUsages = [KeyPurposeID.id_kp_serverAuth],
        Policies = [RspCertificatePolicies.DpTls],
        PoliciesCritical = false,
        DnsNames = loopbackSans && host != "localhost" ? [host, "localhost"] : [host],
        IpAddresses = loopbackSans ? ["127.0.0.1", "::1"] : [],
        RegisteredId = "2.999.10",
        CrlDistributionPoint = CrlUri,
    };

    /// <summary>CERT.DSauth.ECDSA (SGP.22 v2.5 §2.6): digitalSignature, policy id-rspRole-ds-auth, registeredID of the SM-DS.</summary>
    public static CertificateTemplate SmdsSigning(long serial) => new()
    {
        Subject = Name(("O", "RSP Conformance Test"), ("CN", "TEST SM-DS")),
        SerialNumber = serial,
        NotBefore = ValidFrom,
        NotAfter = ValidUntil,
        KeyUsage = KeyUsage.DigitalSignature,
        Policies = [RspCertificatePolicies.DsAuth],
        RegisteredId = "2.999.15",
        CrlDistributionPoint = CrlUri,
    };

    /// <summary>CERT.DS.TLS (SGP.22 v2.5 §2.6): as CERT.DP.TLS with policy id-rspRole-ds-tls and the SM-DS's registeredID.</summary>
    public static CertificateTemplate DsTls(string host, bool loopbackSans, long serial) =>
        DpTls(host, loopbackSans, serial) with { Policies = [RspCertificatePolicies.DsTls], RegisteredId = "2.999.15" };

    /// <summary>Builds a Name in the given attribute order (C, O, CN, SERIALNUMBER...).</summary>
    public static X509Name Name(params (string Attribute, string Value)[] attributes)
    {
        var oids = attributes.Select(a => (Org.BouncyCastle.Asn1.DerObjectIdentifier)X509Name.DefaultLookup[a.Attribute.ToLowerInvariant()]).ToList();
        return new X509Name(oids, attributes.Select(a => a.Value).ToList());
    }
}
