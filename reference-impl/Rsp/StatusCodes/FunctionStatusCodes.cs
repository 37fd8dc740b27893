namespace Conformance.Rsp.StatusCodes;

// The function execution status of the ES9+ / ES2+ / ES11 functions (SGP.22 v2.5 §5.2.6) and its
// JSON binding (SGP.22 v2.5 §6.5.1.4: header.functionExecutionStatus { status, statusCodeData }).
//
// Sources of the values below: the SGP.22 §5.2.6.1 subject code and §5.2.6.2 reason code tables as
// reproduced by public documents that cite them, the per-function error tables of SGP.22 §5.3 / §5.6
// as listed by open implementations, and the SGP.23 test expectations. Where sources disagree the
// choice is noted beside the instance. Values are strings exactly as they travel in JSON.

/// <summary>The four values of functionExecutionStatus.status (SGP.22 v2.5 §5.2.6, §6.5.1.4).</summary>
public static class FunctionExecutionStatusValues
{
    public const string ExecutedSuccess = "Executed-Success";
    public const string ExecutedWithWarning = "Executed-WithWarning";
    public const string Failed = "Failed";
    public const string Expired = "Expired";

    public static readonly IReadOnlyList<string> All = [ExecutedSuccess, ExecutedWithWarning, Failed, Expired];
}

/// <summary>
/// One statusCodeData entry: a subject code (what the problem is about) and a reason code (what went wrong),
/// SGP.22 v2.5 §5.2.6. <see cref="Meaning"/> is the condition's description, used as the default message.
/// </summary>
public sealed record StatusCode(string SubjectCode, string ReasonCode, string Meaning)
{
    /// <summary>True when subject and reason codes are equal (the meaning text is not compared).</summary>
    public bool Matches(string subjectCode, string reasonCode) =>
        string.Equals(SubjectCode, subjectCode, StringComparison.Ordinal) &&
        string.Equals(ReasonCode, reasonCode, StringComparison.Ordinal);

    /// <summary>True when both carry the same subject and reason codes.</summary>
    public bool Matches(StatusCode other) => Matches(other.SubjectCode, other.ReasonCode);

    /// <summary>As the spec and our feature files write it: <c>8.8.1 / 3.8</c>.</summary>
    public override string ToString() => $"{SubjectCode} / {ReasonCode}";
}

/// <summary>Subject codes of SGP.22 v2.5 §5.2.6.1 with their names.</summary>
public static class SubjectCodes
{
    public const string Generic = "1";
    public const string FunctionRequester = "1.1";
    public const string FunctionProvider = "1.2";
    public const string Euicc = "8.1";
    public const string Eid = "8.1.1";
    public const string EumCertificate = "8.1.2";
    public const string EuiccCertificate = "8.1.3";
    public const string EumPermittedEids = "8.1.4";
    public const string Profile = "8.2";
    public const string ProfileIccid = "8.2.1";
    public const string ProfileType = "8.2.5";
    public const string MatchingId = "8.2.6";
    public const string ConfirmationCode = "8.2.7";
    public const string SmdpPlus = "8.8";
    public const string SmdpAddress = "8.8.1";
    public const string SmdpSecurityConfiguration = "8.8.2";
    public const string SmdpSpecificationVersionNumber = "8.8.3";
    public const string SmdpCertificate = "8.8.4";
    public const string DownloadOrder = "8.8.5";
    public const string SmDs = "8.9";
    public const string SmDsAddress = "8.9.1";
    public const string SmDsSecurityConfiguration = "8.9.2";
    public const string SmDsSpecificationVersionNumber = "8.9.3";
    public const string SmDsCertificate = "8.9.4";
    public const string EventRecord = "8.9.5";
    public const string TransactionId = "8.10.1";
    public const string CiPublicKey = "8.11.1";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [Generic] = "Generic",
        [FunctionRequester] = "Function Requester",
        [FunctionProvider] = "Function Provider",
        [Euicc] = "eUICC",
        [Eid] = "EID",
        [EumCertificate] = "EUM Certificate",
        [EuiccCertificate] = "eUICC Certificate",
        [EumPermittedEids] = "EUM permitted EIDs",
        [Profile] = "Profile",
        [ProfileIccid] = "Profile ICCID",
        [ProfileType] = "Profile Type",
        [MatchingId] = "MatchingID",
        [ConfirmationCode] = "Confirmation Code",
        [SmdpPlus] = "SM-DP+",
        [SmdpAddress] = "SM-DP+ Address",
        [SmdpSecurityConfiguration] = "SM-DP+ Security Configuration",
        [SmdpSpecificationVersionNumber] = "Specification Version Number",
        [SmdpCertificate] = "SM-DP+ Certificate",
        [DownloadOrder] = "Profile Download Order",
        [SmDs] = "SM-DS",
        [SmDsAddress] = "SM-DS Address",
        [SmDsSecurityConfiguration] = "SM-DS Security Configuration",
        [SmDsSpecificationVersionNumber] = "SM-DS Specification Version Number",
        [SmDsCertificate] = "SM-DS Certificate",
        [EventRecord] = "Event Record",
        [TransactionId] = "TransactionId",
        [CiPublicKey] = "CI Public Key",
    };

    /// <summary>The subject's name, or null for a code this table does not know.</summary>
    public static string? Name(string subjectCode) => Names.GetValueOrDefault(subjectCode);
}

