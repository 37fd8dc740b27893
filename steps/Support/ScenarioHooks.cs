using System.Globalization;
using System.Text;
using Conformance.Reports.Allure;

namespace Conformance.Steps.Support;

/// <summary>
/// Per scenario: makes the run available to drivers (context injection), records the scenario and each
/// step in Allure with timing and verdict, attaches every HTTP exchange decoded to the step that made it
/// and, on failure, all exchanges of the scenario to the scenario; writes one progress line.
/// </summary>
[Binding]
public sealed class ScenarioHooks(IObjectContainer container, FeatureContext feature, ScenarioContext scenario, ExchangeLog exchanges,
    StepAttachments attachments, AfterScenarioFindings findings)
{
    private ScenarioRecorder? _recorder;

    /// <summary>The keyword and text of the step that failed first, or null.</summary>
    private StepInfo? _failedStep;

    [BeforeScenario(Order = HookOrder.Harness)]
    public void StartScenario()
    {
        HarnessRun? run = RunHooks.Current;
        if (run is not null)
        {
            container.RegisterInstanceAs(run);
            _recorder = run.Allure.StartScenario(ScenarioDescription.Of(feature.FeatureInfo, scenario.ScenarioInfo, run.Config));
        }

        if (RunHooks.StartupError is { } error)
        {
            throw new ConfigException(error);
        }

        if (run is not null && SmdpFeatures.NeededBy(feature.FeatureInfo.Tags.Concat(scenario.ScenarioInfo.Tags)).FirstOrDefault(o => !run.Config.SmdpOptions.Contains(o)) is { } missing)
        {
            Assert.Ignore($"Not applicable to this target: the scenario needs the optional feature '{missing}' ({SmdpFeatures.Known.GetValueOrDefault(missing, "unknown")}), " +
                $"which {(run.Config.TargetPath is { } p ? $"the target declaration {p} does not list" : run.Config.IsReference ? "the bundled reference SM-DP+ does not offer" : "the SM-DP+ under test has not declared (--target FILE)")}.");
        }
    }

    [BeforeStep(Order = HookOrder.Harness)]
    public void StartStep()
    {
        StepInfo step = scenario.StepContext.StepInfo;
        _recorder?.StartStep($"{step.StepDefinitionType} {step.Text}");
        if (step.Table is { } table)
        {
            _recorder?.Attach("step table", MimeTypes.Text, table.ToString());
        }
    }

    [AfterStep(Order = HookOrder.Verdict)]
    public void EndStep()
    {
        if (_recorder is null)
        {
            return;
        }

        foreach (Adapters.Http.RecordedExchange x in exchanges.TakeNew())
        {
            _recorder.Attach(ExchangeLog.Summary(x), MimeTypes.Text, ExchangeLog.Describe(x));
        }

        foreach (StepAttachment a in attachments.TakeNew())
        {
            _recorder.Attach(a.Name, a.MimeType, a.Content);
        }

        if (_failedStep is null && scenario.TestError is not null)
        {
            _failedStep = scenario.StepContext.StepInfo;
        }

        _recorder.EndStep(scenario.TestError);
    }

    [AfterScenario(Order = HookOrder.Verdict)]
    public void FinishScenario()
    {
        if (_recorder is null)
        {
            RaiseFindings();
            return;
        }

        (AllureStatus status, AllureStatusDetails? details) = Verdict();
        if (status is AllureStatus.Failed or AllureStatus.Broken && exchanges.All.Count > 0)
        {
            _recorder.Attach("all HTTP exchanges of the scenario", MimeTypes.Text,
                string.Join("\n" + new string('=', 72) + "\n\n", exchanges.All.Select(ExchangeLog.Describe)));
        }

        if (status is AllureStatus.Failed or AllureStatus.Broken)
        {
            foreach (StepAttachment a in attachments.All)
            {
                _recorder.Attach("scenario: " + a.Name, a.MimeType, a.Content);
            }
        }

        if (status is AllureStatus.Passed && findings.All.Count > 0)
        {
            (status, details) = (AllureStatus.Failed, new AllureStatusDetails(string.Join("\n", findings.All)));
        }

        AllureResult result = _recorder.Finish(status, details);
        Progress(result);
        RaiseFindings();
    }

    /// <summary>The result is written: now the runner (NUnit, trx) learns of the After hooks' findings too.</summary>
    private void RaiseFindings()
    {
        if (findings.All.Count > 0 && scenario.TestError is null)
        {
            throw new InvalidOperationException(string.Join("\n", findings.All));
        }
    }

    private (AllureStatus, AllureStatusDetails?) Verdict()
    {
        if (scenario.TestError is IgnoreException ignored)
        {
            // Assert.Ignore: the target cannot offer what the scenario needs; the message says what and why.
            return (AllureStatus.Skipped, new AllureStatusDetails(ignored.Message));
        }

        if (scenario.TestError is { } error)
        {
            AllureStatus status = AllureStatuses.FromException(error);
            if (status == AllureStatus.Failed && _failedStep is { StepDefinitionType: Reqnroll.Bindings.StepDefinitionType.Given } given)
            {
                // A Given step sets up what the scenario tests; when the SUT fails it there, the scenario never reached its
                // rule: broken, with the cause, not failed on a rule it did not test.
                AllureStatusDetails details = AllureStatusDetails.FromException(error);
                return (AllureStatus.Broken, details with { Message = $"precondition not met (Given {given.Text}): {details.Message}" });
            }

            return (status, AllureStatusDetails.FromException(error));
        }

        return scenario.ScenarioExecutionStatus switch
        {
            ScenarioExecutionStatus.OK => (AllureStatus.Passed, null),
            ScenarioExecutionStatus.Skipped => (AllureStatus.Skipped, null),
            var other => (AllureStatus.Broken, new AllureStatusDetails($"the scenario ended as {other} (undefined or pending step?)")),
        };
    }

    private void Progress(AllureResult result)
    {
        if (RunHooks.Current?.ProgressFile is not { } file)
        {
            return;
        }

        string verdict = result.Status switch
        {
            AllureStatus.Passed => "PASS",
            AllureStatus.Failed => "FAIL",
            AllureStatus.Broken => "BROKEN",
            _ => "SKIP",
        };
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{verdict,-6} {result.Label(AllureLabels.Epic)} {result.Label(AllureLabels.Feature)}: {result.Name}");
        line.Append(CultureInfo.InvariantCulture, $" ({result.DurationSeconds * 1000:0} ms)");
        if (result.Status is not AllureStatus.Passed && result.StatusDetails?.Message is { Length: > 0 } m)
        {
            line.Append("\n         ").Append(m.Split('\n')[0].Trim());
        }

        File.AppendAllText(file, line.Append('\n').ToString());
    }
}
