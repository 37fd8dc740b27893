using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Conformance.Adapters.Es2Plus;
using Conformance.Rsp.Pki;
using Conformance.Steps.Support;

namespace Conformance.Runs.Tests;

/// <summary>
/// The bundled SM-DP+ started as a user starts it (<c>smdp serve</c> in its own process, on a free loopback port) to be
/// the remote SM-DP+ under test, with the operator's side in the test process: orders made over its ES2+ with the
/// operator certificates <c>smdp serve</c> trusts (the PKI's ES2plus/ ones, else the generated test operator, seed 1).
/// </summary>
public sealed class StandaloneSmdp : IAsyncDisposable
{
    public const string ProfileType = "Test";

    private readonly Process _server;
    private readonly Es2PlusClient _operator;

    private StandaloneSmdp(Process server, int port, Es2PlusClient op)
    {
        _server = server;
        Port = port;
        _operator = op;
    }

    public int Port { get; }

    /// <summary>The SM-DP+ address (and TLS name) of the server.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>An empty directory of this test process under the temp directory (what an earlier run left there is removed).</summary>
    public static string FreshDirectory(string name)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"conformance-{name}-{Environment.ProcessId}");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Starts <c>smdp serve</c> with <paramref name="synthetic"/> profiles, the PKI of <paramref name="pkiDirectory"/> (else the generated one) and extra arguments.</summary>
    public static async Task<StandaloneSmdp> StartAsync(string directory, int synthetic, string? pkiDirectory = null, params string[] extra)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] args = [CliDll, "smdp", "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--db", Path.Combine(directory, $"smdp-{port}.db"),
            "--synthetic", synthetic.ToString(CultureInfo.InvariantCulture), "--profile-type", ProfileType,
            .. pkiDirectory is null ? Array.Empty<string>() : ["--pki", pkiDirectory], .. extra];
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process server = Process.Start(start) ?? throw new InvalidOperationException("smdp serve did not start");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var said = new List<string>();
        while (await server.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            said.Add(line);
            if (line.Contains("listening on", StringComparison.Ordinal))
            {
                break;
            }
        }
        if (server.HasExited)
        {
            throw new InvalidOperationException($"smdp serve ended: {string.Join('\n', said)}\n{await server.StandardError.ReadToEndAsync()}");
        }

        TestPki pki = pkiDirectory is null
            ? TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true })
            : Sgp26Loader.Load(pkiDirectory, new PkiLoadOptions { Curves = Sgp26Loader.CurvesIn(pkiDirectory), Sides = PkiSides.CiOnly }).Pki!;
        OperatorPki op = pki.Operator ?? TestPkiGenerator.GenerateOperator(1);
        var client = new Es2PlusClient(new Es2PlusClientOptions
        {
            BaseAddress = new Uri($"https://127.0.0.1:{port}/"),
            TrustedRoots = [.. pki.Curves.Select(c => PkiMaterial.Certificate(c.Ci.Certificate))],
            ClientCertificate = PkiMaterial.WithKey(op.Client, op.ClientKey!),
        });
        return new StandaloneSmdp(server, port, client);
    }

    /// <summary>An order made on the SM-DP+ over ES2+ (DownloadOrder by profile type, ConfirmOrder): its activation code.</summary>
    public async Task<string> OrderAsync(string? eid = null, string? matchingId = null, string? code = null, bool release = true)
    {
        Es2PlusResponse<DownloadOrderResult> ordered = await _operator.DownloadOrderAsync(new DownloadOrderRequest(eid, null, ProfileType));
        string iccid = ordered.Result?.Iccid ?? throw new InvalidOperationException($"DownloadOrder: {ordered.ExecutionStatus}");
        Es2PlusResponse<ConfirmOrderResult> confirmed = await _operator.ConfirmOrderAsync(new ConfirmOrderRequest(iccid, release, eid, matchingId, code));
        return $"LPA:1${Address}${confirmed.Result?.MatchingId ?? throw new InvalidOperationException($"ConfirmOrder: {confirmed.ExecutionStatus}")}";
    }

    /// <summary>
    /// A .json order file of every kind a file can hold: plain codes, codes with a confirmation code (4711), orders bound to
    /// <paramref name="eid"/> with an empty MatchingID (default SM-DP+ address), orders bound to another EID, unreleased ones.
    /// </summary>
    public async Task<string> JsonOrdersAsync(string file, string eid, string otherEid, int plain, int withCode, int eidBound, int fewOthers)
    {
        var entries = new List<string>();
        for (int i = 0; i < plain; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync()}}"}""");
        }

        for (int i = 0; i < withCode; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync(code: "4711")}}$$1", "confirmationCode": "4711"}""");
        }

        for (int i = 0; i < eidBound; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync(eid, matchingId: "")}}", "eid": "{{eid}}"}""");
        }

        for (int i = 0; i < fewOthers; i++)
        {
            entries.Add($$"""{"activationCode": "{{await OrderAsync(otherEid)}}", "eid": "{{otherEid}}"}""");
            entries.Add($$"""{"activationCode": "{{await OrderAsync(release: false)}}", "released": false}""");
        }

        await File.WriteAllTextAsync(file, "[\n" + string.Join(",\n", entries) + "\n]\n");
        return file;
    }

    /// <summary>The settings of a harness run against this server with orders from <paramref name="orders"/>.</summary>
    public Dictionary<string, string> RunSettings(string orders, string tags) => new()
    {
        [Settings.Smdp.Env] = $"https://{Address}",
        [Settings.SmdpAddress.Env] = Address,
        [Settings.Orders.Env] = orders,
        [Settings.Tags.Env] = tags,
    };

    private static string CliDll
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepoPaths.Root, "cli", "Conformance.Cli", "bin", tfm.Parent!.Name, tfm.Name, "Conformance.Cli.dll");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _operator.Dispose();
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _server.WaitForExitAsync(cts.Token);
        }

        _server.Dispose();
    }
}