/// <summary>Reason codes of SGP.22 v2.5 §5.2.6.2 with their names.</summary>
public static class ReasonCodes
{
    public const string AccessError = "1";
    public const string Unknown_Authentication = "1.1";
    public const string NotAllowed = "1.2";
    public const string FormatError = "2";
    public const string Invalid = "2.1";
    public const string MandatoryElementMissing = "2.2";
    public const string ConditionalElementMissing = "2.3";
    public const string ConditionsOfUseNotSatisfied = "3";
    public const string Unsupported = "3.1";
    public const string AlreadyInUse = "3.3";
    /// <summary>Used by ES2+ ReleaseProfile ("target Profile cannot be released"); name per SGP.02 heritage.</summary>
    public const string InvalidTransition = "3.5";
    public const string Unavailable = "3.7";
    public const string Refused = "3.8";
    public const string Unknown = "3.9";
    public const string InvalidAssociation = "3.10";
    public const string ProcessingError = "4";
    public const string ExecutionError = "4.2";
    public const string StoppedOnWarning = "4.3";
    public const string InsufficientMemory = "4.8";
    public const string TimeToLiveExpired = "4.10";
    public const string TransportError = "5";
    public const string Inaccessible = "5.1";
    public const string SecurityError = "6";
    public const string VerificationFailed = "6.1";
    public const string Expired = "6.3";
    public const string MaximumNumberOfAttemptsExceeded = "6.4";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [AccessError] = "Access Error",
        [Unknown_Authentication] = "Unknown (Identification or Authentication)",
        [NotAllowed] = "Not Allowed (Authorisation)",
        [FormatError] = "Format Error",
        [Invalid] = "Invalid",
        [MandatoryElementMissing] = "Mandatory Element Missing",
        [ConditionalElementMissing] = "Conditional Element Missing",
        [ConditionsOfUseNotSatisfied] = "Conditions of Use Not Satisfied",
        [Unsupported] = "Unsupported",
        [AlreadyInUse] = "Already in Use (Uniqueness)",
        [InvalidTransition] = "Invalid Transition",
        [Unavailable] = "Unavailable",
        [Refused] = "Refused",
        [Unknown] = "Unknown",
        [InvalidAssociation] = "Invalid Association",
        [ProcessingError] = "Processing Error",
        [ExecutionError] = "Execution Error",
        [StoppedOnWarning] = "Stopped on Warning",
        [InsufficientMemory] = "Insufficient Memory",
        [TimeToLiveExpired] = "Time to Live Expired",
        [TransportError] = "Transport Error",
        [Inaccessible] = "Inaccessible",
        [SecurityError] = "Security Error",
        [VerificationFailed] = "Verification Failed",
        [Expired] = "Expired",
        [MaximumNumberOfAttemptsExceeded] = "Maximum number of attempts exceeded",
    };

    /// <summary>The reason's name, or null for a code this table does not know.</summary>
    public static string? Name(string reasonCode) => Names.GetValueOrDefault(reasonCode);
}

/// <summary>
/// The one table of ES9+ / ES2+ status codes: one named instance per condition of the spec
/// (SGP.22 v2.5 §5.3.1–§5.3.5 for ES2+, §5.6.1–§5.6.5 for ES9+, generic codes of §5.2.6).
/// </summary>
public static class FunctionStatusCodes
{
    private static StatusCode C(string subject, string reason, string meaning) => new(subject, reason, meaning);

