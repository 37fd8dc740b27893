using System.Text.Json;
using Conformance.Rsp.Saip;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Profiles;

/// <summary>
/// The metadata of an imported profile, from a sidecar JSON file beside the package
/// (<c>profile.der</c> + <c>profile.json</c>); every field is optional.
/// </summary>
public sealed record ProfileSidecar
{
    public string? ProfileType { get; init; }
    public string? ProfileName { get; init; }
    public string? ServiceProviderName { get; init; }

    /// <summary>test, provisioning or operational (SGP.22 §5.4.1 profileClass).</summary>
    public string? ProfileClass { get; init; }

    /// <summary>PPR names: pprUpdateControl, ppr1, ppr2.</summary>
    public IReadOnlyList<string>? ProfilePolicyRules { get; init; }

    /// <summary>notificationConfigurationInfo entries (operations install/enable/disable/delete and the address).</summary>
    public IReadOnlyList<NotificationConfigurationEntry>? NotificationConfiguration { get; init; }
}

/// <summary>What an import did.</summary>
public sealed record ImportReport(IReadOnlyList<ProfileRecord> Imported, IReadOnlyList<string> Skipped);

/// <summary>
/// Fills the SM-DP+ inventory: unprotected profile packages (SAIP DER, <c>*.der</c>) from a directory, the ICCID
/// read from each package's ProfileHeader, metadata from a sidecar JSON or defaults; or synthetic packages
/// (<see cref="SyntheticProfile.Build"/>) for generated inventories.
/// </summary>
public static class ProfileImporter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Imports every <c>*.der</c> of <paramref name="directory"/> not yet in the inventory. A database that refuses the
    /// write (full disk...) ends the import with the store's "could not store the change" failure; <paramref name="ct"/>
    /// stops it between two profiles (those added stay).
    /// </summary>
    public static async Task<ImportReport> ImportDirectoryAsync(SmdpStore store, string directory, string defaultProfileType = "Default",
        CancellationToken ct = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"the profile directory {directory} does not exist");
        }
        var imported = new List<ProfileRecord>();
        var skipped = new List<string>();
        foreach (string file in Directory.EnumerateFiles(directory, "*.der").Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            byte[] upp = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
            ProfilePackage package;
            try
            {
                package = ProfilePackage.Parse(upp);
            }
            catch (SaipException e)
            {
                skipped.Add($"{Path.GetFileName(file)}: not a profile package ({e.Message})");
                continue;
            }
            if (await store.GetProfileAsync(package.Iccid).ConfigureAwait(false) is not null)
            {
                skipped.Add($"{Path.GetFileName(file)}: ICCID {package.Iccid} is already in the inventory");
                continue;
            }
            ProfileSidecar meta = await SidecarAsync(Path.ChangeExtension(file, ".json")).ConfigureAwait(false);
            ProfileRecord record = Record(package.Iccid, upp, meta, meta.ProfileType ?? package.Header.ProfileType ?? defaultProfileType);
            await store.AddProfileAsync(record).ConfigureAwait(false);
            imported.Add(record);
        }
        return new ImportReport(imported, skipped);
    }

    /// <summary>
    /// Adds <paramref name="count"/> synthetic profiles of <paramref name="profileType"/>; ICCIDs are the prefix followed by a
    /// counter. With <paramref name="notificationAddress"/>, each profile's metadata asks for install, enable, disable and
    /// delete notifications to that address (notificationConfigurationInfo, SGP.22 v2.5 §4.4), so an LPA meets every kind.
    /// <paramref name="ct"/> stops it between two profiles (those added stay).
    /// </summary>
    public static async Task<IReadOnlyList<ProfileRecord>> AddSyntheticAsync(SmdpStore store, string profileType, int count, string iccidPrefix = "8904903299",
        int size = 8 * 1024, string? notificationAddress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? notifications = notificationAddress is null ? null
            : System.Text.Json.JsonSerializer.Serialize(new[] { new { operations = new[] { "install", "enable", "disable", "delete" }, address = notificationAddress } });
        var added = new List<ProfileRecord>();
        int digits = 19 - iccidPrefix.Length;
        for (int i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            string iccid = iccidPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
            if (await store.GetProfileAsync(iccid).ConfigureAwait(false) is not null)
            {
                continue;
            }
            var record = Record(iccid, SyntheticProfile.Build(iccid, profileType, size, i + 1), new ProfileSidecar(), profileType) with
            {
                NotificationConfigurationJson = notifications,
            };
            await store.AddProfileAsync(record).ConfigureAwait(false);
            added.Add(record);
        }
        return added;
    }

    private static async Task<ProfileSidecar> SidecarAsync(string path)
    {
        if (!File.Exists(path))
        {
            return new ProfileSidecar();
        }
        try
        {
            return JsonSerializer.Deserialize<ProfileSidecar>(await File.ReadAllTextAsync(path).ConfigureAwait(false), Json) ?? new ProfileSidecar();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: not a valid profile sidecar ({e.Message})", e);
        }
    }

    private static ProfileRecord Record(string iccid, byte[] upp, ProfileSidecar meta, string profileType)
    {
        var record = new ProfileRecord
        {
            Iccid = iccid,
            ProfileType = profileType,
            Upp = upp,
            ProfileName = meta.ProfileName ?? $"{profileType} {iccid}",
            ServiceProviderName = meta.ServiceProviderName ?? "Conformance Operator",
            ProfileClass = meta.ProfileClass?.ToLowerInvariant() switch
            {
                null => null,
                "test" => 0,
                "provisioning" => 1,
                "operational" => 2,
                var other => throw new InvalidDataException($"profileClass '{other}' is not test, provisioning or operational"),
            },
            ProfilePolicyRules = meta.ProfilePolicyRules?.Aggregate(0, (bits, name) => bits | (1 << PprBit(name))),
            NotificationConfigurationJson = meta.NotificationConfiguration is null ? null : JsonSerializer.Serialize(meta.NotificationConfiguration, Json),
        };
        // Fail now, not at download time, when the metadata cannot be encoded.
        _ = ProfileMetadataFactory.Build(record).Encode();
        return record;
    }

    private static int PprBit(string name) => name.Trim().ToLowerInvariant() switch
    {
        "pprupdatecontrol" => 0,
        "ppr1" => 1,
        "ppr2" => 2,
        _ => throw new InvalidDataException($"profile policy rule '{name}' is not pprUpdateControl, ppr1 or ppr2"),
    };
}
