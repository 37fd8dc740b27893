namespace Conformance.Steps.Support;

/// <summary>One text attachment waiting for the step that produced it.</summary>
public sealed record StepAttachment(string Name, string MimeType, string Content);

/// <summary>
/// Attachments a driver produces during a step (scenario-scoped, by context injection): APDU traces, decoded
/// BPPs, verification reports. <see cref="ScenarioHooks"/> attaches them to the step that just ended, beside
/// the HTTP exchanges of <see cref="ExchangeLog"/>; on a failed scenario all of them go to the scenario too.
/// </summary>
public sealed class StepAttachments
{
    private readonly Lock _gate = new();
    private readonly List<StepAttachment> _all = [];
    private int _attached;

    public void Add(string name, string mimeType, string content)
    {
        lock (_gate)
        {
            _all.Add(new StepAttachment(name, mimeType, content));
        }
    }

    public IReadOnlyList<StepAttachment> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>The attachments added since the last call (for the step that just ended).</summary>
    public IReadOnlyList<StepAttachment> TakeNew()
    {
        lock (_gate)
        {
            var fresh = _all.Skip(_attached).ToList();
            _attached = _all.Count;
            return fresh;
        }
    }
}
