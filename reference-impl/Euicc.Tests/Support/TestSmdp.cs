using System.Security.Cryptography;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Saip;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Support;

/// <summary>What the test SM-DP+ puts in a bound profile package, and how it breaks it on purpose.</summary>
public sealed record BppSpec
{
    public string Iccid { get; init; } = "89000123456789012341";

    /// <summary>The ICCID of the SAIP ProfileHeader (the metadata's when null).</summary>
    public string? HeaderIccid { get; init; }

    public int ProfileSize { get; init; } = 2500;

    /// <summary>Send ReplaceSessionKeys (secondSequenceOf87) and protect the profile with PPKs.</summary>
    public bool UsePpk { get; init; }

    /// <summary>Split the StoreMetadataRequest over this many '88' segments.</summary>
    public int MetadataSegments { get; init; } = 1;

    public ProfileClass? ProfileClass { get; init; }

    public NamedBitList? ProfilePolicyRules { get; init; }

    public OperatorId? ProfileOwner { get; init; } = new([0x32, 0xF4, 0x10]);

    /// <summary>notificationConfigurationInfo: every event to notifications.example.com by default.</summary>
    public IReadOnlyList<NotificationConfigurationInformation>? Nci { get; init; } =
    [
        new(NamedBitList.Of(NotificationEvent.notificationInstall, NotificationEvent.notificationEnable,
            NotificationEvent.notificationDisable, NotificationEvent.notificationDelete), "notifications.example.com"),
    ];

    public int RemoteOpId { get; init; } = 1;

    public byte KeyType { get; init; } = 0x88;

    public byte KeyLen { get; init; } = 0x10;

    /// <summary>The transactionId of InitialiseSecureChannel (the session's when null).</summary>
    public byte[]? IscTransactionId { get; init; }

    public bool CorruptSmdpSign { get; init; }

    /// <summary>The first '86' carries more than 1020 bytes.</summary>
    public bool OversizedSegment { get; init; }
}

/// <summary>A bound profile package as the LPA sends it, with where each part sits in <see cref="Chunks"/>.</summary>
public sealed record BuiltBpp(List<byte[]> Chunks, int First88, int Count88, int? A2, int First86, byte[] Metadata);

/// <summary>
/// A small SM-DP+ built from the protocol core, for driving the eUICC: signs serverSigned1 with the DPauth key,
/// smdpSigned2 with the DPpb key, and builds bound profile packages with BspInstance, ProfileSegmentation and
/// SyntheticProfile (SGP.22 v2.5 §3.1.2, §3.1.3, §5.5).
/// </summary>
public sealed class TestSmdp(CurvePki pki)
{
    public const string Address = "testsmdpplus1.example.com";

    public CurvePki Pki { get; } = pki;

    public byte[] TransactionId { get; set; } = RandomNumberGenerator.GetBytes(16);

    public byte[] ServerChallenge { get; } = RandomNumberGenerator.GetBytes(16);

    public IssuedCertificate DpAuth { get; set; } = pki.DpAuth;

    public IssuedCertificate DpPb { get; set; } = pki.DpPb;

    public static DeviceInfo Device => new([0x35, 0x29, 0x06, 0x11], new DeviceCapabilities { EutranEpcSupportedRelease = new VersionType(15, 0, 0) });

    /// <summary>The AuthenticateServerRequest for <paramref name="euiccChallenge"/> (the LPA adds ctxParams1).</summary>
    public AuthenticateServerRequest AuthenticateServer(byte[] euiccChallenge, string? matchingId = "MATCHING-ID-1", byte[]? ciPkid = null,
        string address = Address, bool corruptSignature = false)
    {
        var signed = new ServerSigned1(TransactionId, euiccChallenge, address, ServerChallenge);
        byte[] signature = BouncyCastleEcdsa.Instance.Sign(DpAuth.RequirePrivateKey(), signed.Encode());
        if (corruptSignature)
        {
            signature[5] ^= 0x40;
        }
        var ctx = CtxParams1.Common(new CtxParamsForCommonAuthentication(matchingId, Device));
        return new AuthenticateServerRequest(signed, signature, ciPkid ?? Pki.Ci.Certificate.SubjectKeyIdentifier!, DpAuth.Certificate.Der, ctx);
    }

    /// <summary>The PrepareDownloadRequest: smdpSignature2 over smdpSigned2 || 5F37 euiccSignature1.</summary>
    public PrepareDownloadRequest PrepareDownload(byte[] euiccSignature1, bool ccRequired = false, byte[]? hashCc = null,
        byte[]? bppEuiccOtpk = null, byte[]? transactionId = null, bool corruptSignature = false)
    {
        var signed = new SmdpSigned2(transactionId ?? TransactionId, ccRequired, bppEuiccOtpk);
        byte[] data = [.. signed.Encode(), .. SignatureTlv(euiccSignature1)];
        byte[] signature = BouncyCastleEcdsa.Instance.Sign(DpPb.RequirePrivateKey(), data);
        if (corruptSignature)
        {
            signature[7] ^= 0x01;
        }
        return new PrepareDownloadRequest(signed, signature, hashCc, DpPb.Certificate.Der);
    }

