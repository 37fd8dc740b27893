using Conformance.SmDs;

namespace Conformance.Steps.Support;

/// <summary>The SM-DS of a run (SGP.22 v2.5 §3.6, §5.8 ES11, §5.9 ES12): the bundled reference or a remote URL.</summary>
public sealed partial record TargetConfig
{
    /// <summary>The SM-DS URL, or null for the bundled reference SM-DS.</summary>
    public Uri? SmdsUrl { get; init; }

    public bool IsSmdsReference => SmdsUrl is null;

    public string SmdsTarget => SmdsUrl?.ToString() ?? Reference;

    /// <summary>
    /// The SM-DS address: what the eUICC holds as its root SM-DS address (ES10a, SGP.22 §5.7.3), what an operator names in
    /// ConfirmOrder (smdsAddress) and what the LPA sends in ES11.InitiateAuthentication; its host is the name CERT.DStls must carry.
    /// </summary>
    public string SmdsAddress { get; init; } = "testrootsmds.example.com";

    /// <summary>The name the SM-DS TLS certificate must carry: the host of the SM-DS address (an LPA checks it so).</summary>
    public string SmdsTlsName => SmdsAddress.Split(':')[0];

    /// <summary>PEM roots for CERT.DStls (smdsTrust), or null: the trust setting, else the PKI's CIs.</summary>
    public string? SmdsTrustPath { get; init; }

    /// <summary>The ES12 client certificate the harness presents as an SM-DP+ (PEM), or null: the PKI's CERT.DPtls.</summary>
    public string? Es12CertificatePath { get; init; }

    public string? Es12KeyPath { get; init; }

    /// <summary>Defects switched on in the bundled reference SM-DS (empty in a real run).</summary>
    public IReadOnlySet<SmdsDefect> SmdsDefects { get; init; } = new HashSet<SmdsDefect>();

    private static TargetConfig WithSmds(TargetConfig c, Func<Setting, SettingValue?> get, Dictionary<string, string> origins)
    {
        c = c with
        {
            SmdsUrl = get(Settings.Smds) is { } smds && smds.Value != Reference ? HttpsUrl(smds, "'reference' or the SM-DS's https:// URL") : null,
            SmdsAddress = get(Settings.SmdsAddress) is { } address
                ? FqdnRegex().IsMatch(address.Value) ? address.Value : throw Invalid(address, "is not an FQDN with an optional port")
                : c.SmdsAddress,
            SmdsTrustPath = get(Settings.SmdsTrust) is { } trust ? ExistingPemCertificates(trust) : null,
            Es12CertificatePath = get(Settings.Es12Certificate) is { } cert ? ExistingFile(cert) : null,
            Es12KeyPath = get(Settings.Es12Key) is { } key ? ExistingFile(key) : null,
            SmdsDefects = get(Settings.SmdsDefects) is { } defects ? Names<SmdsDefect>(defects) : new HashSet<SmdsDefect>(),
        };

        if (c.Es12CertificatePath is not null != c.Es12KeyPath is not null)
        {
            Setting missing = c.Es12KeyPath is null ? Settings.Es12Key : Settings.Es12Certificate;
            throw new ConfigException($"Setting {missing.Key} ({missing.Env}) is missing: the ES12 client certificate and key come together.");
        }

        if (!c.IsSmdsReference && c.SmdsDefects.Count > 0)
        {
            throw new ConfigException($"Setting {Settings.SmdsDefects.Key} ({origins[Settings.SmdsDefects.Key]}) applies to the bundled reference SM-DS only, not to {c.SmdsUrl}.");
        }

        if (!c.IsSmdsReference && c.Jobs > 1)
        {
            throw new ConfigException($"Setting {Settings.Jobs.Key} ({origins[Settings.Jobs.Key]}) above 1 needs the bundled reference SM-DS: the SM-DS at {c.SmdsUrl} holds one set of events per EID for all hosts.");
        }

        return c;
    }
}
