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

    /// <summary>Adds localhost, 127.0.0.1 and ::1 to CERT.DP.TLS's and CERT.DS.TLS's subjectAltName (for loopback runs).</summary>
    public bool LoopbackSans { get; init; }

    /// <summary>The test SM-DS host (dNSName and CN of CERT.DS.TLS).</summary>
    public const string TestSmdsHost = "testsmds.example.com";

    /// <summary>dNSName (and CN) of CERT.DS.TLS.</summary>
    public string SmdsTlsHost { get; init; } = TestSmdsHost;

    public bool IncludeNegativeVariants { get; init; } = true;

    public bool IncludeOperator { get; init; } = true;
}

/// <summary>What <see cref="TestPkiGenerator.Complete"/> adds to a loaded PKI.</summary>
public sealed record PkiCompletionOptions
{
    /// <summary>Issue CERT.DP.TLS from SK.CI.ECDSA when the set has none (a bundled SM-DP+ serves TLS with it).</summary>
    public bool IssueTls { get; init; }

    public string TlsHost { get; init; } = TestPkiOptions.Sgp26SmdpHost;

    public bool LoopbackSans { get; init; }

    /// <summary>Issue CERT.DSauth and CERT.DS.TLS from SK.CI.ECDSA when the set has none (a bundled SM-DS signs and serves TLS with them).</summary>
    public bool IssueSmds { get; init; }

    public string SmdsTlsHost { get; init; } = TestPkiOptions.TestSmdsHost;

    /// <summary>Issue the negative variants SGP.23 presents (expired, foreign EUM, unknown CI, ...) from the set's keys.</summary>
    public bool DeriveNegatives { get; init; } = true;

    /// <summary>Generate ES2+ operator certificates when the set has none (the bundled SM-DP+ authenticates the operator).</summary>
    public bool IncludeOperator { get; init; }

    /// <summary>Seed of the keys of what is added.</summary>
    public long Seed { get; init; } = 1;
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
        IssueSmds(b, ci, options.SmdsTlsHost, options.LoopbackSans);

