using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Pki;

namespace Conformance.SmDs.Es12;

/// <summary>
/// Checks an ES12 caller's TLS client certificate (SGP.22 v2.5 §2.6.6: ES12 is TLS with mutual authentication): it must
/// be an SM-DP+ certificate (CERT.DP.TLS or CERT.DPauth.ECDSA, by its certificate policy) issued by a CI the SM-DS trusts,
/// valid now. The same check the SM-DP+'s ES2+ makes of the operator's certificate, against the GSMA CI instead.
/// </summary>
public sealed class SmdpCallerValidator(RspCertificateValidator validator, TimeProvider time)
{
    /// <summary>Null when the certificate is acceptable, otherwise the reason it is refused.</summary>
    public string? Refusal(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return "no TLS client certificate was presented (ES12 requires mutual TLS with an SM-DP+ certificate)";
        }
        DateTimeOffset now = time.GetUtcNow();
        CertificateValidationResult tls = validator.ValidateServerCertificate(CertificateRole.DpTls, certificate.RawData, now);
        if (tls.IsValid)
        {
            return null;
        }
        CertificateValidationResult auth = validator.ValidateServerCertificate(CertificateRole.DpAuth, certificate.RawData, now);
        if (auth.IsValid)
        {
            return null;
        }
        // The more telling of the two refusals: a certificate that is neither role's fails on its policy for both.
        CertificateValidationResult shown = tls.Reason == CertificateFailureReason.WrongPolicy ? auth : tls;
        return $"the TLS client certificate '{certificate.Subject}' is not an SM-DP+ certificate (CERT.DP.TLS or CERT.DPauth) of a trusted CI: {shown.Message}";
    }
}
