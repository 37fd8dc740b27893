using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>
/// The status code of a refused eUICC/EUM chain in the common mutual authentication (SGP.22 v2.5 §5.6.3 for ES9+,
/// §5.8.2 for ES11, which share the error table): shared by the SM-DP+ and the SM-DS.
/// </summary>
public static class EuiccChainStatus
{
    public static StatusCode Of(CertificateValidationResult chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        CertificateFailureReason reason = chain.Reason ?? throw new ArgumentException("the chain is valid", nameof(chain));
        if (reason == CertificateFailureReason.UnknownCi || chain.FailedCertificate == CertificateRole.Ci)
        {
            return FunctionStatusCodes.CiPublicKeyUnknown;
        }
        if (chain.FailedCertificate == CertificateRole.Eum)
        {
            return reason == CertificateFailureReason.Expired ? FunctionStatusCodes.EumCertificateExpired : FunctionStatusCodes.EumCertificateInvalid;
        }
        // The EID SHALL be within the range of EIDs the EUM certificate permits.
        return reason switch
        {
            CertificateFailureReason.EidOutsidePermittedRange => FunctionStatusCodes.EidOutsideEumPermittedRange,
            CertificateFailureReason.Expired => FunctionStatusCodes.EuiccCertificateExpired,
            _ => FunctionStatusCodes.EuiccCertificateInvalid,
        };
    }
}
