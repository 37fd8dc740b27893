using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Conformance.Adapters.Es2Plus;
using Conformance.Rsp.Pki;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>
/// Issue #13 at the harness level: the bundled SM-DP+ started standalone (<c>smdp serve</c>, its own process) is the
/// remote SM-DP+ under test, and the harness never reaches its ES2+: the orders are made by this test process over ES2+
/// (as a vendor's portal would) and handed to the harness as a .txt file, a .json file or through command:. Every ES9+
/// scenario the orders can serve must pass; the others must be skipped with a reason, never failed or broken.
/// </summary>
[NonParallelizable]
public class RemoteOrdersRunTests
{
    private const string ProfileType = "Test";
    private static readonly string OtherEid = Identifiers.Eid2;
    private string _directory = null!;
    private Process? _server;
    private int _port;
    private Es2PlusClient _operator = null!;

    [OneTimeSetUp]
    public async Task StartTheSmdpAlone()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"conformance-remote-orders-{Environment.ProcessId}");
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        Directory.CreateDirectory(_directory);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])[CliDll, "smdp", "serve", "--port", _port.ToString(CultureInfo.InvariantCulture),
                     "--db", Path.Combine(_directory, "smdp.db"), "--synthetic", "400", "--profile-type", ProfileType])
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("smdp serve did not start");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await _server.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.Contains("listening on", StringComparison.Ordinal))
            {
                break;
            }
        }

        // The operator's side, in this process: the generated test PKI of smdp serve (seed 1) has the operator and the CI.
        TestPki pki = TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true });
        OperatorPki op = pki.Operator!;
        _operator = new Es2PlusClient(new Es2PlusClientOptions
        {
            BaseAddress = new Uri($"https://127.0.0.1:{_port}/"),
            TrustedRoots = [.. pki.Curves.Select(c => PkiMaterial.Certificate(c.Ci.Certificate))],
            ClientCertificate = PkiMaterial.WithKey(op.Client, op.ClientKey!),
        });
    }

    [OneTimeTearDown]
    public void StopTheSmdp()
    {
        _operator?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();
    }

    private static string CliDll
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepoPaths.Root, "cli", "Conformance.Cli", "bin", tfm.Parent!.Name, tfm.Name, "Conformance.Cli.dll");
        }
    }

    private string Address => $"127.0.0.1:{_port}";

    /// <summary>An order made on the SM-DP+ over ES2+ (DownloadOrder by profile type, ConfirmOrder): its activation code.</summary>
    private async Task<string> OrderAsync(string? eid = null, string? matchingId = null, string? code = null, bool release = true)
    {
        Es2PlusResponse<DownloadOrderResult> ordered = await _operator.DownloadOrderAsync(new DownloadOrderRequest(eid, null, ProfileType));
        string iccid = ordered.Result?.Iccid ?? throw new InvalidOperationException($"DownloadOrder: {ordered.ExecutionStatus}");
        Es2PlusResponse<ConfirmOrderResult> confirmed = await _operator.ConfirmOrderAsync(new ConfirmOrderRequest(iccid, release, eid, matchingId, code));
        return $"LPA:1${Address}${confirmed.Result?.MatchingId ?? throw new InvalidOperationException($"ConfirmOrder: {confirmed.ExecutionStatus}")}";
    }

    private Dictionary<string, string> RunSettings(string orders) => new()
    {
        [Steps.Support.Settings.Smdp.Env] = $"https://{Address}",
        [Steps.Support.Settings.SmdpAddress.Env] = Address,
        [Steps.Support.Settings.Orders.Env] = orders,
        [Steps.Support.Settings.Tags.Env] = "@es9plus",
    };

    private async Task<HarnessRunResult> RunAsync(string name, string orders)
    {
        HarnessRunResult run = await HarnessProcess.RunAsync(RunSettings(orders), Path.Combine(_directory, name), TimeSpan.FromMinutes(5));
        Assert.That(run.Scenarios, Is.Not.Empty, HarnessProcess.Why(run.Log));
        var wrong = run.Scenarios.Where(s => !s.Passed && s.Outcome != "skipped").Select(s => $"{s.Outcome} {s.Name}: {s.Message}");
        Assert.That(wrong, Is.Empty, "every scenario the orders serve passes, the others are skipped");
        return run;
    }

    private static void SkippedWithReasons(HarnessRunResult run)
    {
        foreach (ScenarioResult skipped in run.Scenarios.Where(s => s.Outcome == "skipped"))
        {
            Assert.That(skipped.Message, Does.StartWith("Not applicable to this target: "), skipped.Name);
        }
    }

    [Test]
    public async Task ATextFileOfActivationCodesServesTheScenariosThatNeedNoMore()
    {
        var lines = new StringBuilder("# made by another process over the SM-DP+'s ES2+\n");
        for (int i = 0; i < 150; i++)
        {
            lines.Append(await OrderAsync()).Append('\n');
        }

        for (int i = 0; i < 12; i++)
        {
            lines.Append(await OrderAsync(code: "4711")).Append("$$1 4711\n");
        }

        string file = Path.Combine(_directory, "orders.txt");
        await File.WriteAllTextAsync(file, lines.ToString());
        HarnessRunResult run = await RunAsync("txt", file);
        SkippedWithReasons(run);
        Assert.That(run.Scenarios.Count(s => s.Passed), Is.GreaterThan(130), "the activation code scenarios of ES9+ run on plain codes");
    }

    [Test]
    public async Task TheExampleOrderCommandMakesEachOrderAsTheScenarioNeedsIt()
    {
        // fixtures/orders/smdp-order.mjs runs ./conformance smdp order once per order (a second each): one function's scenarios.
        string command = $"ORDER_SMDP_URL=https://{Address}/ ORDER_PROFILE_TYPE={ProfileType} node {Path.Combine(RepoPaths.Root, "fixtures", "orders", "smdp-order.mjs")}";
        var settings = RunSettings("command:" + command);
        settings[Steps.Support.Settings.Tags.Env] = "@TC_SM-DP+_ES9+.AuthenticateClientNIST";
        HarnessRunResult run = await HarnessProcess.RunAsync(settings, Path.Combine(_directory, "command"), TimeSpan.FromMinutes(5));
        Assert.That(run.Scenarios, Is.Not.Empty, HarnessProcess.Why(run.Log));
        Assert.That(run.Scenarios.Where(s => !s.Passed && s.Outcome != "skipped").Select(s => $"{s.Outcome} {s.Name}: {s.Message}"), Is.Empty);
        SkippedWithReasons(run);
        Assert.That(run.Scenarios.Where(s => s.Outcome == "skipped").Select(s => s.Message), Has.All.Contain("SM-DS event"),
            "the command makes every kind of order but SM-DS events");
    }

    [Test]
    public async Task AJsonFileAddsTheEidBoundAndUnreleasedOrders()
    {
        var entries = new List<string>();
        for (int i = 0; i < 150; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync()}}"}""");
        }

        for (int i = 0; i < 12; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync(code: "4711")}}$$1", "confirmationCode": "4711"}""");
        }

        // The default SM-DP+ address scenarios (31 on both curves) take an EID-bound order each.
        for (int i = 0; i < 36; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync(Identifiers.Eid1, matchingId: "")}}", "eid": "{{Identifiers.Eid1}}"}""");
        }

        for (int i = 0; i < 4; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync(OtherEid)}}", "eid": "{{OtherEid}}"}""");
            entries.Add($$"""{"activationCode": "{{await OrderAsync(release: false)}}", "released": false}""");
        }

        string file = Path.Combine(_directory, "orders.json");
        await File.WriteAllTextAsync(file, "[\n" + string.Join(",\n", entries) + "\n]\n");
        HarnessRunResult run = await RunAsync("json", file);
        SkippedWithReasons(run);
        // What only ES2+ (or a command) can offer is left: SM-DS events and the optional features nobody declared.
        Assert.That(run.Scenarios.Count(s => s.Outcome == "skipped"), Is.LessThanOrEqualTo(10), string.Join('\n', run.Scenarios.Where(s => s.Outcome == "skipped").Select(s => s.Name)));
    }
}
