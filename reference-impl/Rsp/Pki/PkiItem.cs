namespace Conformance.Rsp.Pki;

/// <summary>
/// Every certificate (with its key) of a test PKI for one curve: the SGP.26 set, then the negative
/// variants SGP.23 test sequences need. <see cref="Sgp26Layout"/> maps each item to its file names.
/// </summary>
public enum PkiItem
{
    Ci,
    Eum,
    Euicc,
    DpAuth,
    DpPb,
    DpTls,

    /// <summary>An EUM certificate whose notAfter is in the past (SGP.23: expired EUM, 8.1.2/6.3).</summary>
    ExpiredEum,

    /// <summary>A valid eUICC certificate issued by <see cref="ExpiredEum"/>.</summary>
    EuiccUnderExpiredEum,

    /// <summary>An eUICC certificate under the good EUM whose notAfter is in the past (8.1.3/6.3).</summary>
    ExpiredEuicc,

    /// <summary>A second, valid EUM under the good CI.</summary>
    OtherEum,

    /// <summary>An eUICC certificate issued by <see cref="OtherEum"/>, to be presented with the good EUM (invalid eUICC certificate, 8.1.3/6.1).</summary>
    EuiccSignedByOtherEum,

    /// <summary>A second, self-signed CI that is not in the trusted set (unknown CI, 8.11.1/3.9).</summary>
    UnknownCi,

    EumUnderUnknownCi,
    EuiccUnderUnknownCi,
    DpAuthUnderUnknownCi,
    DpPbUnderUnknownCi,

    /// <summary>An eUICC certificate under the good EUM whose EID lies outside the EUM's permitted range (8.1.4/6.1).</summary>
    EuiccEidOutsideRange,

    /// <summary>DPauth certificate carrying the DPpb policy instead of its own.</summary>
    DpAuthWrongPolicy,

    /// <summary>DPpb certificate carrying the DPauth policy instead of its own.</summary>
    DpPbWrongPolicy,

    DpAuthExpired,
    DpPbExpired,

    /// <summary>CERT.DSauth.ECDSA (SM-DS authentication, SGP.22 v2.5 §2.6); not part of the SGP.26 v1 core set.</summary>
    DsAuth,

    /// <summary>CERT.DS.TLS (SM-DS TLS server, SGP.22 v2.5 §2.6); not part of the SGP.26 v1 core set.</summary>
    DsTls,

    /// <summary>DSauth certificate carrying the DPauth policy instead of its own.</summary>
    DsAuthWrongPolicy,

    DsAuthExpired,
}

public static class PkiItems
{
    /// <summary>The SGP.26 set every PKI directory has.</summary>
    public static readonly IReadOnlyList<PkiItem> Core = [PkiItem.Ci, PkiItem.Eum, PkiItem.Euicc, PkiItem.DpAuth, PkiItem.DpPb, PkiItem.DpTls];

    /// <summary>The SM-DS's own certificates (CERT.DSauth, CERT.DS.TLS): generated always, loaded when present, required by none.</summary>
    public static readonly IReadOnlyList<PkiItem> Smds = [PkiItem.DsAuth, PkiItem.DsTls];

    /// <summary>The negative variants: every item but the SGP.26 set and the SM-DS's certificates.</summary>
    public static readonly IReadOnlyList<PkiItem> Negative = [.. Enum.GetValues<PkiItem>().Where(i => !Core.Contains(i) && !Smds.Contains(i))];

    /// <summary>The role (and so the policy and key usage) of an item's certificate.</summary>
    public static CertificateRole Role(this PkiItem item) => item switch
    {
        PkiItem.Ci or PkiItem.UnknownCi => CertificateRole.Ci,
        PkiItem.Eum or PkiItem.ExpiredEum or PkiItem.OtherEum or PkiItem.EumUnderUnknownCi => CertificateRole.Eum,
        PkiItem.Euicc or PkiItem.EuiccUnderExpiredEum or PkiItem.ExpiredEuicc or PkiItem.EuiccSignedByOtherEum
            or PkiItem.EuiccUnderUnknownCi or PkiItem.EuiccEidOutsideRange => CertificateRole.Euicc,
        PkiItem.DpAuth or PkiItem.DpAuthUnderUnknownCi or PkiItem.DpAuthWrongPolicy or PkiItem.DpAuthExpired => CertificateRole.DpAuth,
        PkiItem.DpPb or PkiItem.DpPbUnderUnknownCi or PkiItem.DpPbWrongPolicy or PkiItem.DpPbExpired => CertificateRole.DpPb,
        PkiItem.DpTls => CertificateRole.DpTls,
        PkiItem.DsAuth or PkiItem.DsAuthWrongPolicy or PkiItem.DsAuthExpired => CertificateRole.DsAuth,
        PkiItem.DsTls => CertificateRole.DsTls,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}
