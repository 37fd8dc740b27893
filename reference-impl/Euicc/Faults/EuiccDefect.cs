namespace Conformance.Euicc.Faults;

/// <summary>
/// Named DEFECTS: the emulator behaves like a faulty eUICC so that the harness can prove its eUICC test cases
/// catch the fault (a test that passes against a defective card is a broken test). Unlike
/// <see cref="EuiccFault"/>s, which are legal-looking data meant for an SM-DP+ to refuse, each defect breaks a
/// SHALL of SGP.22 on the card side. All are off by default.
/// </summary>
public enum EuiccDefect
{
    /// <summary>BSP segments are decrypted without checking their MAC (SGP.22 §2.6.4: the MAC SHALL be verified).</summary>
    AcceptBadBspMac,

    /// <summary>PPR1 (disabling not allowed) is not enforced by DisableProfile / EnableProfile of another profile.</summary>
    IgnorePpr1,

    /// <summary>PPR2 (deletion not allowed) is not enforced by DeleteProfile.</summary>
    IgnorePpr2,

    /// <summary>EnableProfile of an already enabled profile answers ok(0) instead of profileNotInDisabledState(2).</summary>
    WrongResultForEnablingEnabledProfile,

    /// <summary>No notification is generated after EnableProfile.</summary>
    NoNotificationAfterEnable,

    /// <summary>No notification is generated after DisableProfile.</summary>
    NoNotificationAfterDisable,

    /// <summary>No notification is generated after DeleteProfile.</summary>
    NoNotificationAfterDelete,

    /// <summary>A card reset or power cycle wipes the persistent state (profiles, notifications, addresses).</summary>
    LoseStateAtReset,

    /// <summary>Responses longer than 256 bytes are cut to 256 bytes instead of being chained with '61xx'.</summary>
    TruncateResponsesOver256,

    /// <summary>AuthenticateServer accepts a CERT.DPauth.ECDSA issued by a CI the eUICC does not trust.</summary>
    AcceptDpAuthFromUnknownCi,

    /// <summary>AuthenticateServer does not compare serverSigned1.euiccChallenge with the challenge it issued.</summary>
    SkipEuiccChallengeCheck,

    /// <summary>PrepareDownload does not compare smdpSigned2.transactionId with the session's.</summary>
    SkipTransactionIdCheckInPrepareDownload,

    /// <summary>The profile is installed although the ICCID of its ProfileHeader differs from the metadata's.</summary>
    AcceptMismatchedIccid,

    /// <summary>A failed installation leaves the half-installed profile (metadata stored) on the card.</summary>
    KeepHalfInstalledProfile,

    /// <summary>GetEUICCChallenge answers the same challenge every time.</summary>
    ReuseEuiccChallenge,

    /// <summary>Every eUICC signature is computed with a key that is not the one of CERT.EUICC.ECDSA.</summary>
    SignWithWrongKey,

    /// <summary>AuthenticateServer takes only CERT.DPauth.ECDSA: an SM-DS's CERT.DSauth.ECDSA is refused as invalidCertificate (SGP.22 §5.7.13, §3.6.2).</summary>
    RefuseDsAuth,

    /// <summary>
    /// A refused '87' or '88' segment (ConfigureISDP, StoreMetadata, ReplaceSessionKeys) is reported with bppCommandId
    /// loadProfileElements instead of the ES8+ command the segment carried (SGP.22 §5.7.6: bppCommandId names the command that failed).
    /// </summary>
    BlameProfileElementsForEverySegment,

    /// <summary>
    /// MANAGE CHANNEL close in its T=0 form, the case 1 header with P3 = '00' (lpac's <c>00 70 80 01 00</c>), is refused
    /// with '6700' instead of closing the channel (ISO/IEC 7816-3 §12.2.2: the TPDU of a case 1 command).
    /// </summary>
    RefuseCloseChannelWithP3,
}