    // ---- Generic (SGP.22 §5.2.6.1 subject 1.x) ----
    // Decision (no SGP.22 text found that pins these down): problems with the request as a whole
    // (not JSON, wrong Content-Type, too large, wrong JSON type, bad base64) are reported against
    // the Function Requester with a format-error reason; an element that has its own subject code
    // (transactionId, EID, ICCID, MatchingID...) is reported against that subject instead.

    /// <summary>1.1 / 1.1: the function requester could not be authenticated (no or untrusted ES2+ client certificate).</summary>
    public static readonly StatusCode FunctionRequesterUnknown =
        C(SubjectCodes.FunctionRequester, ReasonCodes.Unknown_Authentication, "Function Requester unknown: no valid client certificate");

    /// <summary>1.1 / 1.2: the function requester is not allowed to call this function.</summary>
    public static readonly StatusCode FunctionRequesterNotAllowed =
        C(SubjectCodes.FunctionRequester, ReasonCodes.NotAllowed, "Function Requester not allowed");

    /// <summary>1.1 / 2.1: the request is malformed (not JSON, wrong type, bad base64, wrong Content-Type, too large).</summary>
    public static readonly StatusCode RequestInvalid =
        C(SubjectCodes.FunctionRequester, ReasonCodes.Invalid, "Invalid request");

    /// <summary>1.1 / 2.2: a mandatory element of the request is missing.</summary>
    public static readonly StatusCode MandatoryElementMissing =
        C(SubjectCodes.FunctionRequester, ReasonCodes.MandatoryElementMissing, "Mandatory element missing");

    /// <summary>1.1 / 2.3: a conditional element of the request is missing.</summary>
    public static readonly StatusCode ConditionalElementMissing =
        C(SubjectCodes.FunctionRequester, ReasonCodes.ConditionalElementMissing, "Conditional element missing");

    /// <summary>1.2 / 3.1: the function (path) is not supported by this function provider.</summary>
    public static readonly StatusCode FunctionUnsupported =
        C(SubjectCodes.FunctionProvider, ReasonCodes.Unsupported, "Function not supported");

    /// <summary>1.2 / 4.2: the function provider failed while executing the function (unexpected error).</summary>
    public static readonly StatusCode ExecutionError =
        C(SubjectCodes.FunctionProvider, ReasonCodes.ExecutionError, "Execution error in the Function Provider");

    // ---- eUICC (8.1.x) ----
    /// <summary>8.1 / 4.8.</summary>
    public static readonly StatusCode InsufficientEuiccMemory = C(SubjectCodes.Euicc, ReasonCodes.InsufficientMemory, "eUICC does not have sufficient space for this Profile");
    /// <summary>8.1 / 6.1: invalid eUICC signature, or invalid serverChallenge (AuthenticateClient, GetBoundProfilePackage, CancelSession).</summary>
    public static readonly StatusCode EuiccSignatureInvalid = C(SubjectCodes.Euicc, ReasonCodes.VerificationFailed, "eUICC signature is invalid or serverChallenge is invalid");
    /// <summary>8.1.1 / 2.2: ConfirmOrder with no EID while the MatchingID is empty or an SM-DS address is given.</summary>
    public static readonly StatusCode EidMissing = C(SubjectCodes.Eid, ReasonCodes.MandatoryElementMissing, "EID is missing in the context of this order (SM-DS address provided or MatchingID value is empty)");
    /// <summary>
    /// 8.1.1 / 3.10: ConfirmOrder with an EID different from the one associated at DownloadOrder.
    /// SGP.23 ConfirmOrder expects 8.1.1 / 3.10; one table (and lpac) gives 8.2.1 / 3.1 — see <see cref="IccidDifferentEidAssociated"/>.
    /// </summary>
    public static readonly StatusCode EidDifferentFromOrder = C(SubjectCodes.Eid, ReasonCodes.InvalidAssociation, "A different EID is already associated with this ICCID");
    /// <summary>8.1.1 / 3.8: AuthenticateClient: the eUICC's EID is not the one of the order.</summary>
    public static readonly StatusCode EidMismatch = C(SubjectCodes.Eid, ReasonCodes.Refused, "EID doesn't match the expected value");
    /// <summary>8.1.2 / 6.1.</summary>
    public static readonly StatusCode EumCertificateInvalid = C(SubjectCodes.EumCertificate, ReasonCodes.VerificationFailed, "EUM Certificate is invalid");
    /// <summary>8.1.2 / 6.3.</summary>
    public static readonly StatusCode EumCertificateExpired = C(SubjectCodes.EumCertificate, ReasonCodes.Expired, "EUM Certificate has expired");
    /// <summary>8.1.3 / 6.1.</summary>
    public static readonly StatusCode EuiccCertificateInvalid = C(SubjectCodes.EuiccCertificate, ReasonCodes.VerificationFailed, "eUICC Certificate is invalid");
    /// <summary>8.1.3 / 6.3.</summary>
    public static readonly StatusCode EuiccCertificateExpired = C(SubjectCodes.EuiccCertificate, ReasonCodes.Expired, "eUICC Certificate has expired");
    /// <summary>8.1.4 / 6.1: the EID is outside the range the EUM certificate permits.</summary>
    public static readonly StatusCode EidOutsideEumPermittedRange = C(SubjectCodes.EumPermittedEids, ReasonCodes.VerificationFailed, "EID is not within the EIDs permitted by the EUM Certificate");

