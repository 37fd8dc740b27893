namespace Conformance.Rsp.StatusCodes;

/// <summary>
/// AuthenticateClientResponseEs11 authenticateClientError (SGP.22 v2.5 §5.8.2, §6.6): the INTEGER an SM-DS returns in the
/// error alternative when the ES11 ASN.1 binding is used. Numeric values are the spec's, never renumbered.
/// </summary>
public enum AuthenticateClientEs11Error
{
    eumCertificateInvalid = 1,
    eumCertificateExpired = 2,
    euiccCertificateInvalid = 3,
    euiccCertificateExpired = 4,
    euiccSignatureInvalid = 5,
    eventIdUnknown = 6,
    invalidTransactionId = 7,
    undefinedError = 127,
}
