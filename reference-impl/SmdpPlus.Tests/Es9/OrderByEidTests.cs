using Conformance.SmdpPlus.Tests.Doubles;
using Conformance.SmdpPlus.Tests.Support;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>
/// AuthenticateClient without MatchingID (SGP.22 v2.5 §3.1.3.1; SGP.23 4.3.14.2.1 #14-#18): the SM-DP+ takes a pending order
/// of the EID, whatever it was confirmed with. Each test has a store of its own, since any order of the EID qualifies.
/// </summary>
public class OrderByEidTests
{
    private const string OtherEid = "89049032123451234512345678901999";

    [Test]
    public async Task AnActivationCodesOrderLinkedToTheEidIsFound()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        string iccid = await c.ReleasedOrderAsync(1);
        DownloadOutcome outcome = await c.Lpa.DownloadAsync(null);
        Assert.That(outcome.Installed, Is.True, outcome.ToString());
        Assert.That(c.Euicc.LastInstall!.Iccid, Is.EqualTo(iccid));
    }

    [Test]
    public async Task AnEmptyMatchingIdFindsItToo()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        string iccid = await c.ReleasedOrderAsync(1);
        DownloadOutcome outcome = await c.Lpa.DownloadAsync("");
        Assert.That(outcome.Installed, Is.True, outcome.ToString());
        Assert.That(c.Euicc.LastInstall!.Iccid, Is.EqualTo(iccid));
    }

    [Test]
    public async Task AnOrderOfAnotherEidIsNotFound()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        await c.ReleasedOrderAsync(1, eid: OtherEid);
        DownloadOutcome outcome = await c.Lpa.DownloadAsync(null);
        Assert.That(outcome.LastAnswer?.Code, Is.EqualTo("8.1.1 / 3.8"), outcome.ToString());
    }

    [Test]
    public async Task OfSeveralTheOldestDownloadableIsTaken()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        await c.ReleasedOrderAsync(1, attempts: 0);
        string second = await c.ReleasedOrderAsync(2);
        await c.ReleasedOrderAsync(3);
        DownloadOutcome outcome = await c.Lpa.DownloadAsync(null);
        Assert.That(outcome.Installed, Is.True, outcome.ToString());
        Assert.That(c.Euicc.LastInstall!.Iccid, Is.EqualTo(second), "the first order has no download attempt left");
    }
}
