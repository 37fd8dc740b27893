using Conformance.Steps.Drivers;
using Conformance.Steps.Support;
using Conformance.Steps.Support.Orders;

namespace Conformance.Steps.Tests;

/// <summary>The orders file of the <c>orders</c> setting: what it accepts, which order serves which scenario, the ledger.</summary>
public class OrderBookTests
{
    private const string Address = "smdp.example.com";
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "orderbook-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private OrderBook Load(string path) => OrderBook.Load(path, Address, Path.Combine(_dir, "out", "orders-used.txt"));

    [Test]
    public async Task ATextFileServesPlainAndConfirmationCodeOrdersOnceEachAcrossRuns()
    {
        string path = Write("orders.txt", "# made on the portal\nLPA:1$smdp.example.com$AAA-1\n\nLPA:1$smdp.example.com$BBB-2$$1 4711\n");
        OrderBook book = Load(path);
        Assert.That(book.Orders, Has.Count.EqualTo(2));

        (TakenOrder? plain, _) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.ActivationCode), default);
        (TakenOrder? withCode, _) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.ActivationCodeWithConfirmationCode), default);
        Assert.That(plain!.MatchingId, Is.EqualTo("AAA-1"));
        Assert.That((withCode!.MatchingId, withCode.ConfirmationCode), Is.EqualTo(("BBB-2", "4711")));

        // A rerun reads the ledger: both are used, and the reason says so.
        (TakenOrder? again, string? lacking) = await Load(path).TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.ActivationCode), default);
        Assert.That(again, Is.Null);
        Assert.That(lacking, Does.Contain("are used").And.Contain("orders-used.txt"));
    }

    [Test]
    public async Task AJsonFileServesEidBoundAndUnreleasedOrdersAndSaysWhatItLacks()
    {
        string path = Write("orders.json", $$"""
            [ { "activationCode": "LPA:1$smdp.example.com$", "eid": "{{Identifiers.Eid1}}" },
              { "activationCode": "LPA:1$smdp.example.com$", "eid": "{{Identifiers.Eid1}}" },
              { "activationCode": "LPA:1$smdp.example.com$CCC-3", "released": false, "iccid": "8900000000000000001" } ]
            """);
        OrderBook book = Load(path);

        (TakenOrder? byEid, _) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.DefaultSmdp), default);
        (TakenOrder? byEidAgain, _) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.DefaultSmdp), default);
        Assert.That(byEidAgain?.Origin, Is.EqualTo("orders.json entry 1"), "EID-bound orders without a MatchingID look alike; each is used once");
        (TakenOrder? notReleased, _) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.NotReleased), default);
        (TakenOrder? plain, string? lacking) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.ActivationCode), default);
        (_, string? smds) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.SmdsEventWithMatchingId), default);

        Assert.That(byEid!.MatchingId, Is.Empty);
        Assert.That((notReleased!.MatchingId, notReleased.Iccid), Is.EqualTo(("CCC-3", "8900000000000000001")));
        Assert.That(plain, Is.Null, "the unreleased order must not serve a download that needs a released one");
        Assert.That(lacking, Does.Contain("has no such order"));
        Assert.That(smds, Does.Contain("SM-DS event"));
    }

    [Test]
    public async Task AnActivationCodeFoundByEidMustBeLinkedToTheEid()
    {
        // SGP.23 4.3.14.2.1 #17/#18: the LPA withholds the MatchingID, so only an order linked to the eUICC's EID can be found.
        string path = Write("orders.json", $$"""
            [ { "activationCode": "LPA:1$smdp.example.com$AAA-1" },
              { "activationCode": "LPA:1$smdp.example.com$BBB-2", "eid": "{{Identifiers.Eid2}}" },
              { "activationCode": "LPA:1$smdp.example.com$CCC-3", "eid": "{{Identifiers.Eid1}}" } ]
            """);
        OrderBook book = Load(path);

        (TakenOrder? linked, _) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.ActivationCodeLinkedToEid), default);
        (TakenOrder? none, string? lacking) = await book.TakeAsync(DownloadOrderDriver.NeedsOf(DownloadOrderStyle.ActivationCodeLinkedToEid), default);

        Assert.That(linked?.MatchingId, Is.EqualTo("CCC-3"));
        Assert.That(none, Is.Null, "an order not linked to the eUICC's EID cannot serve");
        Assert.That(lacking, Does.Contain("bound to EID " + Identifiers.Eid1).And.Contain("are used"));
    }

    [TestCase("orders.txt", "LPA:1$other.example.com$AAA-1\n", "is for the SM-DP+ address other.example.com")]
    [TestCase("orders.txt", "LPA:1$smdp.example.com$aaa\n", "line 1 is not an activation code")]
    [TestCase("orders.txt", "# nothing\n", "holds no order")]
    [TestCase("orders.json", "{}", "must be a JSON array")]
    [TestCase("orders.json", """[{"iccid": "8900000000000000001"}]""", "entry 0 has neither activationCode nor eid")]
    [TestCase("orders.json", """[{"eid": "123"}]""", "not 32 digits")]
    public void AFileThatIsNoListOfOrdersIsRefusedInOneSentence(string name, string text, string says)
    {
        var e = Assert.Throws<ConfigException>(() => Load(Write(name, text)))!;
        Assert.That(e.Message, Does.Contain(says).And.StartWith("Setting orders"));
    }

    [Test]
    public void TheSelectionMustNotTakeMoreOrdersOfAKindThanTheFileHoldsUnused()
    {
        OrderBook book = Load(Write("orders.txt", "LPA:1$smdp.example.com$AAA-1\nLPA:1$smdp.example.com$AAA-2\n"));
        var config = new TargetConfig();
        FeatureScenario Scenario(string step) => new("features/x.feature", step, ["smdp"], [("Given", step, false)]);
        FeatureScenario plain = Scenario("a profile released for the eUICC with a MatchingID");
        FeatureScenario byEid = Scenario("a profile released for the eUICC for its default SM-DP+");

        IReadOnlyList<string> enough = OrderPlan.Check(book, OrderPlan.Needs([plain, plain, byEid], config));
        Assert.That(enough, Is.EqualTo(new[]
        {
            "2 x a released order with a MatchingID: 2 unused in the file",
            $"1 x a released order bound to EID {Identifiers.Eid1} with an empty MatchingID: none in the file, those scenarios will be skipped",
        }));
        var e = Assert.Throws<ConfigException>(() => OrderPlan.Check(book, OrderPlan.Needs([plain, plain, plain], config)))!;
        Assert.That(e.Message, Does.Contain("takes 3 orders").And.Contain("has 2 unused").And.Contain("add 1 more"));
    }
}
