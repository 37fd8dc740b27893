using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Conformance.Adapters.Isdr;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;

namespace Conformance.Steps.Support;

/// <summary>The eUICC behind the scenarios: the emulator in-process, or a card in a PC/SC reader.</summary>
public sealed record EuiccTarget(bool IsEmulated, string? Reader)
{
    public override string ToString() => IsEmulated ? "emulated" : Reader is null ? "pcsc" : $"pcsc:{Reader}";
}

/// <summary>
/// The configuration of a run (DESIGN.md §3), resolved from <see cref="ConfigSources"/> and validated:
/// anything wrong is a <see cref="ConfigException"/> with one sentence naming the setting.
/// </summary>
public sealed partial record TargetConfig
{
    public const string Reference = "reference";
    public const string Generated = "generated";

    /// <summary>The SM-DP+ URL, or null for the bundled reference SM-DP+.</summary>
    public Uri? SmdpUrl { get; init; }
    public bool IsReference => SmdpUrl is null;
    public string SmdpTarget => SmdpUrl?.ToString() ?? Reference;
    public string SmdpAddress { get; init; } = "testsmdpplus1.example.com";

    /// <summary>
    /// The name the ES9+ server certificate must carry. One rule for both interfaces: the host the client was told to
    /// reach (ES9+: the SM-DP+ address, as an LPA checks CERT.DPtls against it, SGP.22 §2.6.6; ES2+: its URL's host),
    /// unless the interface's setting names another.
    /// </summary>
    public string Es9TlsName => TlsNameSetting ?? SmdpAddress.Split(':')[0];

    /// <summary>The tlsName setting, or null.</summary>
    public string? TlsNameSetting { get; init; }

    /// <summary>The emulated eUICC facing an SM-DP+ refuses '86' segments over 1020 bytes as SGP.22 §2.6.4 says (default: accepts them, as deployed eUICCs do).</summary>
    public bool StrictEuicc { get; init; }

    /// <summary>The name the ES2+ server certificate must carry; null: the host of the ES2+ URL.</summary>
    public string? Es2TlsName { get; init; }
    public string? TrustPath { get; init; }
    public string AdminProtocol { get; init; } = "gsma/rsp/v2.2.0";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public Uri? Es2PlusUrl { get; init; }
    public string? OperatorCertificatePath { get; init; }
    public string? OperatorKeyPath { get; init; }
    /// <summary>The SGP.26-like PKI directory, or null for a generated PKI.</summary>
    public string? PkiDirectory { get; init; }
    public IReadOnlyList<RspCurve> Curves { get; init; } = [RspCurve.NistP256, RspCurve.BrainpoolP256r1];
    public EuiccTarget Euicc { get; init; } = new(true, null);

    /// <summary>How the harness reaches the ISD-R: its AID (SGP.22 v2.5 §2.2.3 by default) and the STORE DATA block size.</summary>
    public IsdrSessionOptions Isdr { get; init; } = new();

    /// <summary>Protocols offered when connecting to a PC/SC card (T=0 and T=1 by default: the reader picks).</summary>
    public PcscProtocols PcscProtocols { get; init; } = PcscProtocols.T0 | PcscProtocols.T1;
    public string? Tags { get; init; }
    public string OutDirectory { get; init; } = Path.Combine("reports", "out");

    /// <summary>The --jobs setting as given, or null for the default (<see cref="EffectiveJobs"/>).</summary>
    public int? Jobs { get; init; }

    /// <summary>
    /// How many test hosts run the features side by side (RunShards). Each has its own reference SM-DP+, so
    /// they share nothing; a remote SM-DP+ (one ICCID list) or a card (one reader) allows one host only.
    /// </summary>
    public int EffectiveJobs => Jobs ?? (IsReference && IsSmdsReference && Euicc.IsEmulated ? Math.Min(2, System.Environment.ProcessorCount) : 1);
    /// <summary>The target declaration file, or null (none: the bundled reference offers every optional feature but sgp22-v3-euicc, a remote SM-DP+ none).</summary>
    public string? TargetPath { get; init; }

