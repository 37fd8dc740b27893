using Conformance.Reports.Allure;
using Conformance.Reports.Coverage;
using Conformance.Reports.JUnit;
using Conformance.Reports.Summary;
using Conformance.Rsp.Crypto;
using Conformance.Steps.Support;

namespace Conformance.Steps;

/// <summary>
/// The run tool behind ./conformance (the test host does not use this entry point):
/// <c>check-config</c> validates the configuration before any scenario runs and prints the test filter;
/// <c>finish OUT</c> turns OUT/allure-results into junit.xml, coverage.md and the summary table;
/// <c>step-catalog [--check]</c> regenerates (or checks) features/_StepCatalog.md.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["check-config"] => CheckConfig(),
                ["finish", var outDir, .. var rest] => Finish(outDir, attachCoverage: rest.Contains("--attach-coverage")),
                ["step-catalog"] => WriteStepCatalog(check: false),
                ["settings"] => PrintSettings(),
                ["step-catalog", "--check"] => WriteStepCatalog(check: true),
                _ => Usage(),
            };
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>
    /// Loads and validates the configuration (the PKI included); prints "filter=...", "out=...", "target=..." and,
    /// when several test hosts share the run (--jobs), one "shard=..." filter per host.
    /// </summary>
    private static int CheckConfig()
    {
        TargetConfig config = TargetConfig.Load();
        var pkiNotes = new List<string>();
        var pki = HarnessRun.LoadPki(config, pkiNotes);
        Console.WriteLine($"filter={RunSelection.TestFilter(config)}");
        foreach (string shard in RunShards.Filters(config, typeof(Program).Assembly))
        {
            Console.WriteLine($"shard={shard}");
        }

        Console.WriteLine($"out={Path.GetFullPath(config.OutDirectory)}");
        Console.WriteLine($"target={config.SmdpTarget}");
        if (config.PkiDirectory is not null && config.Curves.Count == 1 && !config.Origins.ContainsKey(Settings.Curve.Key))
        {
            Console.WriteLine($"note=the PKI {config.PkiDirectory} holds a CI of {config.Curves[0].ShortName()} only: the other curve's scenarios are left out (as with --curve {config.Curves[0].ShortName()})");
        }
        foreach (string note in pkiNotes)
        {
            Console.WriteLine($"note={note}");
        }
        switch (HarnessRun.OrderSourceOf(config))
        {
            case Support.Orders.OrderBook book:
                Console.WriteLine($"orders={book.Name}: {book.Unused} of {book.Orders.Count} orders unused (ledger {book.Ledger})");
                TagExpression? selection = RunSelection.Of(config);
                var selected = FeatureCatalog.Load(RepoPaths.Features).Where(s => selection is null || selection.Matches(s.Tags));
                foreach (string line in Support.Orders.OrderPlan.Check(book, Support.Orders.OrderPlan.Needs(selected, config)))
                {
                    Console.WriteLine($"orders=  {line}");
                }
                break;
            case { } source:
                Console.WriteLine($"orders={source.Name}");
                break;
        }
        if (!config.Euicc.IsEmulated)
        {
            // Fail fast: the card must be there before any scenario runs.
            try
            {
                Console.WriteLine($"euicc={PcscCardCheck.CheckAsync(config, pki, CancellationToken.None).GetAwaiter().GetResult()}");
            }
            catch (EuiccUnavailableException e)
            {
                Console.Error.WriteLine($"Setting euicc ('{config.Euicc}'): {e.Message}");
                return 2;
            }
        }

        return 0;
    }

    /// <summary>JUnit XML, SGP.23 coverage and the console summary from an allure-results directory; 0 only when every scenario passed.</summary>
    private static int Finish(string outDirectory, bool attachCoverage)
    {
        string results = Path.Combine(outDirectory, "allure-results");
        if (!Directory.Exists(results))
        {
            Console.Error.WriteLine($"no results in {results}: run ./conformance run first");
            return 2;
        }

        IReadOnlyList<AllureResult> all = AllureResultsReader.ReadResults(results);
        JUnitWriter.Write(all, Path.Combine(outDirectory, "junit.xml"));
        CoverageMatrix matrix = CoverageMatrix.Build(Sgp23Catalog.Load(RepoPaths.Sgp23Catalog),
            FeatureCatalog.Load(RepoPaths.Features).Where(s => s.TestCaseId is not null).Select(s => s.ToRef()),
            ScenarioVerdict.FromResults(all));
        CoverageReport.WriteMarkdown(matrix, outDirectory);
        if (attachCoverage)
        {
            CoverageReport.AttachTo(new AllureRun(results), matrix);
        }

        var summary = RunSummary.From(all);
        if (summary.Total.Total == 0)
        {
            Console.Error.WriteLine("no scenario ran: the selection (--tags, --curve, target) matches none, or the test host failed (.build/run.log)");
        }

        summary.Print(Console.Out);
        Console.WriteLine(FormattableString.Invariant(
            $"SGP.23 coverage: {matrix.CoveredTestCases} of {matrix.TestCases} test cases have scenarios ({Path.Combine(outDirectory, "coverage.md")})"));
        // Skipped scenarios are not applicable to the target (their reasons are in the report): they fail no run; a run
        // in which nothing passed does.
        return summary.Succeeded && summary.Total.Passed > 0 ? 0 : 1;
    }

    /// <summary>Every setting of a run: key (config file), flag, environment variable, what it is (./conformance run --help).</summary>
    private static int PrintSettings()
    {
        Console.WriteLine("Every setting (flag, else CONFORMANCE_* variable, else key of the --config JSON file; - = no flag):");
        foreach (Setting s in Settings.All)
        {
            Console.WriteLine($"  {s.Flag ?? "-",-15} {s.Env,-32} {s.Key,-20} {s.Description}");
        }

        return 0;
    }

    private static int WriteStepCatalog(bool check)
    {
        string text = StepCatalog.Render(StepCatalog.Patterns(typeof(Program).Assembly), FeatureCatalog.Load(RepoPaths.Features));
        if (check)
        {
            bool same = File.Exists(RepoPaths.StepCatalog) && File.ReadAllText(RepoPaths.StepCatalog) == text;
            Console.WriteLine(same ? "features/_StepCatalog.md is up to date" : "features/_StepCatalog.md is out of date: run ./conformance step-catalog");
            return same ? 0 : 1;
        }

        File.WriteAllText(RepoPaths.StepCatalog, text);
        Console.WriteLine($"wrote {RepoPaths.StepCatalog}");
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Conformance.Steps check-config | finish OUT [--attach-coverage] | step-catalog [--check] | settings");
        return 2;
    }
}
