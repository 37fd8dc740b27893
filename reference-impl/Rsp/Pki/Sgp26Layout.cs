using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Pki;

/// <summary>Where one item's files live: folder, certificate base name, private-key base name (no extension).</summary>
public sealed record Sgp26FileNames(string Folder, string CertificateName, string KeyName)
{
    public string CertificateDer => $"{Folder}/{CertificateName}.der";

    public string CertificatePem => $"{Folder}/{CertificateName}.pem";

    public string KeyPem => $"{Folder}/{KeyName}.pem";
}

/// <summary>
/// The SGP.26 directory layout (as published by GSMA with SGP.26 v1.x and used by open
/// implementations): folders <c>CertificateIssuer/ EUM/ eUICC/ DPauth/ DPpb/ DPtls/</c>, certificates
/// <c>CERT_&lt;name&gt;_{NIST|BRP}.der</c> (and <c>.pem</c>), private keys <c>SK_&lt;name&gt;_{NIST|BRP}.pem</c>:
/// CERT_CI_ECDSA_NIST, CERT_EUM_ECDSA_NIST, CERT_EUICC_ECDSA_NIST, CERT_S_SM_DPauth_ECDSA_NIST,
/// CERT_S_SM_DPpb_ECDSA_NIST, CERT_S_SM_DP_TLS_NIST (BRP likewise); the SM-DS's CERT_S_SM_DSauth_ECDSA_NIST under
/// <c>DSauth/</c> and CERT_S_SM_DS_TLS_NIST under <c>DStls/</c> when the set has them. SGP.26 v1 defines no negative
/// certificates: the harness's own negative variants go to <c>Negative/</c> with the core name plus a
/// suffix, and the ES2+ operator certificates (not GSMA PKI) to <c>ES2plus/</c>.
/// </summary>
public static class Sgp26Layout
{
    public const string ReadmeFile = "README.md";

    public const string NegativeFolder = "Negative";

    public const string OperatorFolder = "ES2plus";

    /// <summary>
    /// What an SM-DP+ under test must trust, and nothing secret: the CI certificates (which the eUICC's chain ends in) and
    /// the operator CA (ES2+ client certificates), so an SM-DP+ that loads every file of a folder finds no private key.
    /// </summary>
    public const string SmdpTrustFolder = "SmdpTrust";

    /// <summary>"NIST" or "BRP", the curve suffix of SGP.26 file names.</summary>
    public static string CurveTag(RspCurve curve) => curve == RspCurve.NistP256 ? "NIST" : "BRP";

    public static Sgp26FileNames For(PkiItem item, RspCurve curve)
    {
        string c = CurveTag(curve);
        return item switch
        {
            PkiItem.Ci => Core("CertificateIssuer", $"CI_ECDSA_{c}"),
            PkiItem.Eum => Core("EUM", $"EUM_ECDSA_{c}"),
            PkiItem.Euicc => Core("eUICC", $"EUICC_ECDSA_{c}"),
            PkiItem.DpAuth => Core("DPauth", $"S_SM_DPauth_ECDSA_{c}"),
            PkiItem.DpPb => Core("DPpb", $"S_SM_DPpb_ECDSA_{c}"),
            PkiItem.DpTls => Core("DPtls", $"S_SM_DP_TLS_{c}"),
            PkiItem.ExpiredEum => Negative($"EUM_ECDSA_{c}_EXPIRED"),
            PkiItem.EuiccUnderExpiredEum => Negative($"EUICC_ECDSA_{c}_UNDER_EXPIRED_EUM"),
            PkiItem.ExpiredEuicc => Negative($"EUICC_ECDSA_{c}_EXPIRED"),
            PkiItem.OtherEum => Negative($"EUM_ECDSA_{c}_OTHER"),
            PkiItem.EuiccSignedByOtherEum => Negative($"EUICC_ECDSA_{c}_BY_OTHER_EUM"),
            PkiItem.UnknownCi => Negative($"CI_ECDSA_{c}_UNKNOWN"),
            PkiItem.EumUnderUnknownCi => Negative($"EUM_ECDSA_{c}_UNKNOWN_CI"),
            PkiItem.EuiccUnderUnknownCi => Negative($"EUICC_ECDSA_{c}_UNKNOWN_CI"),
            PkiItem.DpAuthUnderUnknownCi => Negative($"S_SM_DPauth_ECDSA_{c}_UNKNOWN_CI"),
            PkiItem.DpPbUnderUnknownCi => Negative($"S_SM_DPpb_ECDSA_{c}_UNKNOWN_CI"),
            PkiItem.EuiccEidOutsideRange => Negative($"EUICC_ECDSA_{c}_EID_OUT_OF_RANGE"),
            PkiItem.DpAuthWrongPolicy => Negative($"S_SM_DPauth_ECDSA_{c}_WRONG_POLICY"),
            PkiItem.DpPbWrongPolicy => Negative($"S_SM_DPpb_ECDSA_{c}_WRONG_POLICY"),
            PkiItem.DpAuthExpired => Negative($"S_SM_DPauth_ECDSA_{c}_EXPIRED"),
            PkiItem.DpPbExpired => Negative($"S_SM_DPpb_ECDSA_{c}_EXPIRED"),
            PkiItem.DsAuth => Core("DSauth", $"S_SM_DSauth_ECDSA_{c}"),
            PkiItem.DsTls => Core("DStls", $"S_SM_DS_TLS_{c}"),
            PkiItem.DsAuthWrongPolicy => Negative($"S_SM_DSauth_ECDSA_{c}_WRONG_POLICY"),
            PkiItem.DsAuthExpired => Negative($"S_SM_DSauth_ECDSA_{c}_EXPIRED"),
            _ => throw new ArgumentOutOfRangeException(nameof(item)),
        };
    }

