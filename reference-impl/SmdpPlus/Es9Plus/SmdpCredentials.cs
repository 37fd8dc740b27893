using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Crypto;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>A certificate with its private key imported once (CERT.DPauth.ECDSA or CERT.DPpb.ECDSA).</summary>
public sealed record SigningCredential(RspCertificate Certificate, PooledEcdsa Key)
{
    public static SigningCredential? From(IssuedCertificate? issued) =>
        issued?.PrivateKey is { } key ? new SigningCredential(issued.Certificate, new PooledEcdsa(OpenSslKeys.Private(key))) : null;
}

/// <summary>
/// The SM-DP+ certificates under one CI (one curve): CERT.DPauth.ECDSA and CERT.DPpb.ECDSA with their keys, and
/// the variants the named faults send (expired, issued by an unknown CI) when the PKI has them.
/// </summary>
public sealed record CiCredentials(RspCertificate Ci, RspCurve Curve, SigningCredential DpAuth, SigningCredential DpPb)
{
    /// <summary>The CI's subjectKeyIdentifier: its PKId in euiccCiPKIdList*.</summary>
    public byte[] PkId => Ci.SubjectKeyIdentifier!;

    public SigningCredential? ExpiredDpAuth { get; init; }
    public SigningCredential? ExpiredDpPb { get; init; }
    public SigningCredential? UnknownCiDpAuth { get; init; }
    public SigningCredential? UnknownCiDpPb { get; init; }
}

/// <summary>
/// What the SM-DP+ signs with and trusts (SGP.22 v2.5 §4.5): per CI its DPauth/DPpb credentials, and the CI
/// certificates trusted for eUICC chains. Keys are imported once; certificates are parsed once.
/// </summary>
public sealed class SmdpCredentials : IDisposable
{
    private readonly List<CiCredentials> _byCi;

    private SmdpCredentials(List<CiCredentials> byCi, IReadOnlyList<RspCertificate> trusted)
    {
        _byCi = byCi;
        TrustedCis = trusted;
        Validator = new RspCertificateValidator(trusted);
    }

    /// <summary>Every CI trusted for eUICC and EUM chains.</summary>
    public IReadOnlyList<RspCertificate> TrustedCis { get; }

    public RspCertificateValidator Validator { get; }

    public IReadOnlyList<CiCredentials> ByCi => _byCi;

    /// <summary>The credentials under the CI with this PKId, or null when the SM-DP+ has no DPauth under it.</summary>
    public CiCredentials? ForPkId(ReadOnlySpan<byte> pkId)
    {
        foreach (CiCredentials c in _byCi)
        {
            if (pkId.SequenceEqual(c.PkId))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>True when the CI with this PKId is trusted (with or without SM-DP+ credentials under it).</summary>
    public bool Trusts(ReadOnlySpan<byte> pkId) => Validator.CiForPkid(pkId) is not null;

    /// <summary>Builds the credentials of every curve of <paramref name="pki"/>; <paramref name="additionalCis"/> are trusted only.</summary>
    public static SmdpCredentials From(TestPki pki, IEnumerable<RspCertificate>? additionalCis = null)
    {
        var byCi = new List<CiCredentials>();
        foreach (CurvePki c in pki.Curves)
        {
            SigningCredential dpAuth = SigningCredential.From(c.DpAuth)
                ?? throw new InvalidOperationException($"the {c.Curve.ShortName()} PKI has no private key for CERT.DPauth");
            SigningCredential dpPb = SigningCredential.From(c.DpPb)
                ?? throw new InvalidOperationException($"the {c.Curve.ShortName()} PKI has no private key for CERT.DPpb");
            if (c.Ci.Certificate.SubjectKeyIdentifier is null)
            {
                throw new InvalidOperationException($"the {c.Curve.ShortName()} CI has no subjectKeyIdentifier (PKId)");
            }
            byCi.Add(new CiCredentials(c.Ci.Certificate, c.Curve, dpAuth, dpPb)
            {
                ExpiredDpAuth = SigningCredential.From(c.Items.GetValueOrDefault(PkiItem.DpAuthExpired)),
                ExpiredDpPb = SigningCredential.From(c.Items.GetValueOrDefault(PkiItem.DpPbExpired)),
                UnknownCiDpAuth = SigningCredential.From(c.Items.GetValueOrDefault(PkiItem.DpAuthUnderUnknownCi)),
                UnknownCiDpPb = SigningCredential.From(c.Items.GetValueOrDefault(PkiItem.DpPbUnderUnknownCi)),
            });
        }
        var trusted = byCi.Select(c => c.Ci).Concat(additionalCis ?? []).ToList();
        return new SmdpCredentials(byCi, trusted);
    }

    private static readonly Lazy<TestPki> DefaultPki = new(() => TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true }));

    /// <summary>The deterministic test PKI (seed 1, both curves, loopback SANs) used when no PKI is configured.</summary>
    public static TestPki GeneratedDefault => DefaultPki.Value;

    public void Dispose()
    {
        foreach (CiCredentials c in _byCi)
        {
            foreach (SigningCredential? s in new[] { c.DpAuth, c.DpPb, c.ExpiredDpAuth, c.ExpiredDpPb, c.UnknownCiDpAuth, c.UnknownCiDpPb })
            {
                s?.Key.Dispose();
            }
        }
    }
}
