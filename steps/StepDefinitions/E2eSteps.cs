using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// A whole download and the profile's life after it (SGP.22 v2.5 §3.1, §3.2, §3.5): the LPA downloads, the end user
/// enables, disables or deletes on the eUICC (ES10c), and what the eUICC and the reference SM-DP+'s store then hold.
/// </summary>
[Binding]
public sealed class E2eSteps(E2eDriver e2e, HarnessRun run)
{
    [When(@"^the LPA downloads the profile into the eUICC$")]
    public Task Download() => e2e.DownloadAsync();

    [Given(@"^the end user has (enabled|enabled and disabled|deleted) the profile$")]
    [When(@"^the end user has (enabled|enabled and disabled|deleted) the profile$")]
    public Task Operate(string operation) => e2e.OperateAsync(operation);

    [Then(@"^the eUICC holds the ordered profile, disabled$")]
    public async Task Holds()
    {
        ProfileInfo? p = await e2e.ProfileOnEuiccAsync();
        Assert.That(p, Is.Not.Null, $"SGP.22 §5.7.15: GetProfilesInfo lists no profile with ICCID {e2e.Iccid}");
        Assert.That(p!.ProfileState, Is.EqualTo(ProfileState.disabled), "SGP.22 §3.1.3: a downloaded profile is installed disabled");
    }

    [Then(@"^the reference SM-DP\+ holds the profile as installed$")]
    public async Task StoreInstalled()
    {
        var profile = await Store().GetProfileAsync(e2e.Iccid);
        Assert.That(profile?.State, Is.EqualTo(SmdpPlus.Store.SmdpProfileState.Installed), "the reference SM-DP+'s profile state after the ProfileInstallationResult");
    }

    [Then(@"^the reference SM-DP\+ has stored the (install|enable|disable|delete) notification of the profile$")]
    public async Task StoreNotification(string operation)
    {
        string kind = operation == "install" ? "profileInstallationResult" : operation;
        var received = await Store().ListNotificationsAsync();
        Assert.That(received.Where(n => n.Iccid == e2e.Iccid).Select(n => n.Kind), Does.Contain(kind),
            $"the reference SM-DP+ stored no verified {operation} notification for ICCID {e2e.Iccid}");
    }

    private SmdpPlus.Store.SmdpStore Store() =>
        run.Reference?.Store ?? throw new InvalidOperationException("@reference-only: the SM-DP+ under test is not the bundled reference");
}
