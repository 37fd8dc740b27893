using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace Conformance.Rsp.Pki;

/// <summary>
/// One X.509 certificate of the RSP PKI, kept with its exact DER (SGP.22 signs and transports
/// encodings) and the fields chain validation needs. Parsing is strict: the input must be exactly
/// one DER-encoded Certificate with no trailing bytes (a BER or non-canonical encoding is refused).
/// </summary>
public sealed class RspCertificate
{
    private RspCertificate(byte[] der, X509Certificate certificate)
    {
        Der = der;
        Certificate = certificate;
    }

    /// <summary>The certificate exactly as received or generated.</summary>
    public byte[] Der { get; }

    /// <summary>The BouncyCastle view of the certificate.</summary>
    public X509Certificate Certificate { get; }

    public X509Name Subject => Certificate.SubjectDN;

    public X509Name Issuer => Certificate.IssuerDN;

    /// <summary>The subjectKeyIdentifier; for a CI this is the PKId listed in EUICCInfo1 (SGP.22 v2.5 §4.5.2.1).</summary>
    public byte[]? SubjectKeyIdentifier =>
        Extension(X509Extensions.SubjectKeyIdentifier) is { } e ? Asn1OctetString.GetInstance(e).GetOctets() : null;

    /// <summary>The keyIdentifier of the authorityKeyIdentifier extension (the issuer's SKI).</summary>
    public byte[]? AuthorityKeyIdentifier =>
        Extension(X509Extensions.AuthorityKeyIdentifier) is { } e
            ? Org.BouncyCastle.Asn1.X509.AuthorityKeyIdentifier.GetInstance(e).KeyIdentifier?.GetOctets()
            : null;

    /// <summary>The curve named in SubjectPublicKeyInfo, or null when SGP.22 does not use it.</summary>
    public RspCurve? Curve => CurveOid is { } oid ? RspCurves.FromOid(oid) : null;

    /// <summary>The named-curve OID of the subject public key, or null when the key has no named curve.</summary>
    public string? CurveOid
    {
        get
        {
            var parameters = Certificate.SubjectPublicKeyInfo.Algorithm.Parameters;
            return parameters is DerObjectIdentifier oid ? oid.Id : null;
        }
    }

    /// <summary>The subject public key (for signature verification).</summary>
    public ECPublicKeyParameters? PublicKey => Certificate.GetPublicKey() as ECPublicKeyParameters;

    /// <summary>The first subject serialNumber attribute: the EID in an eUICC certificate (SGP.22 v2.5 §4.5.2.1.0.2).</summary>
    public string? SubjectSerialNumber => Subject.GetValueList(X509Name.SerialNumber).FirstOrDefault();

    /// <summary>The policy OIDs of the certificatePolicies extension (empty when absent).</summary>
    public IReadOnlyList<string> Policies =>
        Extension(X509Extensions.CertificatePolicies) is { } e
            ? CertificatePolicies.GetInstance(e).GetPolicyInformation().Select(p => p.PolicyIdentifier.Id).ToArray()
            : [];

    /// <summary>The decoded value of an extension, or null when the certificate does not carry it.</summary>
    public Asn1Object? Extension(DerObjectIdentifier oid)
    {
        var value = Certificate.GetExtensionValue(oid);
        return value is null ? null : Asn1Object.FromByteArray(value.GetOctets());
    }

    /// <summary>Parses a certificate, or throws <see cref="FormatException"/> naming the problem.</summary>
    public static RspCertificate Parse(ReadOnlyMemory<byte> der) =>
        TryParse(der, out var cert, out var problem) ? cert : throw new FormatException(problem);

    /// <summary>Parses a certificate; on failure <paramref name="problem"/> says why and nothing throws.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> der, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RspCertificate? certificate, out string problem)
    {
        certificate = null;
        byte[] bytes = der.ToArray();
        if (bytes.Length == 0)
        {
            problem = "empty certificate";
            return false;
        }
        try
        {
            // Asn1Object.FromByteArray refuses trailing bytes after the outer SEQUENCE.
            var asn1 = Asn1Object.FromByteArray(bytes);
            // DER is canonical: re-encoding a DER value gives the same bytes; BER input would not.
            if (!asn1.GetDerEncoded().AsSpan().SequenceEqual(bytes))
            {
                problem = "not DER: the encoding is not canonical (BER or non-minimal lengths)";
                return false;
            }
            var structure = X509CertificateStructure.GetInstance(asn1);
            var cert = new X509Certificate(structure);
            _ = cert.GetPublicKey();
            var parsed = new RspCertificate(bytes, cert);
            // Every extension the RSP checks read is decoded now, so a malformed one (a probe flipped a bit of the
            // authorityKeyIdentifier) makes the certificate malformed here, with its name, and not an error later.
            _ = parsed.SubjectKeyIdentifier;
            _ = parsed.AuthorityKeyIdentifier;
            _ = parsed.Policies;
            _ = cert.GetKeyUsage();
            _ = cert.GetBasicConstraints();
            _ = cert.GetExtendedKeyUsage();
            _ = cert.GetSubjectAlternativeNames();
            _ = PermittedEidRange.FromCertificate(parsed);
            certificate = parsed;
            problem = "";
            return true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException or FormatException
                                       or Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Security.SecurityUtilityException
                                       or Asn1Exception)
        {
            problem = $"malformed certificate DER: {ErrorText.Of(e)}";
            return false;
        }
    }

    public override string ToString() => Subject.ToString();
}