        if (options.IncludeNegativeVariants)
        {
            GenerateNegatives(b, options, ci, eum);
        }
        return new CurvePki(curve, items);
    }

    private static void GenerateNegatives(Builder b, TestPkiOptions options, IssuedCertificate ci, IssuedCertificate? eum)
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

        if (!range.EidPrefixes.Any(p => options.OutsideRangeEid.StartsWith(p, StringComparison.Ordinal)))
        {
            b.Issue(PkiItem.EuiccEidOutsideRange, RspCertificateProfiles.Euicc(org, options.OutsideRangeEid, Serial(PkiItem.EuiccEidOutsideRange)), eum);
        }

        b.Issue(PkiItem.DpAuthWrongPolicy, RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, Serial(PkiItem.DpAuthWrongPolicy))
            with { Policies = [RspCertificatePolicies.DpPb] }, ci);
        b.Issue(PkiItem.DpPbWrongPolicy, RspCertificateProfiles.SmdpSigning(CertificateRole.DpPb, Serial(PkiItem.DpPbWrongPolicy))
            with { Policies = [RspCertificatePolicies.DpAuth] }, ci);
        b.Issue(PkiItem.DpAuthExpired, Expired(RspCertificateProfiles.SmdpSigning(CertificateRole.DpAuth, Serial(PkiItem.DpAuthExpired))), ci);
        b.Issue(PkiItem.DpPbExpired, Expired(RspCertificateProfiles.SmdpSigning(CertificateRole.DpPb, Serial(PkiItem.DpPbExpired))), ci);
        b.Issue(PkiItem.DsAuthWrongPolicy, RspCertificateProfiles.SmdsSigning(Serial(PkiItem.DsAuthWrongPolicy))
            with { Policies = [RspCertificatePolicies.DpAuth] }, ci);
        b.Issue(PkiItem.DsAuthExpired, Expired(RspCertificateProfiles.SmdsSigning(Serial(PkiItem.DsAuthExpired))), ci);
    }

    /// <summary>CERT.DSauth.ECDSA and CERT.DS.TLS (SGP.22 v2.5 §2.6), both issued by the CI.</summary>
    private static void IssueSmds(Builder b, IssuedCertificate ci, string host, bool loopbackSans)
    {
        b.Issue(PkiItem.DsAuth, RspCertificateProfiles.SmdsSigning(Serial(PkiItem.DsAuth)), ci);
        b.Issue(PkiItem.DsTls, RspCertificateProfiles.DsTls(host, loopbackSans, Serial(PkiItem.DsTls)), ci);
    }

    /// <summary>
    /// Completes a loaded PKI (a user's SGP.26 set, which has no negative variants and, as GSMA publishes it now, no
    /// CERT.DPtls) with what the run needs and the keys it holds allow: CERT.DPtls issued from SK.CI.ECDSA when
    /// <see cref="PkiCompletionOptions.IssueTls"/> and none was loaded; the negative variants SGP.23's sequences present,
    /// each issued by the loaded CI or EUM when its key is there (an expired eUICC under the EUM needs SK.EUM, an
    /// expired EUM needs SK.CI; the unknown CI's branch needs nothing); the ES2+ operator certificates when asked.
    /// Returns one sentence per thing added, and the items of the loaded set are never replaced.
    /// </summary>
    public static (TestPki Pki, IReadOnlyList<string> Notes) Complete(TestPki loaded, PkiCompletionOptions options)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        var curves = new List<CurvePki>();
        foreach (CurvePki c in loaded.Curves)
        {
            var items = new Dictionary<PkiItem, IssuedCertificate>(c.Items);
            var b = new Builder(c.Curve, options.Seed, items, skipPresentOrUnsigned: true);
            string tag = Sgp26Layout.CurveTag(c.Curve);
            if (options.IssueTls && !items.ContainsKey(PkiItem.DpTls))
            {
                if (c.Ci.PrivateKey is null)
                {
                    notes.Add($"{tag}: the PKI has neither CERT.DP.TLS nor SK.CI.ECDSA to issue one");
                }
                else
                {
                    b.Issue(PkiItem.DpTls, RspCertificateProfiles.DpTls(options.TlsHost, options.LoopbackSans, Serial(PkiItem.DpTls)), c.Ci);
                    notes.Add($"{tag}: CERT.DP.TLS absent, issued one for {options.TlsHost} from the PKI's CI");
                }
            }
            if (options.IssueSmds && !(items.ContainsKey(PkiItem.DsAuth) && items.ContainsKey(PkiItem.DsTls)))
            {
                if (c.Ci.PrivateKey is null)
                {
                    notes.Add($"{tag}: the PKI has neither CERT.DSauth/CERT.DS.TLS nor SK.CI.ECDSA to issue them");
                }
                else
                {
                    IssueSmds(b, c.Ci, options.SmdsTlsHost, options.LoopbackSans);
                    notes.Add($"{tag}: CERT.DSauth / CERT.DS.TLS absent, issued them for {options.SmdsTlsHost} from the PKI's CI");
                }
            }
            if (options.DeriveNegatives && items.TryGetValue(PkiItem.Euicc, out IssuedCertificate? euicc) && items.TryGetValue(PkiItem.Eum, out IssuedCertificate? eum))
            {
                int before = items.Count;
                string eid = euicc.Certificate.SubjectSerialNumber ?? TestPkiOptions.Sgp26Eid;
                string org = euicc.Certificate.Subject.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.O).FirstOrDefault() ?? "RSP Test EUM";
                var ranges = PermittedEidRange.FromCertificate(eum.Certificate);
                var prefixes = ranges?.Where(r => r.Organization == org && r.SerialNumberPrefix is not null).Select(r => r.SerialNumberPrefix!).ToList();
                var range = new PermittedEidRange(org, prefixes is { Count: > 0 } ? prefixes : [eid[..8]]);
                GenerateNegatives(b, new TestPkiOptions { Seed = options.Seed, Eid = eid, EidRange = range,
                    // Without nameConstraints every EID is permitted: there is no EID outside the range to present.
                    OutsideRangeEid = prefixes is { Count: > 0 } ? new TestPkiOptions().OutsideRangeEid : eid }, c.Ci, eum);
                var missing = PkiItems.Negative.Where(i => !items.ContainsKey(i)).ToList();
                if (items.Count > before)
                {
                    notes.Add($"{tag}: issued {items.Count - before} negative certificate variant(s) from the PKI's keys"
                        + (missing.Count > 0 ? $"; not {string.Join(", ", missing)} (their issuer's private key is not in the set)" : ""));
                }
            }
            curves.Add(new CurvePki(c.Curve, items));
        }
        OperatorPki? op = loaded.Operator;
        if (op is null && options.IncludeOperator)
        {
            op = GenerateOperator(options.Seed);
            notes.Add("no ES2plus operator certificates: generated a test operator CA and client");
        }
        return (new TestPki(curves, op), notes);
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

    /// <summary>
    /// Issues items into <paramref name="items"/>. With <paramref name="skipPresentOrUnsigned"/> (completing a loaded PKI)
    /// an item already there is kept, and one whose issuer has no private key is left out (null).
    /// </summary>
    private sealed class Builder(RspCurve curve, long seed, Dictionary<PkiItem, IssuedCertificate> items, bool skipPresentOrUnsigned = false)
    {
        public IssuedCertificate SelfSigned(PkiItem item, CertificateTemplate template)
        {
            if (skipPresentOrUnsigned && items.TryGetValue(item, out IssuedCertificate? present))
            {
                return present;
            }
            var key = SeededKeys.Derive(seed, curve, item.ToString());
            var cert = RspCertificateIssuer.Issue(template, SeededKeys.PublicOf(key), null, key);
            return Add(item, cert, key);
        }

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(issuer))]
        public IssuedCertificate? Issue(PkiItem item, CertificateTemplate template, IssuedCertificate? issuer)
        {
            if (skipPresentOrUnsigned && items.TryGetValue(item, out IssuedCertificate? present))
            {
                return present;
            }
            if (issuer is null || (skipPresentOrUnsigned && issuer.PrivateKey is null))
            {
                return null;
            }
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