    // ---- Profile (8.2.x) ----
    /// <summary>8.2 / 1.2: AuthenticateClient for a profile the operator has not released yet.</summary>
    public static readonly StatusCode ProfileNotReleased = C(SubjectCodes.Profile, ReasonCodes.NotAllowed, "Profile has not yet been released");
    /// <summary>8.2 / 3.7.</summary>
    public static readonly StatusCode BppNotAvailableForNewBinding = C(SubjectCodes.Profile, ReasonCodes.Unavailable, "BPP is not available for a new binding");
    /// <summary>8.2.1 / 1.2.</summary>
    public static readonly StatusCode IccidNotAllowed = C(SubjectCodes.ProfileIccid, ReasonCodes.NotAllowed, "The function caller is not allowed to perform this function on the target Profile");
    /// <summary>8.2.1 / 3.1: alternative code for "different EID" found in one table (see <see cref="EidDifferentFromOrder"/>).</summary>
    public static readonly StatusCode IccidDifferentEidAssociated = C(SubjectCodes.ProfileIccid, ReasonCodes.Unsupported, "A different EID is associated with this ICCID");
    /// <summary>8.2.1 / 3.3: DownloadOrder for an ICCID that is not available (already in use).</summary>
    public static readonly StatusCode IccidAlreadyInUse = C(SubjectCodes.ProfileIccid, ReasonCodes.AlreadyInUse, "The Profile identified by the provided ICCID is not available");
    /// <summary>8.2.1 / 3.5: ReleaseProfile for a profile that cannot be released in its state.</summary>
    public static readonly StatusCode IccidCannotBeReleased = C(SubjectCodes.ProfileIccid, ReasonCodes.InvalidTransition, "The target Profile cannot be released");
    /// <summary>8.2.1 / 3.9: unknown ICCID.</summary>
    public static readonly StatusCode IccidUnknown = C(SubjectCodes.ProfileIccid, ReasonCodes.Unknown, "The Profile identified by this ICCID is unknown to the SM-DP+");
    /// <summary>8.2.5 / 1.2.</summary>
    public static readonly StatusCode ProfileTypeNotAllowed = C(SubjectCodes.ProfileType, ReasonCodes.NotAllowed, "The function caller is not allowed to perform this function on the Profile Type");
    /// <summary>8.2.5 / 3.7: no more profile available for the requested profile type.</summary>
    public static readonly StatusCode ProfileTypeUnavailable = C(SubjectCodes.ProfileType, ReasonCodes.Unavailable, "No more Profile available for the requested Profile Type");
    /// <summary>8.2.5 / 3.8: the profile type does not match the profile of the ICCID.</summary>
    public static readonly StatusCode ProfileTypeMismatch = C(SubjectCodes.ProfileType, ReasonCodes.Refused, "The Profile Type is not aligned with the Profile Type of the Profile identified by the ICCID");
    /// <summary>8.2.5 / 3.9.</summary>
    public static readonly StatusCode ProfileTypeUnknown = C(SubjectCodes.ProfileType, ReasonCodes.Unknown, "The Profile Type is unknown to the SM-DP+");
    /// <summary>8.2.5 / 4.3: AuthenticateClient: no eligible profile for this eUICC/Device.</summary>
    public static readonly StatusCode NoEligibleProfile = C(SubjectCodes.ProfileType, ReasonCodes.StoppedOnWarning, "No eligible Profile for this eUICC/Device");
    /// <summary>8.2.6 / 3.1: a different MatchingID is associated with this ICCID.</summary>
    public static readonly StatusCode MatchingIdDifferentAssociated = C(SubjectCodes.MatchingId, ReasonCodes.Unsupported, "A different MatchingID is associated with this ICCID");
    /// <summary>8.2.6 / 3.3: ConfirmOrder with a MatchingID already used by another order.</summary>
    public static readonly StatusCode MatchingIdConflicting = C(SubjectCodes.MatchingId, ReasonCodes.AlreadyInUse, "Conflicting MatchingID value");
    /// <summary>8.2.6 / 3.8: AuthenticateClient with a refused MatchingID (AC_Token or EventID).</summary>
    public static readonly StatusCode MatchingIdRefused = C(SubjectCodes.MatchingId, ReasonCodes.Refused, "MatchingID (AC_Token or EventID) is refused");
    /// <summary>8.2.6 / 3.10: CancelOrder with a MatchingID that is not the order's.</summary>
    public static readonly StatusCode MatchingIdInvalidAssociation = C(SubjectCodes.MatchingId, ReasonCodes.InvalidAssociation, "The MatchingID is not associated with this ICCID");
    /// <summary>8.2.7 / 2.2.</summary>
    public static readonly StatusCode ConfirmationCodeMissing = C(SubjectCodes.ConfirmationCode, ReasonCodes.MandatoryElementMissing, "Confirmation Code is missing");
    /// <summary>8.2.7 / 3.8.</summary>
    public static readonly StatusCode ConfirmationCodeRefused = C(SubjectCodes.ConfirmationCode, ReasonCodes.Refused, "Confirmation Code is refused");
    /// <summary>8.2.7 / 6.4.</summary>
    public static readonly StatusCode ConfirmationCodeRetriesExceeded = C(SubjectCodes.ConfirmationCode, ReasonCodes.MaximumNumberOfAttemptsExceeded, "The maximum number of retries for the Confirmation Code has been exceeded");

