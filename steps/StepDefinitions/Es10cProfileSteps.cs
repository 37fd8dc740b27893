using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// ES10c local profile management on the eUICC under test (SGP.22 v2.5 §5.7.15–§5.7.21): the profiles a scenario
/// installs first (Given), then GetProfilesInfo, Enable/Disable/DeleteProfile with their state rules and PPRs
/// (§2.9.1), eUICCMemoryReset and SetNickname.
/// </summary>
[Binding]
public sealed class Es10cProfileSteps(EuiccDriver euicc, CardDownloadDriver download)
{
    private const string ProfileNames = "the profile|the enabled profile|the disabled profile|the other profile|an unknown profile";
    private ProfileInfoListResponse? _list;

    // Reqnroll passes only the groups that took part in a match: an optional part is an alternative with an empty branch.
    [Given(@"^the eUICC holds (a disabled|an enabled) profile( with PPR1 and PPR2| with PPR1| with PPR2|)$")]
    public Task Holds(string state, string pprs) => HoldsAsync("the profile", state == "an enabled", Ppr(pprs.Replace(" with ", "", StringComparison.Ordinal)));

    [Given(@"^the eUICC holds another (disabled|enabled) profile$")]
    public Task HoldsOther(string state) => HoldsAsync("the other profile", state == "enabled", 0);

    private Task HoldsAsync(string name, bool enabled, int pprBits) => EuiccDriver.Checked(async () =>
    {
        await download.DownloadAsync(pprBits).ConfigureAwait(false);
        euicc.Installed(name, download.Profile!.Iccid);
        if (enabled)
        {
            Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
            EnableProfileResult r = (await es10.EnableProfileAsync(euicc.IdentifierOf(name), refreshFlag: false).ConfigureAwait(false)).Value;
            Assert.That(r, Is.EqualTo(EnableProfileResult.ok), $"SGP.22 §5.7.16: EnableProfile of a disabled profile must answer ok(0), got {r}({(int)r})");
        }

        // The notifications of the set-up go to the SM-DP+ now, so the scenario sees only its own.
        _ = await download.DeliverNotificationsAsync().ConfigureAwait(false);
    });

    /// <summary>PprIds bits: ppr1(1), ppr2(2) as the SM-DP+ inventory stores them.</summary>
    private static int Ppr(string pprs) => pprs switch
    {
        "PPR1" => 1 << (int)PprId.ppr1,
        "PPR2" => 1 << (int)PprId.ppr2,
        "PPR1 and PPR2" => (1 << (int)PprId.ppr1) | (1 << (int)PprId.ppr2),
        _ => 0,
    };

