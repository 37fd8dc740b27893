namespace Conformance.Rsp.StatusCodes;

// Error values of the ES9+ ASN.1 binding (SGP.22 v2.5 §6.6, RSPDefinitions "Definition for ES9+ ASN.1 Binding").
// These INTEGERs are what an SM-DP+ returns in the error alternative of the response CHOICE when the ASN.1
// binding is used instead of JSON. Numeric values are the spec's, never renumbered.

/// <summary>InitiateAuthenticationResponse initiateAuthenticationError (SGP.22 §5.6.1, §6.6).</summary>
public enum InitiateAuthenticationError
{
    invalidDpAddress = 1,
    euiccVersionNotSupportedByDp = 2,
    /// <summary>ciPKNotSupported in v2.1/v2.2 module text.</summary>
    ciPKIdNotSupported = 3,
}

/// <summary>AuthenticateClientResponseEs9 authenticateClientError (SGP.22 §5.6.3, §6.6).</summary>
public enum AuthenticateClientError
{
    eumCertificateInvalid = 1,
    eumCertificateExpired = 2,
    euiccCertificateInvalid = 3,
    euiccCertificateExpired = 4,
    euiccSignatureInvalid = 5,
    matchingIdRefused = 6,
    eidMismatch = 7,
    noEligibleProfile = 8,
    ciPKUnknown = 9,
    invalidTransactionId = 10,
    /// <summary>Added after v2.2.2 (values 12-17 are reserved).</summary>
    insufficientMemory = 11,
    /// <summary>Added after v2.2.2.</summary>
    downloadOrderExpired = 18,
    undefinedError = 127,
}

/// <summary>GetBoundProfilePackageResponse getBoundProfilePackageError (SGP.22 §5.6.2, §6.6).</summary>
public enum GetBoundProfilePackageError
{
    euiccSignatureInvalid = 1,
    confirmationCodeMissing = 2,
    confirmationCodeRefused = 3,
    confirmationCodeRetriesExceeded = 4,
    /// <summary>Added after v2.2.2.</summary>
    bppRebindingRefused = 5,
    /// <summary>"this value is no longer used".</summary>
    deprecated = 6,
    invalidTransactionId = 95,
    undefinedError = 127,
}

/// <summary>CancelSessionResponseEs9 cancelSessionError (SGP.22 §5.6.5, §6.6).</summary>
public enum CancelSessionEs9Error
{
    invalidTransactionId = 1,
    euiccSignatureInvalid = 2,
    undefinedError = 127,
}
