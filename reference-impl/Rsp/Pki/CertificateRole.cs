namespace Conformance.Rsp.Pki;

/// <summary>
/// The roles of the SGP.22 v2 certificate hierarchy (SGP.22 v2.5 §4.5.2.1, shapes as in SGP.26):
/// the GSMA CI is the self-signed root; it issues the EUM and the SM-DP+ certificates; the EUM
/// issues the eUICC certificate. The optional SubCA of SGP.22 v3 is not modelled.
/// </summary>
public enum CertificateRole
{
    /// <summary>CERT.CI.ECDSA: the Certificate Issuer root (self-signed).</summary>
    Ci,

    /// <summary>CERT.EUM.ECDSA: the eUICC Manufacturer, issued by the CI.</summary>
    Eum,

    /// <summary>CERT.EUICC.ECDSA: the eUICC, issued by the EUM; subject serialNumber is the EID.</summary>
    Euicc,

    /// <summary>CERT.DPauth.ECDSA: SM-DP+ authentication to the eUICC (ES9+/ES10b), issued by the CI.</summary>
    DpAuth,

    /// <summary>CERT.DPpb.ECDSA: SM-DP+ profile binding (BPP signature), issued by the CI.</summary>
    DpPb,

    /// <summary>CERT.DP.TLS: SM-DP+ TLS server certificate (ES9+ HTTPS), issued by the CI.</summary>
    DpTls,

    /// <summary>CERT.DSauth.ECDSA: SM-DS authentication to the eUICC (ES11/ES10b), issued by the CI (SGP.22 v2.5 §2.6, §4.5.2.1).</summary>
    DsAuth,

    /// <summary>CERT.DS.TLS: SM-DS TLS server certificate (ES11/ES12 HTTPS), issued by the CI (SGP.22 v2.5 §2.6).</summary>
    DsTls,
}

/// <summary>
/// Certificate policy OIDs of the RSP roles (SGP.22 v2.5 §4.5.2.1, arc id-rspRole 2.23.146.1.2.1).
/// Each certificate carries the policy of its role in its certificatePolicies extension.
/// </summary>
public static class RspCertificatePolicies
{
    public const string Ci = "2.23.146.1.2.1.0";
    public const string Euicc = "2.23.146.1.2.1.1";
    public const string Eum = "2.23.146.1.2.1.2";
    public const string DpTls = "2.23.146.1.2.1.3";
    public const string DpAuth = "2.23.146.1.2.1.4";
    public const string DpPb = "2.23.146.1.2.1.5";

    /// <summary>id-rspRole-ds-tls (SGP.22 v2.5 §4.5.2.1).</summary>
    public const string DsTls = "2.23.146.1.2.1.6";

    /// <summary>id-rspRole-ds-auth (SGP.22 v2.5 §4.5.2.1).</summary>
    public const string DsAuth = "2.23.146.1.2.1.7";

    /// <summary>The policy OID a certificate of <paramref name="role"/> must carry.</summary>
    public static string PolicyOf(CertificateRole role) => role switch
    {
        CertificateRole.Ci => Ci,
        CertificateRole.Eum => Eum,
        CertificateRole.Euicc => Euicc,
        CertificateRole.DpAuth => DpAuth,
        CertificateRole.DpPb => DpPb,
        CertificateRole.DpTls => DpTls,
        CertificateRole.DsAuth => DsAuth,
        CertificateRole.DsTls => DsTls,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>True for the roles whose certificates sign other certificates (CI, EUM).</summary>
    public static bool IsCa(this CertificateRole role) => role is CertificateRole.Ci or CertificateRole.Eum;
}
