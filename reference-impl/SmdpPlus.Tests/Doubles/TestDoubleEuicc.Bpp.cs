using System.Security.Cryptography;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Saip;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Crypto;

namespace Conformance.SmdpPlus.Tests.Doubles;

public sealed partial class TestDoubleEuicc
{
    /// <summary>An ISD-P AID for the PIR's successResult.</summary>
    private static readonly byte[] IsdpAid = Convert.FromHexString("A0000005591010FFFFFFFF8900001000");

    /// <summary>
    /// ES10b.LoadBoundProfilePackage (SGP.22 v2.5 §5.7.6, ES8+ §5.5): checks InitialiseSecureChannel, derives the
    /// session keys, verifies and decrypts every segment in order, parses the profile package and answers a
    /// signed ProfileInstallationResult (success, or the BppCommandId and ErrorReason of the first problem).
    /// </summary>
    public byte[] LoadBoundProfilePackage(byte[] boundProfilePackage)
    {
        LastRefusal = null;
        LastInstall = null;
        BppCommandId stage = BppCommandId.initialiseSecureChannel;
        try
        {
            var bpp = BoundProfilePackage.Decode(boundProfilePackage);
            InitialiseSecureChannelRequest iscr = bpp.InitialiseSecureChannelRequest;
            if (iscr.RemoteOpId != InitialiseSecureChannelRequest.InstallBoundProfilePackage)
            {
                return Refuse(stage, ErrorReason.unsupportedRemoteOperationType, $"remoteOpId {iscr.RemoteOpId}");
            }
            if (!iscr.TransactionId.AsSpan().SequenceEqual(_transactionId))
            {
                return Refuse(stage, ErrorReason.invalidTransactionId, "InitialiseSecureChannel carries another transactionId");
            }
            if (iscr.ControlRefTemplate.KeyType != SessionKeyDerivation.KeyTypeAes || iscr.ControlRefTemplate.KeyLen != SessionKeyDerivation.KeyLength16)
            {
                return Refuse(stage, ErrorReason.unsupportedCrtValues, $"CRT keyType {iscr.ControlRefTemplate.KeyType:X2} keyLen {iscr.ControlRefTemplate.KeyLen:X2}");
            }
            byte[] otPk = OpenSslKeys.Point(_otKey!.Value);
            PooledEcdsa? dpPb = _dpPb is null ? null : ServerKey(Rsp.Pki.CertificateRole.DpPb, _dpPb.Der);
            if (dpPb is null || !dpPb.Verify(iscr.DataToBeSigned(otPk), iscr.SmdpSign))
            {
                return Refuse(stage, ErrorReason.invalidSignature, "smdpSign does not verify over the data objects and otPK.EUICC.ECKA");
            }
            using ECDiffieHellman own = ECDiffieHellman.Create(_otKey!.Value);
            using ECDiffieHellman other = ECDiffieHellman.Create(OpenSslKeys.FromPoint(Curve, iscr.SmdpOtpk));
            using ECDiffieHellmanPublicKey otherKey = other.PublicKey;
            SessionKeys keys = SessionKeyDerivation.Derive(own.DeriveRawSecretAgreement(otherKey), iscr.ControlRefTemplate.HostId, Convert.FromHexString(Eid));
            using var bsp = new BspInstance(keys);

            stage = BppCommandId.configureISDP;
            if (bpp.FirstSequenceOf87.Count != 1)
            {
                return Refuse(stage, ErrorReason.scp03tStructureError, $"firstSequenceOf87 has {bpp.FirstSequenceOf87.Count} segment(s), one ConfigureISDP expected");
            }
            var configure = ConfigureISDPRequest.Decode(bsp.VerifyAndDecrypt(BspTags.Encrypted87, bpp.FirstSequenceOf87[0].Span));
            SmdpOid = configure.DpProprietaryData?.DpOid ?? SmdpOid;

            stage = BppCommandId.storeMetadata;
            using var metadata = new MemoryStream();
            foreach (ReadOnlyMemory<byte> segment in bpp.SequenceOf88)
            {
                metadata.Write(bsp.VerifyMacOnly(BspTags.MacOnly88, segment.Span));
            }
            var md = StoreMetadataRequest.Decode(metadata.ToArray());

            BspInstance profileBsp = bsp;
            if (bpp.SecondSequenceOf87 is { Count: > 0 } second)
            {
                stage = BppCommandId.replaceSessionKeys;
                var rsk = ReplaceSessionKeysRequest.Decode(bsp.VerifyAndDecrypt(BspTags.Encrypted87, second[0].Span));
                profileBsp = bsp.ReplaceSessionKeys(new SessionKeys(rsk.PpkEnc, rsk.PpkCmac, rsk.InitialMacChainingValue));
            }

            stage = BppCommandId.loadProfileElements;
            byte[] upp;
            try
            {
                upp = ProfileSegmentation.Unprotect(profileBsp, bpp.SequenceOf86);
            }
            finally
            {
                if (!ReferenceEquals(profileBsp, bsp))
                {
                    profileBsp.Dispose();
                }
            }
            ProfilePackage package = ProfilePackage.Parse(upp);
            // The ICCID of the profile SHALL be the one announced in StoreMetadata.
            if (!string.Equals(package.Iccid, md.Iccid.ToString(), StringComparison.Ordinal))
            {
                return Refuse(stage, ErrorReason.dataMismatch, $"profile ICCID {package.Iccid} differs from StoreMetadata's {md.Iccid}");
            }
            LastInstall = new InstalledProfile(iscr, configure, md, metadata.ToArray(), bpp.SequenceOf88.Count,
                bpp.SecondSequenceOf87 is { Count: > 0 }, upp, package.Iccid);
            return Pir(null, null, md.Iccid);
        }
        catch (BspException e)
        {
            return Refuse(stage, e.Reason == BspError.MacMismatch ? ErrorReason.scp03tSecurityError : ErrorReason.scp03tStructureError, e.Message);
        }
        catch (Exception e) when (e is Asn1DecodeException or SaipException or EcFormatException or CryptographicException or InvalidOperationException)
        {
            return Refuse(stage, stage == BppCommandId.loadProfileElements ? ErrorReason.peProcessingError : ErrorReason.incorrectInputValues, e.Message);
        }
    }

    private byte[] Refuse(BppCommandId command, ErrorReason reason, string why)
    {
        LastRefusal = $"{command}/{reason}: {why}";
        return Pir(command, reason, null);
    }

    private byte[] Pir(BppCommandId? command, ErrorReason? reason, Iccid? iccid)
    {
        var data = new ProfileInstallationResultData(
            _transactionId,
            new NotificationMetadata(++_seqNumber, NamedBitList.Of(NotificationEvent.notificationInstall), _serverAddress, iccid),
            SmdpOid,
            command is null ? new SuccessResult(IsdpAid, [0x30, 0x03, 0x80, 0x01, 0x00]) : null,
            command is { } c ? new ErrorResult(c, reason!.Value) : null);
        return new ProfileInstallationResult(data, Sign(data.Encode())).Encode();
    }
}
