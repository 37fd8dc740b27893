namespace Conformance.Rsp.Pki;

/// <summary>Why an RSP certificate or chain was refused (SGP.22 v2.5 §4.5, RFC 5280 §6).</summary>
public enum CertificateFailureReason
{
    /// <summary>Not exactly one DER-encoded X.509 Certificate (bad tag/length, BER, trailing bytes).</summary>
    MalformedDer,

    /// <summary>The subject key is not on P-256 or brainpoolP256r1, or the signature is not ecdsa-with-SHA256.</summary>
    CurveNotSupported,

    /// <summary>The certificate is on a supported curve, but not the curve of its issuer (one chain, one curve: SGP.22 v2.5 §4.5.2.1).</summary>
    CurveMismatch,

    /// <summary>The chain leads to a CI that is not in the trusted set (SGP.23: unknown CI public key).</summary>
    UnknownCi,

    /// <summary>The issuer's key does not verify the certificate signature.</summary>
    InvalidSignature,

    /// <summary>The authorityKeyIdentifier does not equal the issuer's subjectKeyIdentifier, or one of them is missing.</summary>
    KeyIdentifierMismatch,

    /// <summary>notAfter is before the validation instant.</summary>
    Expired,

    /// <summary>notBefore is after the validation instant.</summary>
    NotYetValid,

    /// <summary>keyUsage (or extendedKeyUsage for DPtls) does not fit the role.</summary>
    WrongKeyUsage,

    /// <summary>basicConstraints does not fit the role (CA for CI/EUM, not a CA for end entities).</summary>
    WrongBasicConstraints,

    /// <summary>certificatePolicies does not contain the role's policy OID.</summary>
    WrongPolicy,

    /// <summary>The eUICC's EID (subject serialNumber) is missing or outside the EUM's permitted range.</summary>
    EidOutsidePermittedRange,
}

/// <summary>
/// Outcome of validating a certificate chain: valid, or the first failure with the role of the
/// certificate that failed (SGP.23 distinguishes e.g. an expired EUM, 8.1.2/6.3, from an expired
/// eUICC, 8.1.3/6.3). Expected failures are values, never exceptions.
/// </summary>
public sealed record CertificateValidationResult
{
    private CertificateValidationResult(CertificateFailureReason? reason, CertificateRole? failed, string message, RspCertificate? ci, string? eid)
    {
        Reason = reason;
        FailedCertificate = failed;
        Message = message;
        Ci = ci;
        Eid = eid;
    }

    public bool IsValid => Reason is null;

    /// <summary>Why validation failed; null when valid.</summary>
    public CertificateFailureReason? Reason { get; }

    /// <summary>The role of the certificate that failed; null when valid.</summary>
    public CertificateRole? FailedCertificate { get; }

    /// <summary>One sentence describing the outcome.</summary>
    public string Message { get; }

    /// <summary>The trusted CI the chain leads to (when it was found).</summary>
    public RspCertificate? Ci { get; }

    /// <summary>The EID of a valid eUICC chain.</summary>
    public string? Eid { get; }

    public static CertificateValidationResult Valid(RspCertificate ci, string? eid = null) =>
        new(null, null, eid is null ? "valid" : $"valid (EID {eid})", ci, eid);

    public static CertificateValidationResult Fail(CertificateRole role, CertificateFailureReason reason, string message, RspCertificate? ci = null) =>
        new(reason, role, $"{role}: {message}", ci, null);

    public override string ToString() => IsValid ? Message : $"{Reason} ({Message})";
}
