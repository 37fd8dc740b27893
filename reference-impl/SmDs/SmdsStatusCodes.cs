using Conformance.Rsp.StatusCodes;

namespace Conformance.SmDs;

/// <summary>The SM-DS's status codes of SGP.22 v2.5 §5.8 (ES11) and §5.9 (ES12) that the shared table does not name.</summary>
public static class SmdsStatusCodes
{
    /// <summary>8.9.2 / 3.1: ES11.InitiateAuthentication: none of the eUICC's CI PKIds is supported by the SM-DS.</summary>
    public static readonly StatusCode CiPKIdNotSupported =
        new(SubjectCodes.SmDsSecurityConfiguration, ReasonCodes.Unsupported, "None of the proposed Public Key Identifiers is supported by the SM-DS");

    /// <summary>8.9.3 / 3.1: ES11.InitiateAuthentication: the eUICC's Specification Version Number is not supported.</summary>
    public static readonly StatusCode SvnNotSupported =
        new(SubjectCodes.SmDsSpecificationVersionNumber, ReasonCodes.Unsupported, "The Specification Version Number indicated by the eUICC is not supported by the SM-DS");

    /// <summary>8.9.4 / 3.7: ES11.InitiateAuthentication: no CERT.DSauth.ECDSA under a CI the eUICC can verify.</summary>
    public static readonly StatusCode NoDsAuthCertificateForCi =
        new(SubjectCodes.SmDsCertificate, ReasonCodes.Unavailable, "The SM-DS has no CERT.DSauth.ECDSA signed by one of the CI Public Keys supported by the eUICC");
}
