using Conformance.Steps.Drivers;
using Conformance.Steps.Support.Orders;

namespace Conformance.Steps.Tests;

/// <summary>The <c>command:CMD</c> order source: what it tells the program, and how it reports a program that fails.</summary>
public class CommandOrdersTests
{
    private static readonly OrderNeeds ActivationCode = DownloadOrderDriver.NeedsOf(DownloadOrderStyle.ActivationCodeLinkedToEid);

    private static CommandOrders Command(string shell) => new(shell, "smdp.example.com", TimeSpan.FromSeconds(20));

    [Test]
    public async Task AnAnswerBecomesTheOrderAndTheProgramReadsTheNeeds()
    {
        // The program echoes the EID it was asked for as the MatchingID, so the test sees what it was told.
        string shell = """sed -E 's/.*"eid":"([0-9]+)".*"eidRequired":true.*/{"activationCode":"LPA:1$smdp.example.com$M-\1","iccid":"8900000000000000001"}/'""";
        (TakenOrder? order, string? lacking) = await Command(shell).TakeAsync(ActivationCode, default);
        Assert.That(lacking, Is.Null);
        Assert.That((order!.MatchingId, order.Iccid), Is.EqualTo(($"M-{ActivationCode.Eid}", "8900000000000000001")));
    }

    [Test]
    [NonParallelizable]
    public async Task TheProgramRunsWhereTheUserRanConformance()
    {
        // The test host runs in its build directory; a relative path in the command is the user's (CONFORMANCE_CALLER_DIR).
        string name = "CALLER-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), name)).FullName;
        string? before = Environment.GetEnvironmentVariable("CONFORMANCE_CALLER_DIR");
        Environment.SetEnvironmentVariable("CONFORMANCE_CALLER_DIR", dir);
        try
        {
            (TakenOrder? order, _) = await Command("cat >/dev/null; printf '{\"activationCode\":\"LPA:1$smdp.example.com$%s\"}' \"$(basename \"$PWD\")\"")
                .TakeAsync(ActivationCode, default);
            Assert.That(order!.MatchingId, Is.EqualTo(name));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CONFORMANCE_CALLER_DIR", before);
            Directory.Delete(dir);
        }
    }

    [Test]
    public async Task UnsupportedSkipsWithTheProgramsReason()
    {
        (TakenOrder? order, string? lacking) = await Command("""cat >/dev/null; echo '{"unsupported": "no portal API for EID-bound orders"}'""").TakeAsync(ActivationCode, default);
        Assert.That(order, Is.Null);
        Assert.That(lacking, Does.EndWith("the order command cannot make one: no portal API for EID-bound orders"));
    }

    [Test]
    public void AFailureQuotesTheProgramsLastWordsNotARuntimeBanner()
    {
        // What Node.js prints for an uncaught exception: the error, its stack, the error object, then its version.
        string shell = "cat >/dev/null; printf '%s\\n' 'node:child_process:966' '    throw err;' '    ^' '' 'Error: Command failed: ./conformance smdp order' " +
            "'    at f (file:///x.mjs:3:9)' '    at g (file:///x.mjs:4:1) {' '  status: 1,' '  signal: null' '}' '' 'Node.js v20.20.2' >&2; exit 1";
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => Command(shell).TakeAsync(ActivationCode, default));
        string first = e!.Message.Split(Environment.NewLine)[0];
        Assert.That(first, Is.EqualTo($"The order command ({shell}) exited with 1: Error: Command failed: ./conformance smdp order."));
        Assert.That(e.Message, Does.Contain("Its standard error ends:").And.Contain("signal: null"), "the whole end of the dump goes to the trace");
    }

    [TestCase("at f (file:1:2)\nNode.js v22.1.0\n", null)]
    [TestCase("Error: Command failed\n    at f (file:1:2) {\n  status: 1\n}\n\nNode.js v22.1.0\n", "Error: Command failed")]
    [TestCase("Error: Command failed\n    at f (file:1:2)\n\nNode.js v22.1.0\n", "Error: Command failed")]
    [TestCase("conformance: build failed; full log in .build/build.log\n", "conformance: build failed; full log in .build/build.log")]
    public void LastWordsSkipStackFramesAndBanners(string stderr, string? expected) =>
        Assert.That(CommandOrders.LastWords(stderr), Is.EqualTo(expected));
}
