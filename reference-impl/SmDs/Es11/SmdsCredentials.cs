using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Es9Plus;

namespace Conformance.SmDs.Es11;

/// <summary>CERT.DSauth.ECDSA with its key under one CI (one curve).</summary>
public sealed record DsAuthCredential(RspCertificate Ci, RspCurve Curve, SigningCredential DsAuth)
{
    /// <summary>The CI's subjectKeyIdentifier: its PKId in euiccCiPKIdList*.</summary>
    public byte[] PkId => Ci.SubjectKeyIdentifier!;
}

/// <summary>
/// What the SM-DS signs ES11 with and trusts (SGP.22 v2.5 §2.6, §4.5): per CI its CERT.DSauth.ECDSA, and the CI
/// certificates trusted for eUICC chains and ES12 callers.
/// </summary>
public sealed class SmdsCredentials : IDisposable
{
    private SmdsCredentials(IReadOnlyList<DsAuthCredential> byCi, IReadOnlyList<RspCertificate> trusted)
    {
        ByCi = byCi;
        Validator = new RspCertificateValidator(trusted);
    }

    public IReadOnlyList<DsAuthCredential> ByCi { get; }

    public RspCertificateValidator Validator { get; }

    public DsAuthCredential? ForPkId(ReadOnlySpan<byte> pkId)
    {
        foreach (DsAuthCredential c in ByCi)
        {
            if (pkId.SequenceEqual(c.PkId))
            {
                return c;
            }
        }
        return null;
    }

    public bool Trusts(ReadOnlySpan<byte> pkId) => Validator.CiForPkid(pkId) is not null;

    /// <summary>The credentials of every curve of <paramref name="pki"/> that has CERT.DSauth with its key; every CI is trusted.</summary>
    public static SmdsCredentials From(TestPki pki)
    {
        var byCi = new List<DsAuthCredential>();
        foreach (CurvePki c in pki.Curves)
        {
            if (SigningCredential.From(c.Items.GetValueOrDefault(PkiItem.DsAuth)) is { } ds && c.Ci.Certificate.SubjectKeyIdentifier is not null)
            {
                byCi.Add(new DsAuthCredential(c.Ci.Certificate, c.Curve, ds));
            }
        }
        if (byCi.Count == 0)
        {
            throw new InvalidOperationException("the PKI has no CERT.DSauth with its private key on any curve: the SM-DS cannot sign ES11");
        }
        return new SmdsCredentials(byCi, [.. pki.Curves.Select(c => c.Ci.Certificate)]);
    }

    public void Dispose()
    {
        foreach (DsAuthCredential c in ByCi)
        {
            c.DsAuth.Key.Dispose();
        }
    }
}
