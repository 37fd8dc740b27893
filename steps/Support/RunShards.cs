using System.Reflection;
using System.Text;

namespace Conformance.Steps.Support;

/// <summary>
/// Splits the selected scenarios of a run over several test hosts that run side by side (--jobs). The unit
/// of work is a feature's scenarios on one curve (a generated NUnit fixture, narrowed to @nist, @brp or
/// neither), so a feature's two curves can run in two hosts; units go to the least-loaded host, largest
/// first, weighed by their scenario count. Each host gets a dotnet test filter: the run's selection and
/// its units. Read from the compiled fixtures, so the filters name exactly the classes Reqnroll generated.
/// </summary>
public static class RunShards
{
    private static readonly string[] CurveTags = ["nist", "brp"];

    /// <summary>One scenario as compiled: its fixture's full name and every tag (feature, scenario and example row).</summary>
    public sealed record CompiledScenario(string Fixture, IReadOnlySet<string> Tags)
    {
        public string? Curve => CurveTags.FirstOrDefault(Tags.Contains);
    }

    /// <summary>A feature's selected scenarios on one curve (null: scenarios without a curve tag).</summary>
    public sealed record Unit(string Fixture, string? Curve, int Scenarios, bool FixtureHasOtherUnits)
    {
        /// <summary>The dotnet test filter of this unit alone.</summary>
        public string Filter
        {
            get
            {
                // The trailing dot keeps "XFeature" from matching "XFeatureY"; test names are Namespace.Class.Method(args).
                string name = $"FullyQualifiedName~{TagExpression.EscapeFilterValue(Fixture)}.";
                if (!FixtureHasOtherUnits)
                {
                    return name;
                }

                return Curve is null
                    ? $"({name}&{string.Join("&", CurveTags.Select(c => $"Category!={c}"))})"
                    : $"({name}&Category={Curve})";
            }
        }
    }

    /// <summary>Every scenario compiled into <paramref name="steps"/> (the Reqnroll-generated NUnit fixtures).</summary>
    public static IReadOnlyList<CompiledScenario> Scenarios(Assembly steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var scenarios = new List<CompiledScenario>();
        foreach (Type fixture in steps.GetTypes().Where(t => t.GetCustomAttribute<TestFixtureAttribute>() is not null).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string[] featureTags = fixture.GetCustomAttributes<CategoryAttribute>().Select(c => c.Name).ToArray();
            foreach (MethodInfo method in fixture.GetMethods().OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                string[] scenarioTags = method.GetCustomAttributes<CategoryAttribute>().Select(c => c.Name).ToArray();
                var rows = method.GetCustomAttributes<TestCaseAttribute>().ToList();
                if (rows.Count > 0)
                {
                    scenarios.AddRange(rows.Select(row => new CompiledScenario(fixture.FullName!,
                        featureTags.Concat(scenarioTags).Concat(row.Properties[NUnit.Framework.Internal.PropertyNames.Category].Cast<string>()).ToHashSet(StringComparer.Ordinal))));
                }
                else if (method.GetCustomAttribute<TestAttribute>() is not null)
                {
                    scenarios.Add(new CompiledScenario(fixture.FullName!, featureTags.Concat(scenarioTags).ToHashSet(StringComparer.Ordinal)));
                }
            }
        }

        return scenarios;
    }

    /// <summary>
    /// The units of the scenarios <paramref name="selection"/> keeps, split into at most <paramref name="jobs"/>
    /// groups (fewer when there are fewer units); one group when <paramref name="jobs"/> is 1.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Unit>> Plan(IEnumerable<CompiledScenario> scenarios, TagExpression? selection, int jobs)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var selected = scenarios.Where(s => selection is null || selection.Matches(s.Tags)).ToList();
        var unitsPerFixture = selected.GroupBy(s => s.Fixture).ToDictionary(g => g.Key, g => g.Select(s => s.Curve).Distinct().Count());
        List<Unit> units = selected
            .GroupBy(s => (s.Fixture, s.Curve))
            .Select(g => new Unit(g.Key.Fixture, g.Key.Curve, g.Count(), unitsPerFixture[g.Key.Fixture] > 1))
            .OrderByDescending(u => u.Scenarios).ThenBy(u => u.Fixture, StringComparer.Ordinal).ThenBy(u => u.Curve, StringComparer.Ordinal)
            .ToList();
        int groups = Math.Max(1, Math.Min(jobs, units.Count));
        var plan = Enumerable.Range(0, groups).Select(_ => new List<Unit>()).ToList();
        foreach (Unit unit in units)
        {
            plan.MinBy(g => g.Sum(u => u.Scenarios))!.Add(unit);
        }

        return plan;
    }

    /// <summary>
    /// The dotnet test filter of each test host of a run with <paramref name="config"/>, or an empty list when
    /// one host runs everything (jobs 1, or a selection of a single unit).
    /// </summary>
    public static IReadOnlyList<string> Filters(TargetConfig config, Assembly steps)
    {
        ArgumentNullException.ThrowIfNull(config);
        TagExpression? selection = RunSelection.Of(config);
        IReadOnlyList<IReadOnlyList<Unit>> plan = Plan(Scenarios(steps), selection, config.EffectiveJobs);
        if (plan.Count < 2)
        {
            return [];
        }

        string? narrowed = selection?.ToTestFilter();
        return plan.Select(group =>
        {
            var filter = new StringBuilder();
            filter.Append('(').AppendJoin('|', group.Select(u => u.Filter)).Append(')');
            return narrowed is null ? filter.ToString() : $"{narrowed}&{filter}";
        }).ToList();
    }
}