    public static readonly Sgp26FileNames OperatorCa = new(OperatorFolder, "CERT_OPERATOR_CA_NIST", "SK_OPERATOR_CA_NIST");

    public static readonly Sgp26FileNames OperatorClient = new(OperatorFolder, "CERT_OPERATOR_CLIENT_NIST", "SK_OPERATOR_CLIENT_NIST");

    private static Sgp26FileNames Core(string folder, string name) => new(folder, $"CERT_{name}", $"SK_{name}");

    private static Sgp26FileNames Negative(string name) => new(NegativeFolder, $"CERT_{name}", $"SK_{name}");

    /// <summary>One line per item for the README manifest.</summary>
    public static string Describe(PkiItem item) => item switch
    {
        PkiItem.Ci => "CERT.CI.ECDSA, self-signed root; its subjectKeyIdentifier is the PKId of EUICCInfo1",
        PkiItem.Eum => "CERT.EUM.ECDSA, issued by the CI, nameConstraints = permitted EID range",
        PkiItem.Euicc => "CERT.EUICC.ECDSA, issued by the EUM, subject serialNumber = EID",
        PkiItem.DpAuth => "CERT.DPauth.ECDSA, SM-DP+ authentication (policy 2.23.146.1.2.1.4)",
        PkiItem.DpPb => "CERT.DPpb.ECDSA, SM-DP+ profile binding (policy 2.23.146.1.2.1.5)",
        PkiItem.DpTls => "CERT.DP.TLS, SM-DP+ TLS server (serverAuth, policy 2.23.146.1.2.1.3)",
        PkiItem.ExpiredEum => "negative: expired EUM (SGP.23 expired EUM certificate, 8.1.2/6.3)",
        PkiItem.EuiccUnderExpiredEum => "negative: valid eUICC issued by the expired EUM",
        PkiItem.ExpiredEuicc => "negative: expired eUICC under the good EUM (8.1.3/6.3)",
        PkiItem.OtherEum => "negative: a second valid EUM under the good CI",
        PkiItem.EuiccSignedByOtherEum => "negative: eUICC signed by the other EUM; present it with the good EUM (8.1.3/6.1)",
        PkiItem.UnknownCi => "negative: a second CI, not trusted by default (unknown CI, 8.11.1/3.9)",
        PkiItem.EumUnderUnknownCi => "negative: EUM issued by the unknown CI",
        PkiItem.EuiccUnderUnknownCi => "negative: eUICC under the EUM of the unknown CI",
        PkiItem.DpAuthUnderUnknownCi => "negative: DPauth issued by the unknown CI",
        PkiItem.DpPbUnderUnknownCi => "negative: DPpb issued by the unknown CI",
        PkiItem.EuiccEidOutsideRange => "negative: eUICC under the good EUM with an EID outside its permitted range (8.1.4/6.1)",
        PkiItem.DpAuthWrongPolicy => "negative: DPauth carrying the DPpb policy",
        PkiItem.DpPbWrongPolicy => "negative: DPpb carrying the DPauth policy",
        PkiItem.DpAuthExpired => "negative: expired DPauth",
        PkiItem.DpPbExpired => "negative: expired DPpb",
        PkiItem.DsAuth => "CERT.DSauth.ECDSA, SM-DS authentication (policy 2.23.146.1.2.1.7)",
        PkiItem.DsTls => "CERT.DS.TLS, SM-DS TLS server (serverAuth, policy 2.23.146.1.2.1.6)",
        PkiItem.DsAuthWrongPolicy => "negative: DSauth carrying the DPauth policy",
        PkiItem.DsAuthExpired => "negative: expired DSauth",
        _ => item.ToString(),
    };
}
