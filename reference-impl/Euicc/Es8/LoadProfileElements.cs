using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Saip;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es8;

internal static partial class Es8Commands
{
    /// <summary>
    /// EUICCResponse of the profile elements on success (SAIP, automatic tags): peStatus [0] holding one PEStatus
    /// with status ok(0): <c>30 07 A0 05 30 03 80 01 00</c>, the simaResponse of successResult.
    /// </summary>
    public static readonly byte[] SimaResponseOk = Convert.FromHexString("3007A0053003800100");

    /// <summary>
    /// ES8+.LoadProfileElements (§5.5.5) once every '86' is decrypted: the profile package SHALL be a well-formed
    /// SAIP sequence (installFailedDueToPEProcessingError(12) otherwise), and the ICCID of its ProfileHeader SHALL
    /// equal the ICCID of the metadata: installFailedDueToDataMismatch(13) (ErrorReason dataMismatch).
    /// </summary>
    public static void CheckProfile(EuiccCard card, byte[] upp, StoreMetadataRequest metadata)
    {
        const BppCommandId Command = BppCommandId.loadProfileElements;
        ProfilePackage package;
        try
        {
            package = ProfilePackage.Parse(upp);
        }
        catch (SaipException e)
        {
            throw new InstallationFailure(Command, ErrorReason.peProcessingError, e.Message);
        }
        // ICCIDs compare as digit strings: the header codes plain BCD, the metadata swapped-nibble BCD.
        if (package.Iccid != metadata.Iccid.ToString() && !card.Faults.Has(EuiccDefect.AcceptMismatchedIccid))
        {
            throw new InstallationFailure(Command, ErrorReason.dataMismatch, $"ProfileHeader ICCID {package.Iccid}, metadata ICCID {metadata.Iccid}");
        }
    }
}
