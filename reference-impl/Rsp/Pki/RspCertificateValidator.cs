using Org.BouncyCastle.Asn1.X509;
using R = Conformance.Rsp.Pki.CertificateFailureReason;

namespace Conformance.Rsp.Pki;

/// <summary>
/// Validates RSP certificate chains against a set of trusted CI certificates (SGP.22 v2.5 §4.5):
/// eUICC -> EUM -> CI and DPauth/DPpb/DPtls -> CI. Each certificate is checked for curve, signature,
/// SKI/AKI linkage, validity at the given instant, key usage, basic constraints and the policy of
/// its role; the eUICC's EID must lie in the EUM's permitted range. The first failure is returned as
/// a <see cref="CertificateValidationResult"/>; nothing throws for a bad certificate.
/// </summary>
public sealed class RspCertificateValidator
{
    /// <summary>ecdsa-with-SHA256, the only signature algorithm of SGP.22 v2 certificates.</summary>
    public const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";

    private readonly IReadOnlyList<RspCertificate> _trustedCis;

    public RspCertificateValidator(IEnumerable<RspCertificate> trustedCis)
    {
        _trustedCis = trustedCis.ToList();
    }

    /// <summary>The trusted CIs, whose SKIs are the PKIds an eUICC lists in EUICCInfo1.</summary>
    public IReadOnlyList<RspCertificate> TrustedCis => _trustedCis;

    /// <summary>The trusted CI whose subjectKeyIdentifier is <paramref name="pkid"/> (an entry of euiccCiPKIdList), or null.</summary>
    public RspCertificate? CiForPkid(ReadOnlySpan<byte> pkid)
    {
        foreach (var ci in _trustedCis)
        {
            if (ci.SubjectKeyIdentifier is { } ski && pkid.SequenceEqual(ski))
            {
                return ci;
            }
        }
        return null;
    }

    /// <summary>
    /// Validates CERT.EUICC.ECDSA and CERT.EUM.ECDSA as an SM-DP+ does in AuthenticateClient
    /// (SGP.22 v2.5 §3.1.3, §4.5.2.1): EUM against a trusted CI, eUICC against the EUM, then the EID range.
    /// </summary>
    public CertificateValidationResult ValidateEuiccChain(ReadOnlyMemory<byte> euiccDer, ReadOnlyMemory<byte> eumDer, DateTimeOffset at)
    {
        if (!RspCertificate.TryParse(eumDer, out var eum, out var eumProblem))
        {
            return CertificateValidationResult.Fail(CertificateRole.Eum, R.MalformedDer, eumProblem);
        }
        if (!RspCertificate.TryParse(euiccDer, out var euicc, out var euiccProblem))
        {
            return CertificateValidationResult.Fail(CertificateRole.Euicc, R.MalformedDer, euiccProblem);
        }
        var ciResult = CheckUnderCi(CertificateRole.Eum, eum, at, out var ci);
        if (ciResult is not null)
        {
            return ciResult;
        }
        var euiccResult = CheckIssued(CertificateRole.Euicc, euicc, eum, at);
        if (euiccResult is not null)
        {
            return CertificateValidationResult.Fail(CertificateRole.Euicc, euiccResult.Reason!.Value, StripRole(euiccResult), ci);
        }
        // SGP.22 v2.5 §4.5.2.1.0.3: the EID of the eUICC SHALL be within the range the EUM certificate permits.
        if (!PermittedEidRange.Permits(eum, euicc))
        {
            return CertificateValidationResult.Fail(CertificateRole.Euicc, R.EidOutsidePermittedRange,
                $"EID {euicc.SubjectSerialNumber ?? "(none)"} (O={Organization(euicc) ?? "(none)"}) is outside the EUM's permitted range", ci);
        }
        return CertificateValidationResult.Valid(ci!, euicc.SubjectSerialNumber);
    }

