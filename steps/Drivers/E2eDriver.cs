using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The whole download as an LPA runs it (SGP.22 v2.5 §3.1.3): through GetBoundProfilePackage, the package verified
/// with the eUICC's keys, loaded, and the notifications delivered; then the end user's profile management on the
/// eUICC (ES10c EnableProfile, DisableProfile, DeleteProfile, §5.7.16–§5.7.18).
/// </summary>
public sealed class E2eDriver(Es9Driver es9, BppDriver bpp, NotificationDriver notifications, DownloadOrderDriver orders)
{
    /// <summary>The order's ICCID, else (an order from a file or a command) the one the SM-DP+ announced in AuthenticateClient.</summary>
    public string Iccid => orders.Iccid ?? es9.AnnouncedIccid ?? throw new InvalidOperationException("the scenario ordered no profile");

    public async Task DownloadAsync()
    {
        await bpp.BindAsync().ConfigureAwait(false);
        // Verified before loading (the eUICC's one-time key is gone after the installation); judged by a Then step.
        await bpp.VerifyAsync().ConfigureAwait(false);
        await bpp.LoadAsync().ConfigureAwait(false);
        await notifications.SendPendingAsync().ConfigureAwait(false);
    }

    /// <summary>"enabled", "enabled and disabled" or "deleted": each ES10c call must answer ok.</summary>
    public async Task OperateAsync(string operation)
    {
        Es10Client es10 = (await es9.EuiccAsync().ConfigureAwait(false)).Es10;
        ProfileIdentifier id = ProfileIdentifier.ByIccid(Rsp.Asn1.Messages.Iccid.FromString(Iccid));
        if (operation.StartsWith("enabled", StringComparison.Ordinal))
        {
            var r = await es9.Es10Async("EnableProfile", () => es10.EnableProfileAsync(id, refreshFlag: false)).ConfigureAwait(false);
            Assert.That(r.Value, Is.EqualTo(EnableProfileResult.ok), "precondition 'EnableProfile' not met");
        }
        if (operation.EndsWith("disabled", StringComparison.Ordinal))
        {
            var r = await es9.Es10Async("DisableProfile", () => es10.DisableProfileAsync(id, refreshFlag: false)).ConfigureAwait(false);
            Assert.That(r.Value, Is.EqualTo(DisableProfileResult.ok), "precondition 'DisableProfile' not met");
        }
        if (operation == "deleted")
        {
            var r = await es9.Es10Async("DeleteProfile", () => es10.DeleteProfileAsync(id)).ConfigureAwait(false);
            Assert.That(r.Value, Is.EqualTo(DeleteProfileResult.ok), "precondition 'DeleteProfile' not met");
        }
    }

    /// <summary>The scenario's profile as GetProfilesInfo lists it, or null.</summary>
    public async Task<ProfileInfo?> ProfileOnEuiccAsync()
    {
        Es10Client es10 = (await es9.EuiccAsync().ConfigureAwait(false)).Es10;
        var list = await es9.Es10Async("GetProfilesInfo", () => es10.GetProfilesInfoAsync()).ConfigureAwait(false);
        return list.Value.ProfileInfoListOk?.FirstOrDefault(p => p.Iccid?.ToString() == Iccid);
    }
}
