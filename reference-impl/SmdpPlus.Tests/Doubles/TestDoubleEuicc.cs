using System.Collections.Concurrent;
using System.Security.Cryptography;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.SmdpPlus.Tests.Doubles;

/// <summary>
/// A small eUICC test double built from the protocol core (SGP.22 v2.5 §3.1.2–§3.1.3, §5.7.5–§5.7.6, §5.7.13–§5.7.14):
/// it checks the SM-DP+ certificates and signatures, signs euiccSigned1/euiccSigned2, keeps its one-time key for
/// a retry, and verifies, decrypts and "installs" the BPP, answering a signed ProfileInstallationResult. It stands in
/// for the emulated eUICC in the SM-DP+ tests and benchmark. One download at a time per instance (not thread-safe).
/// </summary>
public sealed partial class TestDoubleEuicc : IDownloadEuicc
{
    private static readonly ConcurrentDictionary<string, bool> ValidServerCertificates = new();
    private static readonly ConcurrentDictionary<string, PooledEcdsa> ServerKeys = new();

    private readonly RspCertificateValidator _validator;
    private readonly PooledEcdsa _key;
    private byte[] _challenge = [];
    private byte[] _transactionId = [];
    private string _serverAddress = "";
    private byte[] _smdpSignature2 = [];
    private RspCertificate? _dpPb;
    private ECParameters? _otKey;
    private int _seqNumber;

    public TestDoubleEuicc(RspCertificate euiccCertificate, ECPrivateKeyParameters euiccKey, RspCertificate eumCertificate, IEnumerable<RspCertificate> trustedCis)
    {
        EuiccCertificate = euiccCertificate;
        EumCertificate = eumCertificate;
        _key = new PooledEcdsa(OpenSslKeys.Private(euiccKey));
        _validator = new RspCertificateValidator(trustedCis);
        Curve = euiccCertificate.Curve ?? throw new ArgumentException("the eUICC certificate has no SGP.22 curve", nameof(euiccCertificate));
        Eid = euiccCertificate.SubjectSerialNumber ?? throw new ArgumentException("the eUICC certificate carries no EID", nameof(euiccCertificate));
        CiPkIds = _validator.TrustedCis.Where(c => c.Curve == Curve).Select(c => c.SubjectKeyIdentifier!).ToList();
    }

    /// <summary>The double of the PKI's good eUICC on one curve.</summary>
    public static TestDoubleEuicc For(CurvePki pki) =>
        new(pki.Euicc.Certificate, pki.Euicc.RequirePrivateKey(), pki.Eum.Certificate, [pki.Ci.Certificate]);

    public RspCertificate EuiccCertificate { get; set; }
    public RspCertificate EumCertificate { get; set; }
    public RspCurve Curve { get; }
    public string Eid { get; }

    /// <summary>svn of EUICCInfo1.</summary>
    public VersionType Svn { get; set; } = new(2, 2, 2);

    /// <summary>PKIds announced in euiccCiPKIdListForVerification and ...ForSigning (default: the trusted CIs of its curve).</summary>
    public IReadOnlyList<byte[]> CiPkIds { get; set; }

    /// <summary>PKIds of euiccCiPKIdListForSigning when they differ from <see cref="CiPkIds"/>.</summary>
    public IReadOnlyList<byte[]>? SigningCiPkIds { get; set; }

    /// <summary>Corrupt the next signature this eUICC makes (negative tests of the SM-DP+).</summary>
    public bool CorruptNextSignature { get; set; }

    /// <summary>Reuse the one-time key when the SM-DP+ offers it in bppEuiccOtpk (SGP.22 §3.1.3.2); true by default.</summary>
    public bool ReuseOneTimeKey { get; set; } = true;

    /// <summary>What the last LoadBoundProfilePackage found (profile, metadata, secure channel); null before.</summary>
    public InstalledProfile? LastInstall { get; private set; }

    /// <summary>Why the last ES10b call was refused (null when it succeeded).</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>otPK.EUICC.ECKA of the current binding.</summary>
    public byte[]? OneTimePublicKey => _otKey is { } k ? OpenSslKeys.Point(k) : null;

    public byte[] GetEuiccChallenge() => _challenge = RandomNumberGenerator.GetBytes(16);

    public byte[] GetEuiccInfo1() => new EUICCInfo1(Svn, CiPkIds, SigningCiPkIds ?? CiPkIds).Encode();

    private byte[] Sign(ReadOnlySpan<byte> data)
    {
        byte[] sig = _key.Sign(data);
        if (CorruptNextSignature)
        {
            CorruptNextSignature = false;
            sig[5] ^= 0x01;
        }
        return sig;
    }

    /// <summary>Checks a server certificate against the trusted CIs (cached per certificate) and returns its key, or null.</summary>
    private PooledEcdsa? ServerKey(CertificateRole role, byte[] der)
    {
        string id = role + Convert.ToHexString(SHA256.HashData(der));
        if (!ValidServerCertificates.TryGetValue(id, out bool valid))
        {
            valid = _validator.ValidateServerCertificate(role, der, DateTimeOffset.UtcNow).IsValid;
            if (valid)
            {
                ValidServerCertificates[id] = true;
            }
        }
        if (!valid)
        {
            return null;
        }
        return ServerKeys.GetOrAdd(id, _ => new PooledEcdsa(OpenSslKeys.Public(RspCertificate.Parse(der).PublicKey!)));
    }

    private static EUICCInfo2 Info2(IReadOnlyList<byte[]> verification, IReadOnlyList<byte[]> signing, VersionType svn) => new()
    {
        ProfileVersion = new VersionType(2, 3, 1),
        Svn = svn,
        EuiccFirmwareVer = new VersionType(1, 0, 0),
        ExtCardResource = [0x81, 0x01, 0x00, 0x82, 0x04, 0x00, 0x04, 0x00, 0x00, 0x83, 0x02, 0x22, 0x00],
        UiccCapability = NamedBits<UICCCapability>.From(default),
        RspCapability = NamedBits<RspCapability>.From(RspCapability.additionalProfile),
        EuiccCiPKIdListForVerification = verification,
        EuiccCiPKIdListForSigning = signing,
        PpVersion = new VersionType(1, 0, 0),
        SasAcreditationNumber = "CONFORMANCE-TEST-DOUBLE",
    };
}

/// <summary>What the test double found in a BPP it accepted.</summary>
public sealed record InstalledProfile(
    InitialiseSecureChannelRequest InitialiseSecureChannel,
    ConfigureISDPRequest ConfigureIsdp,
    StoreMetadataRequest Metadata,
    byte[] MetadataDer,
    int MetadataSegments,
    bool ProfileProtectionKeys,
    byte[] ProfilePackage,
    string Iccid);
