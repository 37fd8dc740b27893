namespace Conformance.SmdpPlus;

/// <summary>
/// Named faults the reference SM-DP+ can inject so that an eUICC or LPA under test meets a server that
/// misbehaves on purpose (DESIGN.md §1). Placeholder set: the ES9+ logic that honours them lands with
/// the BPP/signature phase; today they are carried in <see cref="SmdpOptions.Faults"/> only.
/// </summary>
public enum SmdpFault
{
    /// <summary>serverSignature1 does not verify (InitiateAuthentication).</summary>
    InvalidServerSignature1,

    /// <summary>serverSigned1.euiccChallenge differs from the eUICC's challenge.</summary>
    WrongEuiccChallengeInServerSigned1,

    /// <summary>serverSigned1.serverAddress differs from the SM-DP+ address.</summary>
    WrongServerAddressInServerSigned1,

    /// <summary>CERT.DPauth is expired.</summary>
    ExpiredDpAuthCertificate,

    /// <summary>smdpSignature2 does not verify (AuthenticateClient).</summary>
    InvalidSmdpSignature2,

    /// <summary>CERT.DPpb is expired.</summary>
    ExpiredDpPbCertificate,

    /// <summary>The BPP's InitialiseSecureChannel carries another transactionId.</summary>
    WrongTransactionIdInBpp,

    /// <summary>smdpSign in InitialiseSecureChannel does not verify.</summary>
    InvalidSmdpSignInBpp,

    /// <summary>One segment's MAC is corrupted.</summary>
    CorruptedBppMac,

    /// <summary>A segment is longer than the 1020 bytes SGP.22 allows.</summary>
    OversizedBppSegment,

    /// <summary>Profile element segments are sent out of order.</summary>
    ReorderedBppSegments,

    /// <summary>StoreMetadata in the BPP differs from profileMetadata sent in AuthenticateClient.</summary>
    MismatchingMetadataInBpp,
}
