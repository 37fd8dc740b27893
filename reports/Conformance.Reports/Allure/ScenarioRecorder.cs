namespace Conformance.Reports.Allure;

/// <summary>
/// Records one scenario: nested steps, attachments, set-up/tear-down fixtures, then the
/// verdict. Calls are serialised internally, so hooks on other threads may attach too.
/// Attachments go to the innermost open step, or to the scenario when no step is open.
/// </summary>
public sealed class ScenarioRecorder
{
    private readonly Lock _gate = new();
    private readonly AllureRun _run;
    private readonly AllureResult _result;
    private readonly Stack<AllureStep> _open = new();
    private readonly List<AllureStep> _befores = [];
    private readonly List<AllureStep> _afters = [];
    private AllureStep? _fixture;
    private bool _finished;

    internal ScenarioRecorder(AllureRun run, ScenarioInfo info)
    {
        _run = run;
        Info = info;
        var fullName = info.EffectiveFullName;
        _result = new AllureResult
        {
            Uuid = Guid.NewGuid().ToString(),
            Name = info.Name,
            FullName = fullName,
            HistoryId = StableHash.History(fullName, info.Parameters),
            TestCaseId = StableHash.Of(fullName),
            Description = info.Description,
            Start = run.NowMs(),
            Stage = "running",
            Labels = info.ToLabels(),
            Parameters = [.. info.Parameters],
            Links = [.. info.Links],
        };
        _result.Labels.Add(new(AllureLabels.Thread, $"{Environment.ProcessId}.{Environment.CurrentManagedThreadId}"));
    }

    public ScenarioInfo Info { get; }

    /// <summary>The uuid of the result file ("&lt;uuid&gt;-result.json").</summary>
    public string Uuid => _result.Uuid;

    /// <summary>Adds a label beyond those of <see cref="ScenarioInfo"/>.</summary>
    public void AddLabel(string name, string value) => Locked(() => _result.Labels.Add(new(name, value)));

    /// <summary>Adds a parameter (it does not change the historyId, fixed at start).</summary>
    public void AddParameter(string name, string value) => Locked(() => _result.Parameters.Add(new(name, value)));

    /// <summary>Opens a step inside the innermost open step (or at the top of the scenario or fixture).</summary>
    public void StartStep(string name, params IEnumerable<AllureParameter> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Locked(() =>
        {
            var step = new AllureStep { Name = name, Start = _run.NowMs(), Stage = "running", Parameters = [.. parameters] };
            var parent = _open.Count > 0 ? _open.Peek().Steps : _result.Steps;
            parent.Add(step);
            _open.Push(step);
        });
    }

    /// <summary>Closes the innermost open step.</summary>
    public void EndStep(AllureStatus status, AllureStatusDetails? details = null) => Locked(() =>
    {
        if (_open.Count == 0 || ReferenceEquals(_open.Peek(), _fixture))
        {
            throw new InvalidOperationException($"EndStep without an open step in scenario '{Info.Name}'.");
        }
        Close(_open.Pop(), status, details);
    });

    /// <summary>Closes the innermost open step with the verdict of an exception (null: passed).</summary>
    public void EndStep(Exception? error) =>
        EndStep(error is null ? AllureStatus.Passed : AllureStatuses.FromException(error),
            error is null ? null : AllureStatusDetails.FromException(error));

    /// <summary>Opens a set-up or tear-down fixture; steps and attachments go into it until <see cref="EndFixture"/>.</summary>
    public void StartFixture(FixtureKind kind, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Locked(() =>
        {
            if (_open.Count > 0)
            {
                throw new InvalidOperationException($"StartFixture '{name}' while step '{_open.Peek().Name}' is open.");
            }
            _fixture = new AllureStep { Name = name, Start = _run.NowMs(), Stage = "running" };
            (kind == FixtureKind.Before ? _befores : _afters).Add(_fixture);
            _open.Push(_fixture);
        });
    }

    /// <summary>Closes the open fixture (and any step still open inside it).</summary>
    public void EndFixture(AllureStatus status, AllureStatusDetails? details = null) => Locked(() =>
    {
        if (_fixture is null)
        {
            throw new InvalidOperationException($"EndFixture without an open fixture in scenario '{Info.Name}'.");
        }
        CloseOpenSteps(status, details);
        _fixture = null;
    });

    /// <summary>Attaches content to the innermost open step, or to the scenario.</summary>
    public AllureAttachment Attach(string name, string mimeType, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        ArgumentNullException.ThrowIfNull(content);
        var attachment = _run.WriteAttachment(name, mimeType, content);
        Locked(() => (_open.Count > 0 ? _open.Peek().Attachments : _result.Attachments).Add(attachment));
        return attachment;
    }

    /// <summary>Attaches text (UTF-8).</summary>
    public AllureAttachment Attach(string name, string mimeType, string text) =>
        Attach(name, mimeType, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Writes the result. Steps or a fixture still open are closed with the same verdict
    /// (the innermost open step is where an exception came from).
    /// </summary>
    public AllureResult Finish(AllureStatus status, AllureStatusDetails? details = null)
    {
        AllureContainer? container = null;
        Locked(() =>
        {
            CloseOpenSteps(status, details);
            _fixture = null;
            _finished = true;
            _result.Status = status;
            _result.StatusDetails = details;
            _result.Stop = Math.Max(_run.NowMs(), _result.Start);
            _result.Stage = "finished";
            if (_befores.Count + _afters.Count > 0)
            {
                var first = _befores.Count > 0 ? _befores[0].Start : _result.Start;
                container = new AllureContainer
                {
                    Uuid = Guid.NewGuid().ToString(),
                    Name = Info.Name,
                    Children = [_result.Uuid],
                    Befores = [.. _befores],
                    Afters = [.. _afters],
                    Start = Math.Min(first, _result.Start),
                    Stop = Math.Max(_result.Stop, _afters.Count > 0 ? _afters[^1].Stop : 0),
                };
            }
        });
        _run.Complete(_result, container);
        return _result;
    }

    /// <summary>Writes the result with the verdict of an exception (null: passed).</summary>
    public AllureResult Finish(Exception? error) =>
        Finish(error is null ? AllureStatus.Passed : AllureStatuses.FromException(error),
            error is null ? null : AllureStatusDetails.FromException(error));

    private void CloseOpenSteps(AllureStatus status, AllureStatusDetails? details)
    {
        while (_open.Count > 0)
        {
            Close(_open.Pop(), status, details);
        }
    }

    private void Close(AllureStep step, AllureStatus status, AllureStatusDetails? details)
    {
        step.Status = status;
        step.StatusDetails = details;
        step.Stop = Math.Max(_run.NowMs(), step.Start);
        step.Stage = "finished";
    }

    private void Locked(Action action)
    {
        lock (_gate)
        {
            if (_finished)
            {
                throw new InvalidOperationException($"Scenario '{Info.Name}' is already finished.");
            }
            action();
        }
    }
}