    [When(@"^the LPA (enables|disables|deletes) (" + ProfileNames + ")$")]
    public Task Manage(string action, string name) => EuiccDriver.Checked(async () =>
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        ProfileIdentifier id = euicc.IdentifierOf(name);
        string situation = "of " + (name.StartsWith("the ", StringComparison.Ordinal) ? await DescribeAsync(name).ConfigureAwait(false) : name);
        if (action == "enables" && await EnabledWithPpr1Async(es10, euicc.IccidOf(name)).ConfigureAwait(false))
        {
            situation += " while the enabled profile has PPR1";
        }

        euicc.Last = action switch
        {
            "enables" => CardOutcome.Of("EnableProfile", "§5.7.16", situation, (await es10.EnableProfileAsync(id, refreshFlag: false).ConfigureAwait(false)).Value),
            "disables" => CardOutcome.Of("DisableProfile", "§5.7.17", situation, (await es10.DisableProfileAsync(id, refreshFlag: false).ConfigureAwait(false)).Value),
            _ => CardOutcome.Of("DeleteProfile", "§5.7.18", situation, (await es10.DeleteProfileAsync(id).ConfigureAwait(false)).Value),
        };
    });

    /// <summary>"an enabled profile with PPR1": the profile as the card holds it before the call.</summary>
    private async Task<string> DescribeAsync(string name)
    {
        ProfileInfo? info = await euicc.ProfileInfoAsync(euicc.IccidOf(name)).ConfigureAwait(false);
        if (info is null)
        {
            return name;
        }

        string state = info.ProfileState == ProfileState.enabled ? "an enabled profile" : "a disabled profile";
        var pprs = Enum.GetValues<PprId>().Where(p => info.ProfilePolicyRules?.IsSet((int)p) == true).Select(p => p.ToString().ToUpperInvariant()).ToList();
        return pprs.Count == 0 ? state : $"{state} with {string.Join(" and ", pprs)}";
    }

    /// <summary>True when another profile is enabled and has PPR1 (enabling this one would disable it).</summary>
    private static async Task<bool> EnabledWithPpr1Async(Es10Client es10, string target)
    {
        IReadOnlyList<ProfileInfo> all = (await es10.GetProfilesInfoAsync().ConfigureAwait(false)).Value.ProfileInfoListOk ?? [];
        return all.Any(p => p.ProfileState == ProfileState.enabled && p.Iccid?.ToString() != target && p.ProfilePolicyRules?.IsSet((int)PprId.ppr1) == true);
    }

    [Then(@"^(" + ProfileNames + ") is (enabled|disabled)$")]
    public Task IsInState(string name, ProfileState state) => EuiccDriver.Checked(async () =>
    {
        ProfileInfo? info = await euicc.ProfileInfoAsync(euicc.IccidOf(name)).ConfigureAwait(false);
        Assert.That(info?.ProfileState, Is.EqualTo(state), $"SGP.22 §5.7.15: GetProfilesInfo must show {name} {state} after {euicc.Last?.Function}, got {info?.ProfileState.ToString() ?? "no such profile"}");
    });

    [Then(@"^(" + ProfileNames + ") is no longer on the eUICC$")]
    public Task Gone(string name) => EuiccDriver.Checked(async () =>
    {
        ProfileInfo? info = await euicc.ProfileInfoAsync(euicc.IccidOf(name)).ConfigureAwait(false);
        Assert.That(info, Is.Null, $"SGP.22 {euicc.Last?.Section}: after {euicc.Last?.Function} answered {euicc.Last?.Display} GetProfilesInfo must not list {name}");
    });

    [When(@"^the LPA asks for the profiles' information$")]
    public Task AskAll() => EuiccDriver.Checked(async () =>
        _list = (await (await euicc.Es10Async().ConfigureAwait(false)).GetProfilesInfoAsync().ConfigureAwait(false)).Value);

    [When(@"^the LPA asks for the information of (" + ProfileNames + ")$")]
    public Task AskOne(string name) => EuiccDriver.Checked(async () =>
    {
        var request = new ProfileInfoListRequest(ProfileInfoSearchCriteria.ByIccid(Iccid.FromString(euicc.IccidOf(name))));
        _list = (await (await euicc.Es10Async().ConfigureAwait(false)).GetProfilesInfoAsync(request).ConfigureAwait(false)).Value;
    });

    [Then(@"^the answer lists (" + ProfileNames + ") as (enabled|disabled) with its ISD-P AID, names and class$")]
    public void Lists(string name, ProfileState state)
    {
        string iccid = euicc.IccidOf(name);
        IReadOnlyList<ProfileInfo> all = List();
        ProfileInfo info = all.FirstOrDefault(p => p.Iccid?.ToString() == iccid)
            ?? throw new AssertionException($"SGP.22 §5.7.15: GetProfilesInfo must list {name} ({iccid}); it lists {all.Count} profile(s)");
        Assert.That(info.ProfileState, Is.EqualTo(state), $"SGP.22 §5.7.15: profileState of {name}");
        Assert.That(info.IsdpAid, Is.Not.Null.And.Length.InRange(5, 16), "SGP.22 §5.7.15: isdpAid is in the default tag list");
        Assert.That(info.ProfileName, Is.Not.Null, "SGP.22 §5.7.15: profileName is in the default tag list");
        Assert.That(info.ServiceProviderName, Is.Not.Null, "SGP.22 §5.7.15: serviceProviderName is in the default tag list");
        Assert.That(info.ProfileClass ?? ProfileClass.operational, Is.EqualTo(ProfileClass.operational), "SGP.22 §5.7.15: profileClass as StoreMetadata set it");
    }

    [Then(@"^the answer is a list of profiles$")]
    public void IsList() => _ = List();

    [Then(@"^the answer lists no profile$")]
    public void ListsNone() =>
        Assert.That(List(), Is.Empty, "SGP.22 §5.7.15: a search for an ICCID the eUICC does not hold answers an empty profileInfoListOk");

    private IReadOnlyList<ProfileInfo> List()
    {
        ProfileInfoListResponse r = _list ?? throw new InvalidOperationException("GetProfilesInfo was not called");
        return r.ProfileInfoListOk ?? throw new AssertionException($"SGP.22 §5.7.15: GetProfilesInfo must answer profileInfoListOk, got profileInfoListError {r.ProfileInfoListError}");
    }

    [When(@"^the LPA sets the nickname of (" + ProfileNames + @") to ""(.*)""$")]
    public Task Nickname(string name, string nickname) => EuiccDriver.Checked(async () =>
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        SetNicknameResult r = (await es10.SetNicknameAsync(Iccid.FromString(euicc.IccidOf(name)), nickname).ConfigureAwait(false)).Value;
        euicc.Last = CardOutcome.Of("SetNickname", "§5.7.21", "of " + name, r);
    });

    [Then(@"^the profile's nickname is ""(.*)""$")]
    public Task HasNickname(string nickname) => EuiccDriver.Checked(async () =>
    {
        ProfileInfo? info = await euicc.ProfileInfoAsync(euicc.IccidOf("the profile")).ConfigureAwait(false);
        Assert.That(info?.ProfileNickname, Is.EqualTo(nickname), "SGP.22 §5.7.21: GetProfilesInfo shows the nickname SetNickname set");
    });

    [When(@"^the LPA resets the eUICC memory, deleting operational profiles$")]
    public Task MemoryReset() => EuiccDriver.Checked(async () =>
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        EuiccMemoryResetResult r = (await es10.EuiccMemoryResetAsync(NamedBitList.Of((int)ResetOption.deleteOperationalProfiles)).ConfigureAwait(false)).Value;
        euicc.Last = CardOutcome.Of("eUICCMemoryReset", "§5.7.19", "with deleteOperationalProfiles", r);
    });
}
