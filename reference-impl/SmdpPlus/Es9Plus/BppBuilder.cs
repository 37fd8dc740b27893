using System.Security.Cryptography;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.SmdpPlus.Crypto;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>What one binding needs (SGP.22 v2.5 §2.5.4, §3.1.3.3, §5.5).</summary>
public sealed record BppInput(
    byte[] TransactionId,
    RspCurve Curve,
    SigningCredential DpPb,
    byte[] OtPkEuicc,
    byte[] Eid,
    byte[] BppMetadata,
    byte[] Upp,
    byte[]? ReusedOtSkDp = null,
    byte[]? ReusedPpk = null);

/// <summary>One binding: the BPP and the secrets a retry may reuse.</summary>
public sealed record BppOutput(byte[] BoundProfilePackage, byte[] OtSkDp, byte[] OtPkDp, byte[] SessionKeys, byte[]? Ppk);

/// <summary>
/// Binds a profile package to one eUICC (SGP.22 v2.5 §2.5.4, §2.6.4, §3.1.3.3, ES8+ §5.5): otPK.DP.ECKA (fresh, or
/// the one of an earlier binding when the eUICC reuses its otPK.EUICC.ECKA), ECKA with otPK.EUICC.ECKA, the X9.63
/// KDF into S-ENC / S-MAC / initial MCV, InitialiseSecureChannel signed with SK.DPpb, ConfigureISDP in '87',
/// StoreMetadata MAC-only in '88' (split when large), optional ReplaceSessionKeys with random PPKs in
/// secondSequenceOf87, and the profile in '86' segments of at most 1020 bytes. Faults and defects of
/// <see cref="SmdpOptions"/> act here.
/// </summary>
public sealed class BppBuilder(SmdpOptions options)
{
    /// <summary>Plain bytes per segment of the "oversized" fault and defect: 1100 + padding + MAC &gt; 1020.</summary>
    public const int OversizedChunk = 1100;

    private bool Fault(SmdpFault f) => options.Faults.Contains(f);

    private bool Defect(SmdpDefect d) => options.Defects.Contains(d);

    /// <summary>Builds the BPP. Throws <see cref="CryptographicException"/> when otPK.EUICC.ECKA is not a point of the curve.</summary>
    public BppOutput Build(BppInput input)
    {
        (byte[] otSkDp, byte[] otPkDp, byte[] shs) = Agree(input);
        SessionKeys keys = SessionKeyDerivation.Derive(shs, options.HostId, input.Eid);

        InitialiseSecureChannelRequest iscr = SecureChannel(input, otPkDp);
        bool oversized = Fault(SmdpFault.OversizedBppSegment) || Defect(SmdpDefect.OversizedProfileSegment);
        using var bsp = new BspInstance(keys) { EnforceSegmentLimit = !oversized };

        // ConfigureISDP (§5.5.2) carries the SM-DP+ OID in dpProprietaryData.
        byte[] configureIsdp = new ConfigureISDPRequest(new DpProprietaryData(options.SmdpOid)).Encode();
        List<ReadOnlyMemory<byte>> first87 = Fault(SmdpFault.MissingConfigureIsdp) ? [] : [bsp.EncryptAndMac(BspTags.Encrypted87, configureIsdp)];

        // StoreMetadata (§5.5.3) is MAC-only; a metadata larger than one segment is split over several '88'.
        int piece = Math.Clamp(options.MetadataSegmentSize, 1, BspInstance.MaxPlainLength(encrypted: false));
        var seq88 = new List<ReadOnlyMemory<byte>>();
        for (int at = 0; at < input.BppMetadata.Length; at += piece)
        {
            seq88.Add(bsp.MacOnly(BspTags.MacOnly88, input.BppMetadata.AsSpan(at, Math.Min(piece, input.BppMetadata.Length - at))));
        }

        List<ReadOnlyMemory<byte>>? second87 = null;
        byte[]? ppk = null;
        BspInstance profileBsp = bsp;
        SessionKeys profileKeys = keys;
        if (options.UseProfileProtectionKeys)
        {
            // ReplaceSessionKeys (§5.5.4): fresh random PPK-ENC, PPK-MAC and initial MCV per binding.
            ppk = input.ReusedPpk ?? RandomNumberGenerator.GetBytes(48);
            var ppkKeys = new SessionKeys(ppk[16..32], ppk[32..48], ppk[..16]);
            var rsk = new ReplaceSessionKeysRequest(ppkKeys.InitialMacChainingValue, ppkKeys.SEnc, ppkKeys.SMac);
            second87 = [bsp.EncryptAndMac(BspTags.Encrypted87, rsk.Encode())];
            profileBsp = bsp.ReplaceSessionKeys(ppkKeys);
            profileKeys = ppkKeys;
        }

        List<byte[]> seq86;
        try
        {
            seq86 = ProfileSegments(profileBsp, profileKeys, input.Upp, oversized);
        }
        finally
        {
            if (!ReferenceEquals(profileBsp, bsp))
            {
                profileBsp.Dispose();
            }
        }
        ApplySegmentFaults(seq86);
        CorruptMac(SmdpFault.CorruptedConfigureIsdpMac, first87);
        CorruptMac(SmdpFault.CorruptedStoreMetadataMac, seq88);
        CorruptMac(SmdpFault.CorruptedReplaceSessionKeysMac, second87);

        var bpp = new BoundProfilePackage(iscr, first87, seq88, second87, seq86.Select(s => (ReadOnlyMemory<byte>)s).ToList());
        byte[] sessionKeys = [.. keys.InitialMacChainingValue, .. keys.SEnc, .. keys.SMac];
        return new BppOutput(bpp.Encode(), otSkDp, otPkDp, sessionKeys, ppk);
    }

