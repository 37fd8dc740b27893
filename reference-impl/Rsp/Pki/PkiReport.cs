namespace Conformance.Rsp.Pki;

/// <summary>
/// What a loaded PKI directory holds per role and which targets it can drive (<c>./conformance pki check</c>):
/// the eUICC side (CI, EUM, eUICC with SK.EUICC.ECDSA, a valid chain) plays the eUICC facing an SM-DP+ under test;
/// the SM-DP+ side (DPauth and DPpb with their keys, CERT.DPtls or SK.CI.ECDSA to issue one) runs a bundled SM-DP+.
/// </summary>
public sealed record PkiReport(IReadOnlyList<string> Lines, bool DrivesEuiccSide, bool DrivesSmdpSide, int InvalidChains)
{
    public bool Usable => DrivesEuiccSide || DrivesSmdpSide;

    public static PkiReport Of(TestPki pki, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pki);
        var lines = new List<string>();
        bool euiccSide = true, smdpSide = true;
        int invalid = 0;
        (TestPki completed, _) = TestPkiGenerator.Complete(pki, new PkiCompletionOptions { IssueTls = false, DeriveNegatives = true });
        foreach (CurvePki c in pki.Curves)
        {
            string tag = Sgp26Layout.CurveTag(c.Curve);
            var validator = c.Validator();
            string Key(PkiItem item) => c.Items[item].PrivateKey is null ? "no private key" : "private key";
            void Line(string role, string text) => lines.Add($"{tag} {role}: {text}");

            var ci = RspCertificateValidator.ValidateCi(c.Ci.Certificate, now);
            invalid += ci.IsValid ? 0 : 1;
            Line("CI", $"{Key(PkiItem.Ci)}; PKId {Convert.ToHexString(c.Ci.Certificate.SubjectKeyIdentifier ?? [])}; {ci}");

            bool eumThere = c.Items.ContainsKey(PkiItem.Eum), euiccThere = c.Items.ContainsKey(PkiItem.Euicc);
            Line("EUM", eumThere ? Key(PkiItem.Eum) : "absent");
            if (eumThere && euiccThere)
            {
                var chain = validator.ValidateEuiccChain(c.Euicc.Certificate.Der, c.Eum.Certificate.Der, now);
                invalid += chain.IsValid ? 0 : 1;
                Line("eUICC", $"EID {c.Euicc.Certificate.SubjectSerialNumber}; {Key(PkiItem.Euicc)}; chain eUICC-EUM-CI: {chain}");
                euiccSide &= chain.IsValid && c.Euicc.PrivateKey is not null;
            }
            else
            {
                Line("eUICC", euiccThere ? "present, but no EUM certificate to chain it" : "absent");
                euiccSide = false;
            }

            foreach ((PkiItem item, string role) in new[] { (PkiItem.DpAuth, "DPauth"), (PkiItem.DpPb, "DPpb") })
            {
                if (!c.Items.TryGetValue(item, out IssuedCertificate? dp))
                {
                    Line(role, "absent");
                    smdpSide = false;
                    continue;
                }
                var r = validator.ValidateServerCertificate(item.Role(), dp.Certificate.Der, now);
                invalid += r.IsValid ? 0 : 1;
                Line(role, $"{Key(item)}; {r}");
                smdpSide &= r.IsValid && dp.PrivateKey is not null;
            }

            if (c.Items.TryGetValue(PkiItem.DpTls, out IssuedCertificate? tls))
            {
                var r = validator.ValidateServerCertificate(CertificateRole.DpTls, tls.Certificate.Der, now);
                // An expired CERT.DPtls is GSMA's yearly case: the bundled SM-DP+ issues a fresh one when the CI key is there.
                Line("DPtls", $"{Key(PkiItem.DpTls)}; {r}");
                smdpSide &= tls.PrivateKey is not null && (r.IsValid || c.Ci.PrivateKey is not null);
            }
            else
            {
                Line("DPtls", c.Ci.PrivateKey is not null
                    ? "absent; a bundled SM-DP+ issues one from SK.CI.ECDSA"
                    : "absent, and no SK.CI.ECDSA to issue one");
                smdpSide &= c.Ci.PrivateKey is not null;
            }

            IReadOnlyList<PkiItem> negatives = PkiItems.Negative;
            int present = negatives.Count(c.Items.ContainsKey);
            CurvePki full = completed.For(c.Curve);
            var lacking = negatives.Where(i => !full.Items.ContainsKey(i)).ToList();
            Line("negative variants", $"{present} of {negatives.Count} in the directory, {negatives.Count - lacking.Count - present} issued from its keys at run time"
                + (lacking.Count > 0 ? $"; cannot be issued (their issuer's key is absent): {string.Join(", ", lacking)}" : ""));
        }
        lines.Add($"drives an SM-DP+ under test (the harness plays the eUICC): {(euiccSide ? "yes" : "no: it needs the EUM, and the eUICC with its private key, chaining to the CI")}");
        lines.Add($"drives the bundled SM-DP+ (for eUICCs under test and the default run): {(smdpSide ? "yes" : "no: it needs DPauth and DPpb with their private keys, and CERT.DPtls with its key or SK.CI.ECDSA")}");
        if (pki.Operator is null)
        {
            lines.Add("ES2+: no ES2plus/ operator certificates (the bundled SM-DP+ generates a test operator; against yours, give --operator-cert and --operator-key)");
        }
        return new PkiReport(lines, euiccSide, smdpSide, invalid);
    }
}
