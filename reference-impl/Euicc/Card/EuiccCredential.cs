using Conformance.Euicc.Faults;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Euicc.Card;

/// <summary>
/// The eUICC's credentials on one curve (SGP.22 v2.5 §4.5.2.1, §2.6.5): CERT.EUICC.ECDSA with SK.EUICC.ECDSA,
/// the CERT.EUM.ECDSA that issued it and the CI they chain to. The CI's subjectKeyIdentifier is the PKId the
/// eUICC lists in euiccCiPKIdListForVerification / ForSigning. <see cref="Pki"/> keeps the whole curve set,
/// so fault injections can present its negative variants.
/// </summary>
public sealed record EuiccCredential(RspCurve Curve, RspCertificate Ci, RspCertificate Eum, RspCertificate Euicc, ECPrivateKeyParameters PrivateKey, CurvePki Pki)
{
    /// <summary>The CI's subjectKeyIdentifier (its PKId).</summary>
    public byte[] CiPkid => Ci.SubjectKeyIdentifier ?? throw new InvalidOperationException($"the {Curve} CI has no subjectKeyIdentifier");

    /// <summary>
    /// The eUICC and EUM certificates presented to the SM-DP+ and the key that signs with the presented eUICC
    /// certificate, after the certificate fault injections of <paramref name="faults"/> (at most one applies).
    /// </summary>
    public (RspCertificate Euicc, RspCertificate Eum, ECPrivateKeyParameters Key) Presented(EuiccFaultOptions faults)
    {
        (PkiItem euicc, PkiItem eum)? swap = null;
        foreach ((EuiccFault fault, PkiItem euiccItem, PkiItem eumItem) in Swaps)
        {
            if (faults.Has(fault))
            {
                swap = (euiccItem, eumItem);
                break;
            }
        }
        if (swap is not { } s)
        {
            return (Euicc, Eum, PrivateKey);
        }
        IssuedCertificate e = Require(s.euicc);
        IssuedCertificate m = s.eum == PkiItem.Eum ? new IssuedCertificate(PkiItem.Eum, Eum, null) : Require(s.eum);
        return (e.Certificate, m.Certificate, e.PrivateKey ?? PrivateKey);
    }

    /// <summary>Fails when a fault needs a negative certificate this PKI does not have.</summary>
    public void CheckFaultsCanBeServed(EuiccFaultOptions faults)
    {
        foreach ((EuiccFault fault, PkiItem euiccItem, PkiItem eumItem) in Swaps)
        {
            if (faults.Has(fault))
            {
                Require(euiccItem);
                if (eumItem != PkiItem.Eum)
                {
                    Require(eumItem);
                }
            }
        }
    }

    /// <summary>The certificates of the PKI a fault presents (none for faults that do not swap certificates).</summary>
    public static IReadOnlyList<PkiItem> ItemsFor(EuiccFault fault) =>
        Swaps.Where(s => s.Fault == fault).SelectMany(s => s.Eum == PkiItem.Eum ? new[] { s.Euicc } : [s.Euicc, s.Eum]).ToList();

    private IssuedCertificate Require(PkiItem item) =>
        Pki.Items.TryGetValue(item, out IssuedCertificate? c)
            ? c
            : throw new InvalidOperationException($"the fault injection needs the {item} certificate ({Curve}), which this PKI does not have");

    private static readonly (EuiccFault Fault, PkiItem Euicc, PkiItem Eum)[] Swaps =
    [
        (EuiccFault.ExpiredEuiccCertificate, PkiItem.ExpiredEuicc, PkiItem.Eum),
        (EuiccFault.ExpiredEumCertificate, PkiItem.EuiccUnderExpiredEum, PkiItem.ExpiredEum),
        (EuiccFault.EuiccFromForeignEum, PkiItem.EuiccSignedByOtherEum, PkiItem.Eum),
        (EuiccFault.CertificatesUnderUnknownCi, PkiItem.EuiccUnderUnknownCi, PkiItem.EumUnderUnknownCi),
        (EuiccFault.EidOutsideEumRange, PkiItem.EuiccEidOutsideRange, PkiItem.Eum),
    ];
}
