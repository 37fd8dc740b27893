using System.Text.Json;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>One entry of a profile's notification configuration as kept in the store (JSON).</summary>
public sealed record NotificationConfigurationEntry(IReadOnlyList<string> Operations, string Address);

/// <summary>
/// Builds StoreMetadataRequest (SGP.22 v2.5 §5.5.3, fields §5.4.1) from a profile of the inventory: the ICCID,
/// serviceProviderName, profileName, profileClass, profile policy rules and notification configuration. The
/// same DER is sent as profileMetadata in AuthenticateClient and in the BPP's '88' segments.
/// </summary>
public static class ProfileMetadataFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoreMetadataRequest Build(ProfileRecord p, string? iccidOverride = null)
    {
        string iccid = (iccidOverride ?? p.Iccid).TrimEnd('F', 'f');
        var md = new StoreMetadataRequest(Iccid.FromString(iccid), Truncate(p.ServiceProviderName ?? "Conformance", 32),
            Truncate(p.ProfileName ?? $"Profile {iccid}", 64))
        {
            ProfileClass = p.ProfileClass is { } pc ? (ProfileClass)pc : null,
            ProfilePolicyRules = p.ProfilePolicyRules is { } ppr and not 0
                ? NamedBitList.Of(Enumerable.Range(0, 3).Where(bit => (ppr & (1 << bit)) != 0).ToArray())
                : null,
            NotificationConfigurationInfo = Notifications(p.NotificationConfigurationJson),
        };
        return md;
    }

    /// <summary>Parses the stored JSON: <c>[{"operations":["install","enable"],"address":"host"}]</c>.</summary>
    public static IReadOnlyList<NotificationConfigurationInformation>? Notifications(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        var entries = JsonSerializer.Deserialize<List<NotificationConfigurationEntry>>(json, Json)
            ?? throw new FormatException("notification configuration: expected a JSON array");
        return entries.Select(e => new NotificationConfigurationInformation(
            NamedBitList.Of(e.Operations.Select(OperationBit).ToArray()), e.Address)).ToList();
    }

    private static int OperationBit(string name) => name.Trim().ToLowerInvariant() switch
    {
        "install" => (int)NotificationEvent.notificationInstall,
        "enable" => (int)NotificationEvent.notificationEnable,
        "disable" => (int)NotificationEvent.notificationDisable,
        "delete" => (int)NotificationEvent.notificationDelete,
        _ => throw new FormatException($"notification configuration: unknown operation '{name}' (install, enable, disable, delete)"),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
