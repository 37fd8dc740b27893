using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Pki;

/// <summary>What <see cref="TestPkiGenerator"/> produces.</summary>
public sealed record TestPkiOptions
{
    /// <summary>The SGP.26 test eUICC's EID (SGP.23 Annex A #EID1).</summary>
    public const string Sgp26Eid = "89049032123451234512345678901235";

    /// <summary>The SGP.26 test SM-DP+ host.</summary>
    public const string Sgp26SmdpHost = "testsmdpplus1.example.com";

    /// <summary>Same seed, same options: byte-identical certificates and keys.</summary>
    public long Seed { get; init; } = 1;

    public IReadOnlyList<RspCurve> Curves { get; init; } = [RspCurve.NistP256, RspCurve.BrainpoolP256r1];

    /// <summary>The EID of the good eUICC certificate; must lie in <see cref="EidRange"/>.</summary>
    public string Eid { get; init; } = Sgp26Eid;

    /// <summary>The EUM's permitted range (SGP.26: O = RSP Test EUM, serialNumber prefix 89049032).</summary>
    public PermittedEidRange EidRange { get; init; } = new("RSP Conformance Test EUM", "89049032");

    /// <summary>An EID with a valid check digit pair that lies outside <see cref="EidRange"/>.</summary>
    public string OutsideRangeEid { get; init; } = "89033024000000000000000000000194";

    /// <summary>dNSName (and CN) of CERT.DP.TLS.</summary>
    public string TlsHost { get; init; } = Sgp26SmdpHost;

    /// <summary>Adds localhost, 127.0.0.1 and ::1 to CERT.DP.TLS's subjectAltName (for loopback SM-DP+ runs).</summary>
    public bool LoopbackSans { get; init; }

    public bool IncludeNegativeVariants { get; init; } = true;

    public bool IncludeOperator { get; init; } = true;
}

/// <summary>
/// Deterministic test PKI generator: keys from <see cref="SeededKeys"/>, RFC 6979 signatures, fixed
/// serial numbers and dates, so the same <see cref="TestPkiOptions"/> give byte-identical output.
/// Valid certificates run 2020-01-01 .. 2099-12-31; expired variants 2018-01-01 .. 2019-12-31.
/// </summary>
public static class TestPkiGenerator
{
    public static TestPki Generate(TestPkiOptions? options = null)
    {
        options ??= new TestPkiOptions();
        if (!options.EidRange.EidPrefixes.Any(p => options.Eid.StartsWith(p, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"EID {options.Eid} is outside the EUM range {string.Join(",", options.EidRange.EidPrefixes)}", nameof(options));
        }
        // Curves are independent (keys derive from seed, curve and label), so generating them in parallel stays deterministic.
        var curves = options.Curves.Distinct().AsParallel().AsOrdered().Select(c => GenerateCurve(c, options)).ToList();
        return new TestPki(curves, options.IncludeOperator ? GenerateOperator(options.Seed) : null);
    }

    public static CurvePki GenerateCurve(RspCurve curve, TestPkiOptions options)
    {
        var items = new Dictionary<PkiItem, IssuedCertificate>();
        var b = new Builder(curve, options.Seed, items);

        var ci = b.SelfSigned(PkiItem.Ci, RspCertificateProfiles.Ci("Conformance Test CI", Serial(PkiItem.Ci)));
        var range = options.EidRange;
        var eum = b.Issue(PkiItem.Eum, RspCertificateProfiles.Eum(range, "Conformance Test EUM", Serial(PkiItem.Eum)), ci);
        b.Issue(PkiItem.Euicc, RspCertificateProfiles.Euicc(range.Organization, options.Eid, Serial(PkiItem.Euicc)), eum);
        b.Issue(PkiItem.DpAuth, RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, Serial(PkiItem.DpAuth)), ci);
        b.Issue(PkiItem.DpPb, RspCertificateProfiles.SmdpSigning(CertificateRole.DpPb, Serial(PkiItem.DpPb)), ci);
        b.Issue(PkiItem.DpTls, RspCertificateProfiles.DpTls(options.TlsHost, options.LoopbackSans, Serial(PkiItem.DpTls)), ci);

        if (options.IncludeNegativeVariants)
        {
            GenerateNegatives(b, options, ci, eum);
        }
        return new CurvePki(curve, items);
    }

