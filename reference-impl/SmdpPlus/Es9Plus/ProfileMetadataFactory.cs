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

    /// <summary>profileOwner of profiles with PPRs: MCC 001 / MNC 01 (3GPP TS 23.003 test network), BCD '00F110'.</summary>
    public static OperatorId TestNetworkOwner { get; } = new([0x00, 0xF1, 0x10]);

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
        // SGP.22 §2.9.2.1: the eUICC allows a PPR only for a profileOwner its RAT lists, so a profile with PPRs
        // names its owner; the inventory keeps none, so it is the test network's (MCC 001, MNC 01).
        return md.ProfilePolicyRules is null ? md : md with { ProfileOwner = TestNetworkOwner };
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