    // ---- SM-DP+ (8.8.x) ----
    /// <summary>8.8 / 3.10: CancelSession with an SM-DP+ OID that is not ours. Some tables give 8.8 / 3.1 (<see cref="InvalidSmdpOidAlternative"/>).</summary>
    public static readonly StatusCode InvalidSmdpOid = C(SubjectCodes.SmdpPlus, ReasonCodes.InvalidAssociation, "The provided SM-DP+ OID is invalid");
    /// <summary>8.8 / 3.1: the alternative code some tables give for an invalid SM-DP+ OID.</summary>
    public static readonly StatusCode InvalidSmdpOidAlternative = C(SubjectCodes.SmdpPlus, ReasonCodes.Unsupported, "The provided SM-DP+ OID is invalid");
    /// <summary>8.8.1 / 3.8: InitiateAuthentication with an address that is not this SM-DP+'s.</summary>
    public static readonly StatusCode InvalidSmdpAddress = C(SubjectCodes.SmdpAddress, ReasonCodes.Refused, "Invalid SM-DP+ Address");
    /// <summary>8.8.2 / 3.1.</summary>
    public static readonly StatusCode CiPKIdNotSupported = C(SubjectCodes.SmdpSecurityConfiguration, ReasonCodes.Unsupported, "None of the proposed Public Key Identifiers is supported by the SM-DP+");
    /// <summary>8.8.3 / 3.1.</summary>
    public static readonly StatusCode SvnNotSupported = C(SubjectCodes.SmdpSpecificationVersionNumber, ReasonCodes.Unsupported, "The Specification Version Number indicated by the eUICC is not supported by the SM-DP+");
    /// <summary>8.8.4 / 3.7.</summary>
    public static readonly StatusCode NoDpAuthCertificateForCi = C(SubjectCodes.SmdpCertificate, ReasonCodes.Unavailable, "The SM-DP+ has no CERT.DPauth.ECDSA signed by one of the CI Public Keys supported by the eUICC");
    /// <summary>8.8.5 / 4.10 (SGP.23; lpac's table gives 4.1, which is not a reason code of §5.2.6.2).</summary>
    public static readonly StatusCode DownloadOrderExpired = C(SubjectCodes.DownloadOrder, ReasonCodes.TimeToLiveExpired, "The Download order has expired");
    /// <summary>8.8.5 / 6.4.</summary>
    public static readonly StatusCode DownloadOrderRetriesExceeded = C(SubjectCodes.DownloadOrder, ReasonCodes.MaximumNumberOfAttemptsExceeded, "The maximum number of retries for the Profile download order has been exceeded");

