namespace Conformance.Rsp.StatusCodes;

// ES10 result values: the INTEGER / ENUMERATED values of the SGP.22 RSPDefinitions ASN.1 module
// (SGP.22 v2.5 §5.7 for ES10a/b/c, §5.5 for ES8+). Numeric values are the spec's, never renumbered.

/// <summary>AuthenticateServerResponse authenticateResponseError (SGP.22 §5.7.13).</summary>
public enum AuthenticateErrorCode
{
    invalidCertificate = 1,
    invalidSignature = 2,
    unsupportedCurve = 3,
    noSessionContext = 4,
    invalidOid = 5,
    euiccChallengeMismatch = 6,
    ciPKUnknown = 7,
    undefinedError = 127,
}

/// <summary>PrepareDownloadResponse downloadResponseError (SGP.22 §5.7.5).</summary>
public enum DownloadErrorCode
{
    invalidCertificate = 1,
    invalidSignature = 2,
    unsupportedCurve = 3,
    noSessionContext = 4,
    invalidTransactionId = 5,
    undefinedError = 127,
}

/// <summary>The ES8+ command that failed, in a ProfileInstallationResult errorResult (SGP.22 §5.5, §5.7.6).</summary>
public enum BppCommandId
{
    initialiseSecureChannel = 0,
    configureISDP = 1,
    storeMetadata = 2,
    storeMetadata2 = 3,
    replaceSessionKeys = 4,
    loadProfileElements = 5,
}

/// <summary>Why profile installation failed, in a ProfileInstallationResult errorResult (SGP.22 §5.5, §5.7.6).</summary>
public enum ErrorReason
{
    incorrectInputValues = 1,
    invalidSignature = 2,
    invalidTransactionId = 3,
    unsupportedCrtValues = 4,
    unsupportedRemoteOperationType = 5,
    unsupportedProfileClass = 6,
    scp03tStructureError = 7,
    scp03tSecurityError = 8,
    iccidAlreadyExistsOnEuicc = 9,
    insufficientMemoryForProfile = 10,
    installInterrupted = 11,
    peProcessingError = 12,
    /// <summary>dataMismatch in v2.2 (iccidMismatch in some drafts): metadata and profile disagree.</summary>
    dataMismatch = 13,
    testProfileInstallFailedDueToInvalidNaaKey = 14,
    pprNotAllowed = 15,
    unknownError = 127,
}

/// <summary>CancelSessionReason (SGP.22 §5.7.14, also ES9+ CancelSession §5.6.5).</summary>
public enum CancelSessionReason
{
    endUserRejection = 0,
    postponed = 1,
    timeout = 2,
    pprNotAllowed = 3,
    metadataMismatch = 4,
    loadBppExecutionError = 5,
    undefinedReason = 127,
}

/// <summary>CancelSessionResponse cancelSessionResponseError (SGP.22 §5.7.14).</summary>
public enum CancelSessionError
{
    invalidTransactionId = 5,
    undefinedError = 127,
}

/// <summary>EnableProfileResponse enableResult (SGP.22 §5.7.16).</summary>
public enum EnableProfileResult
{
    ok = 0,
    iccidOrAidNotFound = 1,
    profileNotInDisabledState = 2,
    disallowedByPolicy = 3,
    wrongProfileReenabling = 4,
    catBusy = 5,
    undefinedError = 127,
}

/// <summary>DisableProfileResponse disableResult (SGP.22 §5.7.17).</summary>
public enum DisableProfileResult
{
    ok = 0,
    iccidOrAidNotFound = 1,
    profileNotInEnabledState = 2,
    disallowedByPolicy = 3,
    catBusy = 5,
    undefinedError = 127,
}

/// <summary>DeleteProfileResponse deleteResult (SGP.22 §5.7.18).</summary>
public enum DeleteProfileResult
{
    ok = 0,
    iccidOrAidNotFound = 1,
    profileNotInDisabledState = 2,
    disallowedByPolicy = 3,
    undefinedError = 127,
}

/// <summary>EuiccMemoryResetResponse resetResult (SGP.22 §5.7.19).</summary>
public enum EuiccMemoryResetResult
{
    ok = 0,
    nothingToDelete = 1,
    catBusy = 5,
    undefinedError = 127,
}

/// <summary>SetNicknameResponse setNicknameResult (SGP.22 §5.7.21).</summary>
public enum SetNicknameResult
{
    ok = 0,
    iccidNotFound = 1,
    undefinedError = 127,
}

/// <summary>SetDefaultDpAddressResponse setDefaultDpAddressResult (SGP.22 §5.7.4).</summary>
public enum SetDefaultDpAddressResult
{
    ok = 0,
    undefinedError = 127,
}

/// <summary>ProfileInfoListResponse profileInfoListError (SGP.22 §5.7.15).</summary>
public enum ProfileInfoListError
{
    incorrectInputValues = 1,
    undefinedError = 127,
}

/// <summary>ListNotificationResponse / RetrieveNotificationsListResponse errors (SGP.22 §5.7.9, §5.7.10).</summary>
public enum NotificationListError
{
    noResultAvailable = 1,
    undefinedError = 127,
}

/// <summary>NotificationSentResponse deleteNotificationStatus (SGP.22 §5.7.11).</summary>
public enum NotificationSentResult
{
    ok = 0,
    nothingToDelete = 1,
    undefinedError = 127,
}

/// <summary>LoadCRLResponse loadCRLResponseError (SGP.22 §5.7.12).</summary>
public enum LoadCrlError
{
    invalidSignature = 1,
    invalidCRLFormat = 2,
    notEnoughMemorySpace = 3,
    verificationKeyNotFound = 4,
    fresherCrlAlreadyLoaded = 5,
    baseCrlMissing = 6,
    undefinedError = 127,
}

/// <summary>ProfileState (SGP.22 §5.7.15 ProfileInfo): INTEGER { disabled(0), enabled(1) }.</summary>
public enum ProfileState
{
    disabled = 0,
    enabled = 1,
}

/// <summary>ProfileClass (SGP.22 §5.7.15): INTEGER { test(0), provisioning(1), operational(2) }.</summary>
public enum ProfileClass
{
    test = 0,
    provisioning = 1,
    operational = 2,
}

/// <summary>NotificationEvent (SGP.22 §2.6.8.1 bit positions of the BIT STRING).</summary>
public enum NotificationEvent
{
    notificationInstall = 0,
    notificationEnable = 1,
    notificationDisable = 2,
    notificationDelete = 3,
}
