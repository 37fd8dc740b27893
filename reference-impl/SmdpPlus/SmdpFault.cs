namespace Conformance.SmdpPlus;

/// <summary>
/// Named faults the reference SM-DP+ can inject so that an eUICC or LPA under test meets a server that
/// misbehaves on purpose (DESIGN.md §1). Off by default; switched on in <see cref="SmdpOptions.Faults"/>.
/// Each fault changes exactly one thing on the wire, so a conforming eUICC refuses it at one known point.
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

    /// <summary>serverSigned1 signed with a CERT.DPauth issued by a CI the eUICC does not know (sent with that certificate).</summary>
    DpAuthFromUnknownCi,

    /// <summary>smdpSigned2 and smdpSign signed with a CERT.DPpb issued by a CI the eUICC does not know.</summary>
    DpPbFromUnknownCi,

    /// <summary>smdpSigned2.transactionId differs from the session's (correctly signed).</summary>
    WrongTransactionIdInSmdpSigned2,

    /// <summary>One profile element segment is sent twice.</summary>
    RepeatedBppSegment,

    /// <summary>profileMetadata and StoreMetadata carry an ICCID different from the profile package's.</summary>
    IccidMismatchInMetadata,

    /// <summary>InitialiseSecureChannel carries remoteOpId 2 instead of installBoundProfilePackage(1).</summary>
    UnknownRemoteOpId,

    /// <summary>The CRT of InitialiseSecureChannel carries an unsupported key type ('80') and key length ('20').</summary>
    UnsupportedCrtValues,

    /// <summary>The BPP has no ConfigureISDP: firstSequenceOf87 is empty.</summary>
    MissingConfigureIsdp,

    /// <summary>The MAC of the ConfigureISDP '87' segment (firstSequenceOf87) is corrupted.</summary>
    CorruptedConfigureIsdpMac,

    /// <summary>The MAC of the first StoreMetadata '88' segment (sequenceOf88) is corrupted.</summary>
    CorruptedStoreMetadataMac,

    /// <summary>The MAC of the ReplaceSessionKeys '87' segment (secondSequenceOf87) is corrupted; needs profile protection keys.</summary>
    CorruptedReplaceSessionKeysMac,
}