    private static void GenerateNegatives(Builder b, TestPkiOptions options, IssuedCertificate ci, IssuedCertificate eum)
    {
        var range = options.EidRange;
        string org = range.Organization;
        var expiredEum = b.Issue(PkiItem.ExpiredEum, Expired(RspCertificateProfiles.Eum(range, "Expired Test EUM", Serial(PkiItem.ExpiredEum))), ci);
        b.Issue(PkiItem.EuiccUnderExpiredEum, RspCertificateProfiles.Euicc(org, options.Eid, Serial(PkiItem.EuiccUnderExpiredEum)), expiredEum);
        b.Issue(PkiItem.ExpiredEuicc, Expired(RspCertificateProfiles.Euicc(org, options.Eid, Serial(PkiItem.ExpiredEuicc))), eum);

        var otherEum = b.Issue(PkiItem.OtherEum, RspCertificateProfiles.Eum(range, "Other Test EUM", Serial(PkiItem.OtherEum)), ci);
        b.Issue(PkiItem.EuiccSignedByOtherEum, RspCertificateProfiles.Euicc(org, options.Eid, Serial(PkiItem.EuiccSignedByOtherEum)), otherEum);

        var unknownCi = b.SelfSigned(PkiItem.UnknownCi, RspCertificateProfiles.Ci("Unknown Test CI", Serial(PkiItem.UnknownCi)));
        var eumUnknown = b.Issue(PkiItem.EumUnderUnknownCi, RspCertificateProfiles.Eum(range, "Test EUM under unknown CI", Serial(PkiItem.EumUnderUnknownCi)), unknownCi);
        b.Issue(PkiItem.EuiccUnderUnknownCi, RspCertificateProfiles.Euicc(org, options.Eid, Serial(PkiItem.EuiccUnderUnknownCi)), eumUnknown);
        b.Issue(PkiItem.DpAuthUnderUnknownCi, RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, Serial(PkiItem.DpAuthUnderUnknownCi)), unknownCi);
        b.Issue(PkiItem.DpPbUnderUnknownCi, RspCertificateProfiles.SmdpSigning(CertificateRole.DpPb, Serial(PkiItem.DpPbUnderUnknownCi)), unknownCi);

        b.Issue(PkiItem.EuiccEidOutsideRange, RspCertificateProfiles.Euicc(org, options.OutsideRangeEid, Serial(PkiItem.EuiccEidOutsideRange)), eum);

        b.Issue(PkiItem.DpAuthWrongPolicy, RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, Serial(PkiItem.DpAuthWrongPolicy))
            with { Policies = [RspCertificatePolicies.DpPb] }, ci);
        b.Issue(PkiItem.DpPbWrongPolicy, RspCertificateProfiles.SmdpSigning(CertificateRole.DpPb, Serial(PkiItem.DpPbWrongPolicy))
            with { Policies = [RspCertificatePolicies.DpAuth] }, ci);
        b.Issue(PkiItem.DpAuthExpired, Expired(RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, Serial(PkiItem.DpAuthExpired))), ci);
        b.Issue(PkiItem.DpPbExpired, Expired(RspCertificateProfiles.SmdpSigning(CertificateRole.DpPb, Serial(PkiItem.DpPbExpired))), ci);
    }

    /// <summary>The ES2+ operator CA and client certificate, on P-256.</summary>
    public static OperatorPki GenerateOperator(long seed)
    {
        var caKey = SeededKeys.Derive(seed, RspCurve.NistP256, "operator-ca");
        var clientKey = SeededKeys.Derive(seed, RspCurve.NistP256, "operator-client");
        var ca = RspCertificateIssuer.Issue(OperatorCertificateProfiles.Ca(0x0E01), SeededKeys.PublicOf(caKey), null, caKey);
        var client = RspCertificateIssuer.Issue(OperatorCertificateProfiles.Client(0x0E02), SeededKeys.PublicOf(clientKey), ca, caKey);
        return new OperatorPki(ca, caKey, client, clientKey);
    }

    private static CertificateTemplate Expired(CertificateTemplate t) =>
        t with { NotBefore = RspCertificateProfiles.ExpiredFrom, NotAfter = RspCertificateProfiles.ExpiredUntil };

    private static long Serial(PkiItem item) => 0x1000 + (int)item;

    private sealed class Builder(RspCurve curve, long seed, Dictionary<PkiItem, IssuedCertificate> items)
    {
        public IssuedCertificate SelfSigned(PkiItem item, CertificateTemplate template)
        {
            var key = SeededKeys.Derive(seed, curve, item.ToString());
            var cert = RspCertificateIssuer.Issue(template, SeededKeys.PublicOf(key), null, key);
            return Add(item, cert, key);
        }

        public IssuedCertificate Issue(PkiItem item, CertificateTemplate template, IssuedCertificate issuer)
        {
            var key = SeededKeys.Derive(seed, curve, item.ToString());
            var cert = RspCertificateIssuer.Issue(template, SeededKeys.PublicOf(key), issuer.Certificate, issuer.RequirePrivateKey());
            return Add(item, cert, key);
        }

        private IssuedCertificate Add(PkiItem item, RspCertificate cert, ECPrivateKeyParameters key)
        {
            var issued = new IssuedCertificate(item, cert, key);
            items.Add(item, issued);
            return issued;
        }
    }
}