    /// <summary>
    /// Validates CERT.DPauth.ECDSA, CERT.DPpb.ECDSA, CERT.DP.TLS, CERT.DSauth.ECDSA or CERT.DS.TLS against a trusted CI
    /// (SGP.22 v2.5 §4.5.2.1, §2.6).
    /// </summary>
    public CertificateValidationResult ValidateServerCertificate(CertificateRole role, ReadOnlyMemory<byte> der, DateTimeOffset at)
    {
        if (role is not (CertificateRole.DpAuth or CertificateRole.DpPb or CertificateRole.DpTls or CertificateRole.DsAuth or CertificateRole.DsTls))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "only DPauth, DPpb, DPtls, DSauth and DStls are issued directly by the CI");
        }
        if (!RspCertificate.TryParse(der, out var cert, out var problem))
        {
            return CertificateValidationResult.Fail(role, R.MalformedDer, problem);
        }
        return CheckUnderCi(role, cert, at, out var ci) ?? CertificateValidationResult.Valid(ci!);
    }

    /// <summary>Validates a CI certificate on its own: self-signature, validity, usage, policy.</summary>
    public static CertificateValidationResult ValidateCi(RspCertificate ci, DateTimeOffset at) =>
        CheckIssued(CertificateRole.Ci, ci, ci, at) ?? CertificateValidationResult.Valid(ci);

    /// <summary>Finds the trusted CI that issued <paramref name="cert"/>, checks it, then checks <paramref name="cert"/> under it.</summary>
    private CertificateValidationResult? CheckUnderCi(CertificateRole role, RspCertificate cert, DateTimeOffset at, out RspCertificate? ci)
    {
        ci = FindIssuingCi(cert);
        if (ci is null)
        {
            string aki = cert.AuthorityKeyIdentifier is { } k ? Convert.ToHexString(k) : "(no authorityKeyIdentifier)";
            return CertificateValidationResult.Fail(role, R.UnknownCi, $"issuer CI {aki} / {cert.Issuer} is not among the {_trustedCis.Count} trusted CI(s)");
        }
        var ciResult = CheckIssued(CertificateRole.Ci, ci, ci, at);
        if (ciResult is not null)
        {
            return ciResult;
        }
        var result = CheckIssued(role, cert, ci, at);
        return result is null ? null : CertificateValidationResult.Fail(role, result.Reason!.Value, StripRole(result), ci);
    }

    private static string StripRole(CertificateValidationResult r) => r.Message[(r.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    private RspCertificate? FindIssuingCi(RspCertificate cert)
    {
        byte[]? aki = cert.AuthorityKeyIdentifier;
        if (aki is not null)
        {
            return _trustedCis.FirstOrDefault(ci => ci.SubjectKeyIdentifier is { } ski && ski.AsSpan().SequenceEqual(aki));
        }
        return _trustedCis.FirstOrDefault(ci => ci.Subject.Equivalent(cert.Issuer, true));
    }

    /// <summary>The checks of one certificate against its issuer (for the CI, against itself).</summary>
    private static CertificateValidationResult? CheckIssued(CertificateRole role, RspCertificate cert, RspCertificate issuer, DateTimeOffset at)
    {
        CertificateValidationResult Fail(R reason, string message) => CertificateValidationResult.Fail(role, reason, message);

        // SGP.22 v2.5 §2.6.5/§4.5: NIST P-256 and brainpoolP256r1 with ECDSA over SHA-256.
        if (cert.Curve is null)
        {
            return Fail(R.CurveNotSupported, $"public key curve {cert.CurveOid ?? "(not a named curve)"} is not supported");
        }
        if (cert.Certificate.SigAlgOid != EcdsaWithSha256Oid)
        {
            return Fail(R.CurveNotSupported, $"signature algorithm {cert.Certificate.SigAlgOid} is not ecdsa-with-SHA256");
        }
        // SGP.22 v2.5 §4.5.2.1: the algorithm identifiers of all certificates of a chain SHALL point to the same curve.
        if (issuer.Curve != cert.Curve)
        {
            return Fail(R.CurveMismatch, $"key on {cert.Curve} but issuer key on {issuer.Curve?.ToString() ?? issuer.CurveOid}");
        }
        if (!SignatureValid(cert, issuer))
        {
            return Fail(R.InvalidSignature, $"signature does not verify with the key of {issuer.Subject}");
        }
        if (role != CertificateRole.Ci)
        {
            byte[]? aki = cert.AuthorityKeyIdentifier;
            byte[]? ski = issuer.SubjectKeyIdentifier;
            if (aki is null || ski is null || !aki.AsSpan().SequenceEqual(ski))
            {
                return Fail(R.KeyIdentifierMismatch,
                    $"authorityKeyIdentifier {Hex(aki)} does not match the issuer's subjectKeyIdentifier {Hex(ski)}");
            }
        }
        else if (cert.SubjectKeyIdentifier is null)
        {
            return Fail(R.KeyIdentifierMismatch, "the CI has no subjectKeyIdentifier (its PKId)");
        }
        DateTime instant = at.UtcDateTime;
        if (instant < cert.Certificate.NotBefore.ToUniversalTime())
        {
            return Fail(R.NotYetValid, $"not valid before {cert.Certificate.NotBefore.ToUniversalTime():u}");
        }
        if (instant > cert.Certificate.NotAfter.ToUniversalTime())
        {
            return Fail(R.Expired, $"expired {cert.Certificate.NotAfter.ToUniversalTime():u}");
        }
        if (KeyUsageProblem(role, cert) is { } usage)
        {
            return Fail(R.WrongKeyUsage, usage);
        }
        if (BasicConstraintsProblem(role, cert) is { } bc)
        {
            return Fail(R.WrongBasicConstraints, bc);
        }
        string policy = RspCertificatePolicies.PolicyOf(role);
        if (!cert.Policies.Contains(policy))
        {
            return Fail(R.WrongPolicy, $"certificatePolicies [{string.Join(", ", cert.Policies)}] lack {policy}");
        }
        return null;
    }

    // Certificates whose signature verified, by SHA-256 of (certificate DER, issuer certificate DER): whether a
    // signature verifies depends on those bytes only, so a hit answers what the verification would. Only successes
    // are kept (a failure is always computed); bounded, emptied when full. Spares the eUICC and the SM-DP+ the
    // ECDSA verification of the same CERT.DPauth / CERT.DPpb / EUM certificates on every download.
    private const int VerifiedLimit = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Verified = new(StringComparer.Ordinal);

    private static bool SignatureValid(RspCertificate cert, RspCertificate issuer)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(cert.Der);
        hash.AppendData(issuer.Der);
        string id = Convert.ToHexString(hash.GetHashAndReset());
        if (Verified.ContainsKey(id))
        {
            return true;
        }
        bool valid = VerifySignature(cert, issuer);
        if (valid)
        {
            if (Verified.Count >= VerifiedLimit)
            {
                Verified.Clear();
            }
            Verified[id] = true;
        }
        return valid;
    }

    private static bool VerifySignature(RspCertificate cert, RspCertificate issuer)
    {
        try
        {
            return issuer.PublicKey is { } key && cert.Certificate.IsSignatureValid(key);
        }
        // GeneralSecurityException covers BouncyCastle's CertificateException for a TBS signature algorithm that differs
        // from the outer one (RFC 5280 §4.1.1.2: they MUST be the same): the certificate's fault, not the verifier's.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or Org.BouncyCastle.Crypto.CryptoException
                                       or Org.BouncyCastle.Security.GeneralSecurityException)
        {
            return false;
        }
    }

    /// <summary>keyUsage per SGP.22 v2.5 §4.5.2.1: keyCertSign for CI/EUM, digitalSignature for end entities; DPtls and DStls also need serverAuth.</summary>
    private static string? KeyUsageProblem(CertificateRole role, RspCertificate cert)
    {
        bool[]? ku = cert.Certificate.GetKeyUsage();
        if (ku is null)
        {
            return "no keyUsage extension";
        }
        const int DigitalSignature = 0, KeyCertSign = 5;
        if (role.IsCa())
        {
            if (!ku[KeyCertSign])
            {
                return "keyUsage lacks keyCertSign";
            }
        }
        else
        {
            if (!ku[DigitalSignature])
            {
                return "keyUsage lacks digitalSignature";
            }
            if (ku[KeyCertSign])
            {
                return "an end-entity certificate must not have keyCertSign";
            }
        }
        if (role is CertificateRole.DpTls or CertificateRole.DsTls)
        {
            var eku = cert.Extension(X509Extensions.ExtendedKeyUsage);
            if (eku is null || !ExtendedKeyUsage.GetInstance(eku).HasKeyPurposeId(KeyPurposeID.id_kp_serverAuth))
            {
                return "extendedKeyUsage lacks id-kp-serverAuth";
            }
        }
        return null;
    }

    private static string? BasicConstraintsProblem(CertificateRole role, RspCertificate cert)
    {
        var ext = cert.Extension(X509Extensions.BasicConstraints);
        bool isCa = ext is not null && BasicConstraints.GetInstance(ext).IsCA();
        if (role.IsCa() && !isCa)
        {
            return "basicConstraints cA is not TRUE";
        }
        if (!role.IsCa() && isCa)
        {
            return "an end-entity certificate must not be a CA";
        }
        return null;
    }

    private static string? Organization(RspCertificate cert) => cert.Subject.GetValueList(X509Name.O).FirstOrDefault();

    private static string Hex(byte[]? b) => b is null ? "(absent)" : Convert.ToHexString(b);
}
