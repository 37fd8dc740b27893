namespace Conformance.Euicc.Faults;

/// <summary>
/// Named fault injections of the emulated eUICC, for negative tests of an SM-DP+ (DESIGN.md §1): the card
/// follows SGP.22 except for the one thing the fault names, so the SM-DP+ under test must refuse it with the
/// status code SGP.23 expects. All are off by default; they are set in <see cref="EuiccFaultOptions"/>.
/// The certificate faults present the negative variants <c>TestPkiGenerator</c> produces (Negative/ folder).
/// </summary>
public enum EuiccFault
{
    /// <summary>euiccSignature1 (AuthenticateServer) does not verify: SM-DP+ answers 8.1/6.1.</summary>
    InvalidEuiccSignature1,

    /// <summary>euiccSignature2 (PrepareDownload) does not verify: GetBoundProfilePackage answers 8.1/6.1.</summary>
    InvalidEuiccSignature2,

    /// <summary>CERT.EUICC.ECDSA is expired (PkiItem.ExpiredEuicc): 8.1.3/6.3.</summary>
    ExpiredEuiccCertificate,

    /// <summary>CERT.EUM.ECDSA is expired (PkiItem.ExpiredEum, with PkiItem.EuiccUnderExpiredEum): 8.1.2/6.3.</summary>
    ExpiredEumCertificate,

    /// <summary>The eUICC certificate was signed by another EUM than the one presented (PkiItem.EuiccSignedByOtherEum): 8.1.3/6.1.</summary>
    EuiccFromForeignEum,

    /// <summary>eUICC and EUM certificates chain to a CI the SM-DP+ does not know (PkiItem.EuiccUnderUnknownCi): 8.11.1/3.9.</summary>
    CertificatesUnderUnknownCi,

    /// <summary>The EID of the eUICC certificate is outside the EUM's permitted range (PkiItem.EuiccEidOutsideRange): 8.1.4/6.1.</summary>
    EidOutsideEumRange,

    /// <summary>GetEID (ES10c.GetEID) reports <see cref="EuiccFaultOptions.OtherEid"/> instead of the certificate's EID.</summary>
    ReportAnotherEid,

    /// <summary>PrepareDownload reuses the previous otPK.EUICC.ECKA even when the SM-DP+ did not ask for it (no or another bppEuiccOtpk).</summary>
    ReusePreviousOtpk,

    /// <summary>PrepareDownload generates a new otPK.EUICC.ECKA even when bppEuiccOtpk asks to reuse the stored one.</summary>
    ChangeOtpk,

    /// <summary>
    /// LoadBoundProfilePackage ends with the ProfileInstallationResult error of <see cref="EuiccFaultOptions.ForcedBppCommandId"/>
    /// and <see cref="EuiccFaultOptions.ForcedErrorReason"/> after the whole BPP was received (nothing is installed).
    /// </summary>
    ProfileInstallationResultError,
}