    // ---- SM-DS (8.9.x) ----
    /// <summary>8.9 / 4.2.</summary>
    public static readonly StatusCode SmDsError = C(SubjectCodes.SmDs, ReasonCodes.ExecutionError, "Root SM-DS has raised an error");
    /// <summary>8.9 / 5.1: the SM-DS is unavailable; ConfirmOrder's "invalid SM-DS address" per SGP.23.</summary>
    public static readonly StatusCode SmDsInaccessible = C(SubjectCodes.SmDs, ReasonCodes.Inaccessible, "SM-DS is unavailable (invalid SM-DS address)");
    /// <summary>8.9.1 / 3.8.</summary>
    public static readonly StatusCode InvalidSmDsAddress = C(SubjectCodes.SmDsAddress, ReasonCodes.Refused, "Invalid SM-DS Address");
    /// <summary>8.9.2 / 3.1: ES11.InitiateAuthentication: none of the eUICC's CI PKIds is supported by the SM-DS (SGP.22 v2.5 §5.8.1).</summary>
    public static readonly StatusCode SmdsCiPKIdNotSupported = C(SubjectCodes.SmDsSecurityConfiguration, ReasonCodes.Unsupported, "None of the proposed Public Key Identifiers is supported by the SM-DS");
    /// <summary>8.9.3 / 3.1: ES11.InitiateAuthentication: the eUICC's Specification Version Number is not supported (SGP.22 v2.5 §5.8.1).</summary>
    public static readonly StatusCode SmdsSvnNotSupported = C(SubjectCodes.SmDsSpecificationVersionNumber, ReasonCodes.Unsupported, "The Specification Version Number indicated by the eUICC is not supported by the SM-DS");
    /// <summary>8.9.4 / 3.7: ES11.InitiateAuthentication: no CERT.DSauth.ECDSA under a CI the eUICC can verify (SGP.22 v2.5 §5.8.1).</summary>
    public static readonly StatusCode SmdsNoDsAuthCertificateForCi = C(SubjectCodes.SmDsCertificate, ReasonCodes.Unavailable, "The SM-DS has no CERT.DSauth.ECDSA signed by one of the CI Public Keys supported by the eUICC");
    /// <summary>8.9.5 / 3.3.</summary>
    public static readonly StatusCode EventRecordAlreadyExists = C(SubjectCodes.EventRecord, ReasonCodes.AlreadyInUse, "The Event Record already exists in the SM-DS (EventID duplicated)");
    /// <summary>8.9.5 / 3.9.</summary>
    public static readonly StatusCode EventUnknown = C(SubjectCodes.EventRecord, ReasonCodes.Unknown, "No Event identified by the EventID exists for the EID");

    // ---- RSP session and CI ----
    /// <summary>8.10.1 / 3.9: the RSP session identified by the transactionId is unknown.</summary>
    public static readonly StatusCode TransactionIdUnknown = C(SubjectCodes.TransactionId, ReasonCodes.Unknown, "The RSP session identified by the TransactionID is unknown");
    /// <summary>8.11.1 / 3.9: the CI of the EUM certificate is not a trusted root.</summary>
    public static readonly StatusCode CiPublicKeyUnknown = C(SubjectCodes.CiPublicKey, ReasonCodes.Unknown, "Unknown CI Public Key: the CI used by the EUM Certificate is not a trusted root");

    /// <summary>Every named instance above, for look-ups and tests.</summary>
    public static IReadOnlyList<StatusCode> All { get; } =
        typeof(FunctionStatusCodes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(StatusCode))
            .Select(f => (StatusCode)f.GetValue(null)!)
            .ToArray();

    /// <summary>The named instance for a subject/reason pair, or null.</summary>
    public static StatusCode? Find(string subjectCode, string reasonCode) =>
        All.FirstOrDefault(s => s.Matches(subjectCode, reasonCode));
}