    /// <summary>The optional SGP.22 features the SM-DP+ under test offers (<see cref="SmdpFeatures"/>).</summary>
    public IReadOnlySet<string> SmdpOptions { get; init; } = SmdpFeatures.OfferedByReference;

    /// <summary>
    /// The SM-DP+ under test serves ES9+ over the ASN.1 binding (SGP.22 v2.5 §6.6) as well as JSON: the @asn1 scenarios run.
    /// The asn1Binding setting; without it true for the bundled reference (it serves both), false for a remote SM-DP+.
    /// </summary>
    public bool Asn1Binding { get; init; } = true;

    /// <summary>The orders file (.txt or .json, full path) of the <c>orders</c> setting, or null.</summary>
    public string? OrdersFile { get; init; }

    /// <summary>The program of <c>orders command:CMD</c>, or null.</summary>
    public string? OrdersCommand { get; init; }

    /// <summary>True when the harness makes the download scenarios' orders itself, as the operator over ES2+ (the default).</summary>
    public bool OrdersOverEs2Plus => OrdersFile is null && OrdersCommand is null;

    public string? ProfileType { get; init; }
    public IReadOnlyList<string> Iccids { get; init; } = [];

    /// <summary>Defects switched on in the bundled reference SM-DP+ (empty in a real run).</summary>
    public IReadOnlySet<SmdpDefect> SmdpDefects { get; init; } = new HashSet<SmdpDefect>();

    /// <summary>Defects switched on in the emulated eUICC (empty in a real run).</summary>
    public IReadOnlySet<EuiccDefect> EuiccDefects { get; init; } = new HashSet<EuiccDefect>();

    /// <summary>Where each setting that was given came from (for the report's environment).</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>();

    public static TargetConfig Load() => Load(ConfigSources.FromProcess());

    public static TargetConfig Load(ConfigSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.UnknownFileKeys(Settings.All).FirstOrDefault() is { } unknown)
        {
            throw new ConfigException($"Setting \"{unknown}\" in {sources.FileName ?? "the flags"} is unknown; known settings are {string.Join(", ", Settings.All.Select(s => s.Key))}.");
        }

        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        SettingValue? Get(Setting s)
        {
            SettingValue? v = sources.Get(s);
            if (v is not null)
            {
                origins[s.Key] = v.Origin;
            }

            return v;
        }

        var c = new TargetConfig();
        if (Get(Settings.Smdp) is { } smdp && smdp.Value != Reference)
        {
            c = c with { SmdpUrl = HttpsUrl(smdp, "'reference' or the SM-DP+'s https:// URL") };
        }

        if (Get(Settings.SmdpAddress) is { } address)
        {
            c = c with { SmdpAddress = FqdnRegex().IsMatch(address.Value) ? address.Value : throw Invalid(address, "is not an FQDN with an optional port") };
        }

        c = c with
        {
            TlsNameSetting = Get(Settings.TlsName) is { } n ? HostName(n) : null,
            Es2TlsName = Get(Settings.Es2TlsName) is { } n2 ? HostName(n2) : null,
        };

