using Conformance.Rsp.Pki;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace Conformance.Euicc.Card;

/// <summary>
/// The SM-DP+ OID: the registeredID of the subjectAltName of CERT.DPauth.ECDSA / CERT.DPpb.ECDSA
/// (SGP.22 v2.5 §4.5.2.1, used as smdpOid in EuiccCancelSessionSigned §5.7.14 and ProfileInstallationResultData §5.7.6).
/// </summary>
internal static class SmdpOid
{
    /// <summary>The OID, or null when the certificate has no registeredID.</summary>
    public static string? Of(RspCertificate certificate)
    {
        Asn1Object? san = certificate.Extension(X509Extensions.SubjectAlternativeName);
        if (san is null)
        {
            return null;
        }
        foreach (GeneralName name in GeneralNames.GetInstance(san).GetNames())
        {
            if (name.TagNo == GeneralName.RegisteredID)
            {
                return DerObjectIdentifier.GetInstance(name.Name).Id;
            }
        }
        return null;
    }
}
