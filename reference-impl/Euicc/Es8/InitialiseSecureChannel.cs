using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Euicc.Es8;

/// <summary>The ES8+ commands as the eUICC executes them from the bound profile package (SGP.22 v2.5 §5.5).</summary>
internal static partial class Es8Commands
{
    /// <summary>
    /// ES8+.InitialiseSecureChannel (§5.5.1, key agreement §3.1.3): remoteOpId SHALL be installBoundProfilePackage(1)
    /// (unsupportedRemoteOperationType); the CRT SHALL give keyType '88' and keyLen '10' (unsupportedCrtValues);
    /// transactionId SHALL be the session's (invalidTransactionId); smdpSign SHALL verify with PK.DPpb.ECDSA over
    /// the four data objects followed by <c>5F49</c> otPK.EUICC.ECKA (invalidSignature). Then ShS = ECKA(otSK.EUICC,
    /// otPK.DP) and the session keys are derived with the CRT's hostId and the EID; the BSP instance starts.
    /// </summary>
    public static ISegmentProtection InitialiseSecureChannel(EuiccCard card, RspSession session, InitialiseSecureChannelRequest request)
    {
        const BppCommandId Command = BppCommandId.initialiseSecureChannel;
        if (request.RemoteOpId != InitialiseSecureChannelRequest.InstallBoundProfilePackage)
        {
            throw new InstallationFailure(Command, ErrorReason.unsupportedRemoteOperationType, $"remoteOpId {request.RemoteOpId}");
        }
        ControlRefTemplate crt = request.ControlRefTemplate;
        if (crt.KeyType != SessionKeyDerivation.KeyTypeAes || crt.KeyLen != SessionKeyDerivation.KeyLength16)
        {
            throw new InstallationFailure(Command, ErrorReason.unsupportedCrtValues, $"keyType {crt.KeyType:X2} keyLen {crt.KeyLen:X2}");
        }
        if (!request.TransactionId.AsSpan().SequenceEqual(session.TransactionId))
        {
            throw new InstallationFailure(Command, ErrorReason.invalidTransactionId, "not the transactionId of the RSP session");
        }
        OneTimeKeyPair otk = session.EuiccOtk!;
        byte[] signed = request.DataToBeSigned(otk.PublicPoint);
        if (!card.Options.Ecdsa.Verify(session.DpPb!.PublicKey!, signed, request.SmdpSign))
        {
            throw new InstallationFailure(Command, ErrorReason.invalidSignature, "smdpSign does not verify with CERT.DPpb.ECDSA");
        }
        ECPublicKeyParameters smdpOtpk;
        try
        {
            smdpOtpk = EcKeys.PublicKeyFromUncompressedPoint(otk.Curve, request.SmdpOtpk, "otPK.DP.ECKA");
        }
        catch (EcFormatException e)
        {
            throw new InstallationFailure(Command, ErrorReason.incorrectInputValues, e.Message);
        }
        byte[] shared = OpenSslEcka.Fastest.SharedSecret(otk.Private, smdpOtpk);
        SessionKeys keys = SessionKeyDerivation.Derive(shared, crt.HostId, card.Identity.EidBytes, crt.KeyType, crt.KeyLen);
        return card.Faults.Has(EuiccDefect.AcceptBadBspMac) ? new UncheckedBsp(keys)
            : new CheckedBsp(new BspInstance(keys) { EnforceSegmentLimit = !card.Options.AcceptOversizedSegments });
    }

    /// <summary>
    /// A refused BSP segment: a MAC that does not verify is scp03tSecurityError(8); a malformed, oversized,
    /// wrongly tagged or wrongly padded segment is scp03tStructureError(7).
    /// </summary>
    public static InstallationFailure BspFailure(BppCommandId command, BspException e) =>
        new(command, e.Reason == BspError.MacMismatch ? ErrorReason.scp03tSecurityError : ErrorReason.scp03tStructureError, e.Message);
}
