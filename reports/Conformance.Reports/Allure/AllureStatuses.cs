namespace Conformance.Reports.Allure;

/// <summary>Verdict helpers.</summary>
public static class AllureStatuses
{
    /// <summary>
    /// Failed for an assertion (any exception whose type, or a base type, has "Assert" in its
    /// name: NUnit's AssertionException, Reqnroll assertion types, our own
    /// ConformanceAssertion...), Broken for everything else (harness bug, I/O, timeout).
    /// </summary>
    public static AllureStatus FromException(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var type = error.GetType(); type is not null; type = type.BaseType)
        {
            if (type.Name.Contains("Assert", StringComparison.Ordinal))
            {
                return AllureStatus.Failed;
            }
        }
        return AllureStatus.Broken;
    }

    /// <summary>The worse of two verdicts (broken &gt; failed &gt; passed &gt; skipped).</summary>
    public static AllureStatus Worst(AllureStatus a, AllureStatus b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(AllureStatus s) => s switch
    {
        AllureStatus.Broken => 3,
        AllureStatus.Failed => 2,
        AllureStatus.Passed => 1,
        _ => 0,
    };
}
