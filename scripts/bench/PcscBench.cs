#:project ../../adapters/Conformance.Adapters.csproj
#:project ../../reference-impl/Euicc/Conformance.Euicc.csproj
#:property PublishAot=false
// The cost of the PC/SC path against the in-process emulator, per ES10 call (see scripts/pcsc-bench.sh, which starts
// a private pcscd and the emulator as a vpcd virtual card with the same PKI). Not a test: prints figures only.
//   dotnet run scripts/bench/PcscBench.cs -- PKI_DIR READER [CALLS]
using System.Diagnostics;
using System.Globalization;
using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;

string pki = args[0];
string reader = args[1];
int calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;

using var handler = new Es10Handler(EuiccIdentity.Load(pki));
await using (var inProcess = new InProcessApduTransport(new IsdrFrontEnd(handler)))
{
    await MeasureAsync("in-process", inProcess, calls);
}

var options = new PcscOptions { Reader = PcscReaderSelector.Parse(reader) };
await using (PcscTransport pcsc = await PcscTransport.ConnectAsync(options, CancellationToken.None))
{
    await MeasureAsync($"PC/SC {pcsc.ActiveProtocol}", pcsc, calls);
}

var connect = new List<double>();
for (int i = 0; i < 50; i++)
{
    long t = Stopwatch.GetTimestamp();
    await using (PcscTransport once = await PcscTransport.ConnectAsync(options, CancellationToken.None))
    {
        Es10Client es10 = await Es10Client.OpenAsync(once, NullExchangeRecorder.Instance);
        await es10.Session.DisposeAsync();
    }
    connect.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}
Print("PC/SC connect + ISD-R open/close (per scenario)", connect, 0);

static async Task MeasureAsync(string name, IApduTransport transport, int calls)
{
    var recorder = new ExchangeRecorder();
    Es10Client es10 = await Es10Client.OpenAsync(transport, recorder);
    await using (es10.Session)
    {
        var functions = new (string Name, Func<Task> Call)[]
        {
            ("GetEID", () => es10.GetEidAsync()),
            ("GetEUICCInfo1", () => es10.GetEuiccInfo1Async()),
            ("GetEUICCInfo2", () => es10.GetEuiccInfo2Async()),
            ("GetEUICCChallenge", () => es10.GetEuiccChallengeAsync()),
            ("GetProfilesInfo", () => es10.GetProfilesInfoAsync()),
        };
        foreach (var (function, call) in functions)
        {
            for (int i = 0; i < 20; i++)
            {
                await call();
            }
            recorder.Clear();
            var ms = new List<double>(calls);
            for (int i = 0; i < calls; i++)
            {
                long t = Stopwatch.GetTimestamp();
                await call();
                ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            Print($"{name,-12} {function}", ms, (double)recorder.Exchanges.Count(e => e.Kind == ExchangeKind.Apdu) / calls);
        }
    }
}

static void Print(string what, List<double> ms, double apdus)
{
    ms.Sort();
    double mean = ms.Average();
    string perApdu = apdus > 0 ? FormattableString.Invariant($"  APDUs/call {apdus:0.#}  per APDU {mean / apdus:0.000} ms") : "";
    Console.WriteLine(FormattableString.Invariant(
        $"{what,-48} n={ms.Count,4}  mean {mean,8:0.000} ms  p50 {ms[ms.Count / 2],8:0.000}  p95 {ms[(int)(ms.Count * 0.95)],8:0.000}{perApdu}"));
}
