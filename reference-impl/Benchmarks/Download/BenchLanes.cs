using System.Globalization;

namespace Conformance.Benchmarks.Download;

/// <summary>
/// What the benchmark client and its server process agree on: one emulated eUICC per lane (download in flight),
/// its EID, and the MatchingIDs of the orders made for it before the run (one released order per download).
/// </summary>
internal static class BenchLanes
{
    /// <summary>The EID of lane <paramref name="lane"/>, inside the test EUM's permitted range.</summary>
    public static string Eid(int lane) => $"8904903200000000000000000001{lane.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>The MatchingID of the <paramref name="n"/>-th order of lane <paramref name="lane"/>.</summary>
    public static string MatchingId(int lane, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"BENCH-{lane:D4}-{n:D6}");
}