        (string? ordersFile, string? ordersCommand) = Get(Settings.Orders) is { } orders ? OrdersOf(orders) : (null, null);
        c = c with
        {
            TrustPath = Get(Settings.Trust) is { } trust ? ExistingPemCertificates(trust) : null,
            AdminProtocol = Get(Settings.AdminProtocol) is { } ap
                ? AdminProtocolRegex().IsMatch(ap.Value) ? ap.Value : throw Invalid(ap, "must look like gsma/rsp/v2.2.0")
                : c.AdminProtocol,
            Timeout = Get(Settings.Timeout) is { } t ? Seconds(t) : c.Timeout,
            Es2PlusUrl = Get(Settings.Es2PlusUrl) is { } es2 ? HttpsUrl(es2, "an https:// URL") : null,
            OperatorCertificatePath = Get(Settings.OperatorCertificate) is { } oc ? ExistingFile(oc) : null,
            OperatorKeyPath = Get(Settings.OperatorKey) is { } ok ? ExistingFile(ok) : null,
            PkiDirectory = Get(Settings.Pki) is { } pki && pki.Value != Generated
                ? Directory.Exists(pki.Value) ? Path.GetFullPath(pki.Value) : throw Invalid(pki, "is neither 'generated' nor an existing directory")
                : null,
            Curves = Get(Settings.Curve) is { } curve ? ParseCurves(curve)
                // A PKI of one curve drives what it can: without --curve, the curves the --pki directory holds a CI for.
                : Get(Settings.Pki) is { } p && p.Value != Generated && Sgp26Loader.CurvesIn(p.Value) is { Count: > 0 } held ? held
                : c.Curves,
            Euicc = Get(Settings.Euicc) is { } euicc ? EuiccOf(euicc) : c.Euicc,
            Isdr = new IsdrSessionOptions
            {
                IsdrAid = Get(Settings.IsdrAid) is { } aid ? Aid(aid) : c.Isdr.IsdrAid,
                SegmentSize = Get(Settings.StoreDataSegment) is { } seg ? Segment(seg) : c.Isdr.SegmentSize,
            },
            PcscProtocols = Get(Settings.PcscProtocol) is { } protocol ? Protocols(protocol) : c.PcscProtocols,
            Tags = Get(Settings.Tags) is { } tags ? CheckedTags(tags) : null,
            OutDirectory = Get(Settings.Out)?.Value ?? c.OutDirectory,
            Jobs = Get(Settings.Jobs) is { } jobs ? JobCount(jobs) : null,
            TargetPath = Get(Settings.Target) is { } target ? ExistingFile(target) : null,
            OrdersFile = ordersFile,
            OrdersCommand = ordersCommand,
            ProfileType = Get(Settings.ProfileType)?.Value,
            Iccids = Get(Settings.Iccids) is { } ids ? Iccid(ids) : [],
            StrictEuicc = Get(Settings.StrictEuicc) is { } strict && Flag(strict),
            Asn1Binding = Get(Settings.Asn1Binding) is { } asn1 ? Flag(asn1) : c.IsReference,
            SmdpDefects = Get(Settings.SmdpDefects) is { } sd ? Names<SmdpDefect>(sd) : new HashSet<SmdpDefect>(),
            EuiccDefects = Get(Settings.EuiccDefects) is { } ed ? Names<EuiccDefect>(ed) : new HashSet<EuiccDefect>(),
        };
        c = WithSmds(c, Get, origins);
        c = c with
        {
            SmdpOptions = c.TargetPath is { } declaration ? SmdpFeatures.Load(declaration)
                : c.IsReference ? c.SmdpOptions : new HashSet<string>(StringComparer.Ordinal),
        };
        return c.CheckCombinations(origins) with { Origins = origins };
    }

    private TargetConfig CheckCombinations(Dictionary<string, string> origins)
    {
        if (OperatorCertificatePath is not null != OperatorKeyPath is not null)
        {
            Setting missing = OperatorKeyPath is null ? Settings.OperatorKey : Settings.OperatorCertificate;
            throw new ConfigException($"Setting {missing.Key} ({missing.Env}) is missing: the operator's client certificate and key come together.");
        }

        if (!IsReference && OrdersOverEs2Plus && OperatorCertificatePath is null && PkiDirectory is null)
        {
            throw new ConfigException($"Setting {Settings.OperatorCertificate.Key} ({Settings.OperatorCertificate.Env}) is missing: the SM-DP+ at {SmdpUrl} needs the operator's ES2+ client certificate and key (or a --pki directory with ES2plus/).");
        }

        if (!IsReference && OrdersOverEs2Plus && Iccids.Count == 0)
        {
            throw new ConfigException($"Setting {Settings.Iccids.Key} ({Settings.Iccids.Env}) is missing: the ES2+ scenarios against {SmdpUrl} need available ICCIDs of that SM-DP+.");
        }

        if (!IsReference && OrdersOverEs2Plus && ProfileType is null)
        {
            throw new ConfigException($"Setting {Settings.ProfileType.Key} ({Settings.ProfileType.Env}) is missing: DownloadOrder by profile type needs the profile type of the given ICCIDs.");
        }

        if (!IsReference && SmdpDefects.Count > 0)
        {
            throw new ConfigException($"Setting {Settings.SmdpDefects.Key} ({origins[Settings.SmdpDefects.Key]}) applies to the bundled reference SM-DP+ only, not to {SmdpUrl}.");
        }

        if (!Euicc.IsEmulated && EuiccDefects.Count > 0)
        {
            throw new ConfigException($"Setting {Settings.EuiccDefects.Key} ({origins[Settings.EuiccDefects.Key]}) applies to the emulated eUICC only, not to {Euicc}.");
        }

        if (Jobs > 1 && !(IsReference && Euicc.IsEmulated))
        {
            throw new ConfigException($"Setting {Settings.Jobs.Key} ({origins[Settings.Jobs.Key]}) above 1 needs the bundled reference SM-DP+ and the emulated eUICC: "
                + (IsReference ? $"the card in {Euicc} can serve one test host only." : $"the SM-DP+ at {SmdpUrl} has one list of ICCIDs for all hosts."));
        }

        if (IsReference && !OrdersOverEs2Plus)
        {
            throw new ConfigException($"Setting {Settings.Orders.Key} ({origins[Settings.Orders.Key]}) applies to a remote SM-DP+ (--smdp https://...): the bundled " +
                "reference in the test host takes its orders over ES2+; to try an orders file, start one with ./conformance smdp serve and point --smdp at it.");
        }

        if (IsReference && origins.TryGetValue(Settings.Iccids.Key, out string? from))
        {
            throw new ConfigException($"Setting {Settings.Iccids.Key} (from {from}) applies to a remote SM-DP+ only: the reference SM-DP+ makes its own inventory.");
        }

        return this;
    }

    private const string CommandPrefix = "command:";

    /// <summary>
    /// The <c>orders</c> setting: (null, null) for es2plus, (null, CMD) for command:CMD, (full path, null) for an existing
    /// .txt or .json file of orders.
    /// </summary>
    private static (string? File, string? Command) OrdersOf(SettingValue v)
    {
        if (v.Value == "es2plus")
        {
            return (null, null);
        }

        if (v.Value.StartsWith(CommandPrefix, StringComparison.Ordinal))
        {
            return v.Value[CommandPrefix.Length..].Trim() is { Length: > 0 } command ? (null, command) : throw Invalid(v, "names no program after command:");
        }

        if (!v.Value.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !v.Value.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(v, "is neither es2plus, command:CMD, nor a .txt or .json file of orders");
        }

        return (ExistingFile(v), null);
    }

    private static Uri HttpsUrl(SettingValue v, string expected) =>
        Uri.TryCreate(v.Value, UriKind.Absolute, out Uri? u) && u.Scheme == Uri.UriSchemeHttps && u.Host.Length > 0
            ? u : throw Invalid(v, $"is not {expected}");

    private static string ExistingFile(SettingValue v) =>
        File.Exists(v.Value) ? Path.GetFullPath(v.Value) : throw Invalid(v, "names no existing file");

    private static string ExistingPemCertificates(SettingValue v)
    {
        string path = ExistingFile(v);
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw Invalid(v, $"is not a PEM file of certificates ({e.Message.TrimEnd('.')})");
        }

        return roots.Count > 0 ? path : throw Invalid(v, "holds no PEM certificate");
    }

    private static TimeSpan Seconds(SettingValue v) =>
        double.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 && s <= 600
            ? TimeSpan.FromSeconds(s) : throw Invalid(v, "must be a number of seconds between 0 and 600");

    private static int JobCount(SettingValue v) =>
        int.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 16
            ? n : throw Invalid(v, "must be a whole number of test hosts from 1 to 16");

    private static IReadOnlyList<RspCurve> ParseCurves(SettingValue v) => v.Value.ToLowerInvariant() switch
    {
        "nist" => [RspCurve.NistP256],
        "brp" => [RspCurve.BrainpoolP256r1],
        "both" => [RspCurve.NistP256, RspCurve.BrainpoolP256r1],
        _ => throw Invalid(v, "must be nist, brp or both"),
    };

    private static EuiccTarget EuiccOf(SettingValue v) => v.Value switch
    {
        "emulated" => new(true, null),
        "pcsc" => new(false, null),
        _ when v.Value.StartsWith("pcsc:", StringComparison.Ordinal) && v.Value.Length > 5 => new(false, v.Value[5..]),
        _ => throw Invalid(v, "must be emulated, pcsc or pcsc:<reader name or index>"),
    };

    private static PcscProtocols Protocols(SettingValue v) => v.Value.ToLowerInvariant() switch
    {
        "t0" or "t=0" => PcscProtocols.T0,
        "t1" or "t=1" => PcscProtocols.T1,
        "any" => PcscProtocols.T0 | PcscProtocols.T1,
        _ => throw Invalid(v, "must be t0, t1 or any"),
    };

    // SGP.22 v2.5 §2.2.3 / ISO/IEC 7816-4 §8.2.1.2: an application identifier has 5 to 16 bytes.
    private static byte[] Aid(SettingValue v) =>
        AidRegex().IsMatch(v.Value) ? Convert.FromHexString(v.Value) : throw Invalid(v, "is not an AID of 5 to 16 bytes in hex");

    private static int Segment(SettingValue v) =>
        int.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 255
            ? n : throw Invalid(v, "must be a number of bytes between 1 and 255");

    private static string CheckedTags(SettingValue v)
    {
        try
        {
            TagExpression.Parse(v.Value);
            return v.Value;
        }
        catch (FormatException e)
        {
            throw Invalid(v, $"is not a tag expression ({e.Message})");
        }
    }

    private static IReadOnlyList<string> Iccid(SettingValue v)
    {
        string[] ids = v.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return ids.FirstOrDefault(i => !IccidRegex().IsMatch(i)) is { } bad
            ? throw Invalid(v, $"holds '{bad}', which is not an ICCID of 18 to 20 digits")
            : ids;
    }

    private static HashSet<T> Names<T>(SettingValue v) where T : struct, Enum
    {
        var set = new HashSet<T>();
        foreach (string name in v.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(Enum.TryParse(name, ignoreCase: false, out T d) && Enum.IsDefined(d)
                ? d : throw Invalid(v, $"names '{name}', which is not one of {string.Join(", ", Enum.GetNames<T>())}"));
        }

        return set;
    }

    private static bool Flag(SettingValue v) => v.Value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw Invalid(v, "must be true or false"),
    };

    private static string HostName(SettingValue v) =>
        Uri.CheckHostName(v.Value) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6 ? v.Value
            : throw Invalid(v, "is not a host name or IP address");

    private static ConfigException Invalid(SettingValue v, string problem) =>
        new($"Setting {v.Origin} ('{v.Value}') {problem}.");

    [GeneratedRegex(@"^(?=.{1,253}(:|$))([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex FqdnRegex();

    [GeneratedRegex(@"^gsma/rsp/v[0-9]+\.[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AdminProtocolRegex();

    [GeneratedRegex("^([0-9A-Fa-f]{2}){5,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex AidRegex();

    [GeneratedRegex("^([0-9]{18,20}|[0-9]{19}F)$", RegexOptions.CultureInvariant)]
    private static partial Regex IccidRegex();
}
