namespace Conformance.SmdpPlus;

/// <summary>
/// Named defects: each one makes the reference SM-DP+ behave like a faulty SM-DP+ that breaks one SGP.22
/// requirement, so the harness (run against this server) can prove it catches that failure. Unlike
/// <see cref="SmdpFault"/>, which feeds an eUICC a bad message on purpose, a defect is the server itself
/// being wrong. Off by default; switched on in <see cref="SmdpOptions.Defects"/>.
/// </summary>
public enum SmdpDefect
{
    /// <summary>Profile element ('86') segments are longer than the 1020 bytes of SGP.22 §2.6.4.</summary>
    OversizedProfileSegment,

    /// <summary>InitiateAuthentication with a wrong SM-DP+ address answers 8.8.2 / 3.1 instead of 8.8.1 / 3.8.</summary>
    WrongStatusCodeForInvalidSmdpAddress,

    /// <summary>GetBoundProfilePackage does not check hashCc (missing or wrong confirmation codes pass).</summary>
    SkipConfirmationCodeCheck,

    /// <summary>Every InitiateAuthentication answers the same serverChallenge.</summary>
    ReuseServerChallenge,

    /// <summary>Every InitiateAuthentication answers the same transactionId.</summary>
    ReuseTransactionId,

    /// <summary>AuthenticateClient does not check that the EID matches the order's EID (8.1.1 / 3.8 never answered).</summary>
    NoEidBindingCheck,

    /// <summary>AuthenticateClient accepts an expired eUICC certificate.</summary>
    AcceptExpiredEuiccCertificate,

    /// <summary>AuthenticateClient does not check that the EID lies in the EUM's permitted range.</summary>
    SkipEumRangeCheck,

    /// <summary>Each '86' segment is protected with the MAC chaining value and block counter of the first (chain restarted).</summary>
    RestartMacChainPerSegment,

    /// <summary>The block counter is not incremented between '86' segments (the MAC chain still runs).</summary>
    FrozenBlockCounter,

    /// <summary>smdpSign covers the four data objects of InitialiseSecureChannel without otPK.EUICC.ECKA.</summary>
    SmdpSignOverWrongData,

    /// <summary>StoreMetadata in the BPP differs from profileMetadata sent in AuthenticateClient (other profileName).</summary>
    MetadataInBppDiffersFromProfileMetadata,

    /// <summary>HandleNotification answers HTTP 200 with a body instead of 204 with none (JSON binding: a header; ASN.1 binding: an empty SEQUENCE).</summary>
    HandleNotificationAnswers200WithBody,

    /// <summary>Responses carry no X-Admin-Protocol header.</summary>
    MissingAdminProtocolHeader,

    /// <summary>The BPP's InitialiseSecureChannel carries a transactionId that is not the session's (correctly signed).</summary>
    TransactionIdInBppNotSession,

    /// <summary>Download and confirmation code attempts are not limited (8.8.5 / 6.4 and 8.2.7 / 6.4 never answered).</summary>
    RetriesNotLimited,

    /// <summary>AuthenticateClient does not verify euiccSignature1.</summary>
    SkipEuiccSignature1Check,

    /// <summary>
    /// A session whose AuthenticateClient was refused after the eUICC proved itself keeps no CERT.EUICC.ECDSA, so the
    /// eUICC's CancelSession that ends it is answered 8.1 / 6.1 (what lpac met: it cancels with endUserRejection).
    /// </summary>
    ForgetEuiccAfterRefusedAuthenticateClient,

    /// <summary>
    /// GetBoundProfilePackage binds with the otSK.DP.ECKA of an earlier binding of the order (or of the session) even
    /// when the eUICC offers another otPK.EUICC.ECKA: one-time keys used for two bindings.
    /// </summary>
    ReuseOtSkDpAcrossOtpk,

    /// <summary>A PrepareDownloadResponse carrying a downloadErrorCode is answered Failed, but the RSP session is kept.</summary>
    KeepSessionAfterDownloadError,

    /// <summary>
    /// ES2+ ConfirmOrder and CancelOrder skip their order checks: a profile never ordered is confirmed or cancelled, and
    /// CancelOrder without the EID the order is bound to is executed.
    /// </summary>
    SkipEs2PlusOrderChecks,
    /// <summary>The ES9+ ASN.1 binding (SGP.22 §6.6) answers its DER with Content-Type application/octet-stream, not application/x-gsma-rsp-asn1.</summary>
    Asn1BindingWrongContentType,

    /// <summary>The ES9+ ASN.1 binding (SGP.22 §6.6) answers every failure with undefinedError(127), dropping the error INTEGER of the failure.</summary>
    Asn1BindingDropsErrorCode,

    /// <summary>AuthenticateClient does not check that the transactionId inside euiccSigned1 is the session's (8.10.1 / 3.9 never answered for it).</summary>
    IgnoreTransactionIdInEuiccSigned1,

    /// <summary>CancelSession does not check that the transactionId inside euiccCancelSessionSigned is the session's.</summary>
    IgnoreTransactionIdInCancelSessionSigned,

    /// <summary>AuthenticateClient does not check that the EID matches the EID of an SM-DS event's order (an activation code's still is).</summary>
    NoEidCheckForSmdsEvent,

    /// <summary>
    /// AuthenticateClient without MatchingID finds by EID only orders confirmed with an empty MatchingID or for an SM-DS event,
    /// not an activation code's order linked to the EID, and answers 8.1.1 / 3.8 (SGP.22 v2.5 §3.1.3.1; SGP.23 4.3.14.2.1 #17, #18).
    /// </summary>
    EidLookupOnlyForOrdersWithoutMatchingId,

    /// <summary>ConfirmOrder with an smdsAddress confirms the order without calling ES12.RegisterEvent on the SM-DS (SGP.22 v2.5 §5.3.2, §3.6.1).</summary>
    NoRegisterEvent,

    /// <summary>ES12.RegisterEvent carries another EID than the order's (its last digit changed).</summary>
    WrongEidInRegisterEvent,

    /// <summary>
    /// The SM-DP+ never calls ES12.DeleteEvent: an Event stays on the SM-DS after its download has ended or its order was
    /// cancelled (SGP.22 v2.5 §3.6.3).
    /// </summary>
    NoDeleteEvent,
}