    public static byte[] SignatureTlv(byte[] signature) => [0x5F, 0x37, (byte)signature.Length, .. signature];

    /// <summary>hashCc = SHA256(SHA256(CC) || transactionId) (SGP.22 v2.5 §3.1.3).</summary>
    public byte[] HashCc(string confirmationCode) =>
        SHA256.HashData([.. SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(confirmationCode)), .. TransactionId]);

    public StoreMetadataRequest Metadata(BppSpec spec) => new(Iccid.FromString(spec.Iccid), "Conformance Operator", "Test profile " + spec.Iccid)
    {
        ProfileClass = spec.ProfileClass,
        NotificationConfigurationInfo = spec.Nci,
        ProfileOwner = spec.ProfileOwner,
        ProfilePolicyRules = spec.ProfilePolicyRules,
    };

    /// <summary>Builds the bound profile package for the eUICC's otPK.EUICC.ECKA.</summary>
    public BuiltBpp Bpp(byte[] euiccOtpk, BppSpec? spec = null)
    {
        spec ??= new BppSpec();
        OneTimeKeyPair dpOtk = OneTimeKeyPair.Generate(Pki.Curve);
        var crt = new ControlRefTemplate(spec.KeyType, spec.KeyLen, [0x01, 0x02, 0x03, 0x04]);
        var unsigned = new InitialiseSecureChannelRequest(spec.RemoteOpId, spec.IscTransactionId ?? TransactionId, crt, dpOtk.PublicPoint, []);
        byte[] smdpSign = BouncyCastleEcdsa.Instance.Sign(DpPb.RequirePrivateKey(), unsigned.DataToBeSigned(euiccOtpk));
        if (spec.CorruptSmdpSign)
        {
            smdpSign[3] ^= 0x10;
        }
        InitialiseSecureChannelRequest iscr = unsigned with { SmdpSign = smdpSign };

        ECPublicKeyParametersFor(euiccOtpk, out var euiccPublic);
        byte[] shared = BouncyCastleEcka.Instance.SharedSecret(dpOtk.Private, euiccPublic);
        SessionKeys keys = SessionKeyDerivation.Derive(shared, crt.HostId, Convert.FromHexString(TestCard.Identity.Eid));
        using var bsp = new BspInstance(keys) { EnforceSegmentLimit = !spec.OversizedSegment };

        byte[] configure = bsp.EncryptAndMac(BspTags.Encrypted87, new ConfigureISDPRequest(new DpProprietaryData("2.999.10")).Encode());
        byte[] metadata = Metadata(spec).Encode();
        var seq88 = new List<ReadOnlyMemory<byte>>();
        int part = (metadata.Length + spec.MetadataSegments - 1) / spec.MetadataSegments;
        for (int at = 0; at < metadata.Length; at += part)
        {
            seq88.Add(bsp.MacOnly(BspTags.MacOnly88, metadata.AsSpan(at, Math.Min(part, metadata.Length - at))));
        }
        List<ReadOnlyMemory<byte>>? second87 = null;
        BspInstance profileBsp = bsp;
        if (spec.UsePpk)
        {
            var ppk = new SessionKeys(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16));
            var rsk = new ReplaceSessionKeysRequest(ppk.InitialMacChainingValue, ppk.SEnc, ppk.SMac);
            second87 = [bsp.EncryptAndMac(BspTags.Encrypted87, rsk.Encode())];
            profileBsp = bsp.ReplaceSessionKeys(ppk);
        }
        byte[] profile = SyntheticProfile.Build(spec.HeaderIccid ?? spec.Iccid, minimumSize: spec.ProfileSize);
        var seq86 = new List<ReadOnlyMemory<byte>>();
        if (spec.OversizedSegment)
        {
            seq86.Add(profileBsp.EncryptAndMac(BspTags.ProfileElements, profile.AsSpan(0, 1100)));
            seq86.AddRange(ProfileSegmentation.Protect(profileBsp, profile.AsSpan(1100)).Select(s => (ReadOnlyMemory<byte>)s));
        }
        else
        {
            seq86.AddRange(ProfileSegmentation.Protect(profileBsp, profile).Select(s => (ReadOnlyMemory<byte>)s));
        }
        var bpp = new BoundProfilePackage(iscr, [configure], seq88, second87, seq86);
        List<byte[]> chunks = [.. bpp.ToLpaChunks()];
        int first88 = 3;
        int? a2 = spec.UsePpk ? first88 + seq88.Count : null;
        int first86 = first88 + seq88.Count + (spec.UsePpk ? 1 : 0) + 1;
        return new BuiltBpp(chunks, first88, seq88.Count, a2, first86, metadata);
    }

    private void ECPublicKeyParametersFor(byte[] point, out Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters key) =>
        key = EcKeys.PublicKeyFromUncompressedPoint(Pki.Curve, point);
}