    /// <summary>
    /// otSK.DP.ECKA (fresh, or the one reused for a retry), otPK.DP.ECKA and ShS with otPK.EUICC.ECKA (§3.1.3.3);
    /// through OpenSSL directly where it can be called (<see cref="OpenSslEc"/>: a third of .NET's cost), else .NET.
    /// </summary>
    internal static (byte[] OtSk, byte[] OtPk, byte[] ShS) Agree(BppInput input)
    {
        if (OpenSslEc.IsAvailable)
        {
            (byte[] d, byte[] q) = input.ReusedOtSkDp is { } reused
                ? (reused, OpenSslEc.PublicPoint(input.Curve, reused))
                : OpenSslEc.GenerateKeyPair(input.Curve);
            return (d, q, OpenSslEc.SharedSecret(input.Curve, d, input.OtPkEuicc));
        }
        return AgreeThroughDotNet(input);
    }

    /// <summary>The same through .NET's <see cref="ECDiffieHellman"/>, where libcrypto cannot be called directly.</summary>
    internal static (byte[] OtSk, byte[] OtPk, byte[] ShS) AgreeThroughDotNet(BppInput input)
    {
        ECCurve curve = OpenSslKeys.Curve(input.Curve);
        using ECDiffieHellman own = input.ReusedOtSkDp is null ? ECDiffieHellman.Create(curve) : ECDiffieHellman.Create(new ECParameters { Curve = curve, D = input.ReusedOtSkDp });
        ECParameters ownParameters = own.ExportParameters(true);
        ECParameters otherParameters;
        try
        {
            otherParameters = OpenSslKeys.FromPoint(input.Curve, input.OtPkEuicc);
        }
        catch (EcFormatException e)
        {
            throw new CryptographicException(e.Message, e);
        }
        using ECDiffieHellman other = ECDiffieHellman.Create(otherParameters);
        using ECDiffieHellmanPublicKey otherKey = other.PublicKey;
        return (ownParameters.D!, OpenSslKeys.Point(ownParameters), own.DeriveRawSecretAgreement(otherKey));
    }

