using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Adapters.Bpp;

/// <summary>
/// The checks of InitialiseSecureChannelRequest (SGP.22 v2.5 §5.5.1) as the eUICC makes them, and the session
/// keys the eUICC then derives (ECKA of §3.1.3 with otSK.EUICC.ECKA and smdpOtpk, KDF of §2.6.4).
/// </summary>
internal static class SecureChannelChecks
{
    private const string Seq = "BF23";

    /// <summary>Checks every field; returns the session keys, or null when the eUICC could not derive them.</summary>
    public static SessionKeys? Check(InitialiseSecureChannelRequest iscr, BppVerificationInput input, BppFindings f)
    {
        // remoteOpId: "This value SHALL be set to installBoundProfilePackage".
        if (iscr.RemoteOpId != InitialiseSecureChannelRequest.InstallBoundProfilePackage)
        {
            f.Fail(new(BppRule.RemoteOpId, $"remoteOpId is {iscr.RemoteOpId}, not installBoundProfilePackage(1)", "1", iscr.RemoteOpId.ToString(System.Globalization.CultureInfo.InvariantCulture), Seq));
        }
        else
        {
            f.Pass("remoteOpId installBoundProfilePackage(1)");
        }
        // transactionId: the TransactionID of the RSP session.
        if (!iscr.TransactionId.AsSpan().SequenceEqual(input.TransactionId))
        {
            f.Fail(new(BppRule.TransactionId, "the transactionId of InitialiseSecureChannel is not the session's",
                Convert.ToHexString(input.TransactionId), Convert.ToHexString(iscr.TransactionId), Seq));
        }
        else
        {
            f.Pass($"transactionId {Convert.ToHexString(iscr.TransactionId)} is the session's");
        }
        ControlRefTemplate crt = iscr.ControlRefTemplate;
        bool crtOk = crt.KeyType == SessionKeyDerivation.KeyTypeAes && crt.KeyLen == SessionKeyDerivation.KeyLength16;
        if (!crtOk)
        {
            f.Fail(new(BppRule.ControlRefTemplate, $"controlRefTemplate keyType {crt.KeyType:X2} keyLen {crt.KeyLen:X2}, expected keyType 88 (AES) keyLen 10",
                "keyType 88, keyLen 10", $"keyType {crt.KeyType:X2}, keyLen {crt.KeyLen:X2}", Seq));
        }
        else
        {
            f.Pass($"controlRefTemplate keyType 88 keyLen 10 hostId {Convert.ToHexString(crt.HostId)}");
        }
        ECPublicKeyParameters? otpk = SmdpOtpk(iscr, input.EuiccOtk.Curve, f);
        SmdpSign(iscr, input, f);
        if (!crtOk || otpk is null)
        {
            f.Skip("segments not verified: the eUICC cannot derive session keys from this InitialiseSecureChannel");
            return null;
        }
        byte[] shs = BouncyCastleEcka.Instance.SharedSecret(input.EuiccOtk.Private, otpk);
        return SessionKeyDerivation.Derive(shs, crt.HostId, input.Eid, crt.KeyType, crt.KeyLen);
    }

    private static ECPublicKeyParameters? SmdpOtpk(InitialiseSecureChannelRequest iscr, RspCurve curve, BppFindings f)
    {
        try
        {
            ECPublicKeyParameters key = EcKeys.PublicKeyFromUncompressedPoint(curve, iscr.SmdpOtpk, "otPK.DP.ECKA");
            f.Pass($"smdpOtpk is a point of {curve}");
            return key;
        }
        catch (EcFormatException e)
        {
            f.Fail(new(BppRule.SmdpOtpk, $"smdpOtpk is not a point of {curve}: {e.Message}", $"04||X||Y on {curve}", Convert.ToHexString(iscr.SmdpOtpk), Seq));
            return null;
        }
    }

    private static void SmdpSign(InitialiseSecureChannelRequest iscr, BppVerificationInput input, BppFindings f)
    {
        ECPublicKeyParameters? dpPb = input.DpPb.PublicKey;
        if (dpPb is null)
        {
            f.Skip("smdpSign not verified: CERT.DPpb.ECDSA has no EC public key");
            return;
        }
        // smdpSign: computed over the data objects above, followed by otPK.EUICC.ECKA (tag 5F49).
        if (DotNetEcdsa.Instance.Verify(dpPb, iscr.DataToBeSigned(input.EuiccOtk.PublicPoint), iscr.SmdpSign))
        {
            f.Pass("smdpSign verifies with CERT.DPpb.ECDSA over the four data objects and 5F49 otPK.EUICC.ECKA");
            return;
        }
        string why = DotNetEcdsa.Instance.Verify(dpPb, iscr.SignedDataObjectsOrEncoded(), iscr.SmdpSign)
            ? "smdpSign is computed over the four data objects without otPK.EUICC.ECKA (5F49)"
            : "smdpSign does not verify with CERT.DPpb.ECDSA";
        f.Fail(new(BppRule.SmdpSign, why, "signature over remoteOpId, transactionId, controlRefTemplate, smdpOtpk || 5F49 otPK.EUICC.ECKA",
            Convert.ToHexString(iscr.SmdpSign), Seq));
    }
}
