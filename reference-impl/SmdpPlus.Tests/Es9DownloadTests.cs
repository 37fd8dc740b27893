using Conformance.Rsp.Crypto;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests;

/// <summary>Complete downloads through ES9+ with the eUICC test double (SGP.22 v2.5 §3.1.3).</summary>
public class Es9DownloadTests
{
    [TestCase(RspCurve.NistP256, false, false)]
    [TestCase(RspCurve.NistP256, true, false)]
    [TestCase(RspCurve.NistP256, false, true)]
    [TestCase(RspCurve.NistP256, true, true)]
    [TestCase(RspCurve.BrainpoolP256r1, false, false)]
    [TestCase(RspCurve.BrainpoolP256r1, true, false)]
    [TestCase(RspCurve.BrainpoolP256r1, false, true)]
    [TestCase(RspCurve.BrainpoolP256r1, true, true)]
    public async Task FullDownloadInstallsTheOrderedProfile(RspCurve curve, bool confirmationCode, bool ppk)
    {
        await using Es9Context c = await Es9Context.StartAsync(curve, o => o with { UseProfileProtectionKeys = ppk });
        string iccid = await c.ReleasedOrderAsync(1, confirmationCode: confirmationCode ? "1234" : null, size: 5000);

        DownloadOutcome outcome = await c.Lpa.DownloadAsync("MATCH-00001", confirmationCode ? "1234" : null);

        Assert.That(outcome.Installed, Is.True, outcome.ToString() + " " + c.Euicc.LastRefusal);
        InstalledProfile installed = c.Euicc.LastInstall!;
        Assert.That(installed.Iccid, Is.EqualTo(iccid));
        Assert.That(installed.ProfileProtectionKeys, Is.EqualTo(ppk));
        ProfileRecord stored = (await c.Store.GetProfileAsync(iccid))!;
        Assert.That(installed.ProfilePackage, Is.EqualTo(stored.Upp), "the decrypted profile is the ordered one");
        Assert.That(stored.State, Is.EqualTo(SmdpProfileState.Installed));
        var notifications = await c.Store.ListNotificationsAsync();
        Assert.That(notifications.Select(n => n.Kind), Is.EqualTo(new[] { "profileInstallationResult" }));
    }
}