    private InitialiseSecureChannelRequest SecureChannel(BppInput input, byte[] otPkDp)
    {
        // InitialiseSecureChannel (§5.5.1): remoteOpId installBoundProfilePackage(1), CRT keyType '88' (AES),
        // keyLen '10' (16 bytes) and hostId, the transactionId of the RSP session, otPK.DP.ECKA.
        ControlRefTemplate crt = Fault(SmdpFault.UnsupportedCrtValues)
            ? new ControlRefTemplate(0x80, 0x20, options.HostId)
            : new ControlRefTemplate(SessionKeyDerivation.KeyTypeAes, SessionKeyDerivation.KeyLength16, options.HostId);
        int remoteOpId = Fault(SmdpFault.UnknownRemoteOpId) ? 2 : InitialiseSecureChannelRequest.InstallBoundProfilePackage;
        byte[] transactionId = Fault(SmdpFault.WrongTransactionIdInBpp) || Defect(SmdpDefect.TransactionIdInBppNotSession)
            ? RandomNumberGenerator.GetBytes(16)
            : input.TransactionId;
        var iscr = new InitialiseSecureChannelRequest(remoteOpId, transactionId, crt, otPkDp, []);
        // smdpSign: SK.DPpb over the four data objects followed by otPK.EUICC.ECKA (tag 5F49).
        byte[] tbs = Defect(SmdpDefect.SmdpSignOverWrongData) ? iscr.SignedDataObjectsOrEncoded() : iscr.DataToBeSigned(input.OtPkEuicc);
        byte[] sign = input.DpPb.Key.Sign(tbs);
        if (Fault(SmdpFault.InvalidSmdpSignInBpp))
        {
            sign = Tlv.Corrupt(sign, 40);
        }
        return iscr with { SmdpSign = sign };
    }

    private List<byte[]> ProfileSegments(BspInstance bsp, SessionKeys keys, byte[] upp, bool oversized)
    {
        bool restart = Defect(SmdpDefect.RestartMacChainPerSegment);
        bool frozen = Defect(SmdpDefect.FrozenBlockCounter);
        int chunk = oversized ? OversizedChunk : BspInstance.MaxPlainLength(encrypted: true);
        if (restart || frozen)
        {
            var wrong = new DefectiveBsp(keys, bsp.BlockCounter, bsp.MacChainingValue, restart, frozen);
            return Chunks(upp, chunk).Select(c => wrong.EncryptAndMac(BspTags.ProfileElements, c)).ToList();
        }
        if (oversized)
        {
            return Chunks(upp, chunk).Select(c => bsp.EncryptAndMac(BspTags.ProfileElements, c)).ToList();
        }
        return ProfileSegmentation.Protect(bsp, upp).ToList();
    }

    private static IEnumerable<byte[]> Chunks(byte[] data, int size)
    {
        for (int at = 0; at < data.Length; at += size)
        {
            yield return data.AsSpan(at, Math.Min(size, data.Length - at)).ToArray();
        }
    }

    /// <summary>The last byte of the first segment of <paramref name="segments"/> (its MAC) changed, when <paramref name="fault"/> is on.</summary>
    private void CorruptMac(SmdpFault fault, List<ReadOnlyMemory<byte>>? segments)
    {
        if (Fault(fault) && segments is { Count: > 0 })
        {
            segments[0] = Tlv.Corrupt(segments[0].Span, segments[0].Length - 1);
        }
    }

    private void ApplySegmentFaults(List<byte[]> seq86)
    {
        int n = Math.Clamp(options.FaultSegmentIndex, 0, seq86.Count - 1);
        if (Fault(SmdpFault.CorruptedBppMac))
        {
            seq86[n] = Tlv.Corrupt(seq86[n], seq86[n].Length - 1);
        }
        if (Fault(SmdpFault.ReorderedBppSegments) && seq86.Count > 1)
        {
            int m = n + 1 < seq86.Count ? n + 1 : n - 1;
            (seq86[n], seq86[m]) = (seq86[m], seq86[n]);
        }
        if (Fault(SmdpFault.RepeatedBppSegment))
        {
            seq86.Insert(n + 1, seq86[n]);
        }
    }
}
