using System.Text.Json.Serialization;

namespace Conformance.Reports.Allure;

// The documented allure-results JSON model (allure 2 and allure 3 read the same files).
// Property names are the format's; null values are left out when written. Lists read as
// empty when a file leaves them out (other writers omit empty arrays).

/// <summary>A name/value label: epic, feature, story, tag, severity, suite, host, ...</summary>
public sealed record AllureLabel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);

/// <summary>A scenario parameter, shown beside the name and part of the historyId.</summary>
public sealed record AllureParameter(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);

/// <summary>A link; <see cref="Type"/> is "link", "issue" or "tms".</summary>
public sealed record AllureLink(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("type")] string Type = "link");

/// <summary>Why a scenario or step did not pass.</summary>
public sealed record AllureStatusDetails(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("trace")] string? Trace = null)
{
    /// <summary>Message and stack trace of an exception (inner exceptions included in the trace).</summary>
    public static AllureStatusDetails FromException(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Message, error.ToString());
    }
}

/// <summary>A reference to an attachment file written beside the results.</summary>
public sealed record AllureAttachment(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type);

/// <summary>A step (nested); also the shape of a fixture in a container.</summary>
public sealed class AllureStep
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("status")] public AllureStatus Status { get; set; } = AllureStatus.Passed;
    [JsonPropertyName("statusDetails")] public AllureStatusDetails? StatusDetails { get; set; }
    [JsonPropertyName("stage")] public string Stage { get; set; } = "finished";
    [JsonPropertyName("start")] public long Start { get; init; }
    [JsonPropertyName("stop")] public long Stop { get; set; }
    [JsonPropertyName("parameters")] public List<AllureParameter> Parameters { get; init => field = value ?? []; } = [];
    [JsonPropertyName("steps")] public List<AllureStep> Steps { get; init => field = value ?? []; } = [];
    [JsonPropertyName("attachments")] public List<AllureAttachment> Attachments { get; init => field = value ?? []; } = [];
}

/// <summary>One scenario: the content of a <c>&lt;uuid&gt;-result.json</c> file.</summary>
public sealed class AllureResult
{
    [JsonPropertyName("uuid")] public required string Uuid { get; init; }
    [JsonPropertyName("historyId")] public required string HistoryId { get; init; }
    [JsonPropertyName("testCaseId")] public required string TestCaseId { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("fullName")] public required string FullName { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("status")] public AllureStatus Status { get; set; }
    [JsonPropertyName("statusDetails")] public AllureStatusDetails? StatusDetails { get; set; }
    [JsonPropertyName("stage")] public string Stage { get; set; } = "finished";
    [JsonPropertyName("start")] public long Start { get; init; }
    [JsonPropertyName("stop")] public long Stop { get; set; }
    [JsonPropertyName("labels")] public List<AllureLabel> Labels { get; init => field = value ?? []; } = [];
    [JsonPropertyName("parameters")] public List<AllureParameter> Parameters { get; init => field = value ?? []; } = [];
    [JsonPropertyName("links")] public List<AllureLink> Links { get; init => field = value ?? []; } = [];
    [JsonPropertyName("steps")] public List<AllureStep> Steps { get; init => field = value ?? []; } = [];
    [JsonPropertyName("attachments")] public List<AllureAttachment> Attachments { get; init => field = value ?? []; } = [];

    /// <summary>The first value of a label, or null.</summary>
    public string? Label(string name) => Labels.Find(l => l.Name == name)?.Value;

    /// <summary>Duration in seconds (0 when stop precedes start).</summary>
    [JsonIgnore]
    public double DurationSeconds => Math.Max(0, Stop - Start) / 1000.0;

    /// <summary>
    /// True for results the harness writes about the run itself (the coverage matrix), which
    /// summaries and JUnit leave out.
    /// </summary>
    [JsonIgnore]
    public bool IsRunArtifact => Label(AllureLabels.Artifact) is not null;
}

/// <summary>A <c>&lt;uuid&gt;-container.json</c>: set-up and tear-down fixtures around results.</summary>
public sealed class AllureContainer
{
    [JsonPropertyName("uuid")] public required string Uuid { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("children")] public List<string> Children { get; init => field = value ?? []; } = [];
    [JsonPropertyName("befores")] public List<AllureStep> Befores { get; init => field = value ?? []; } = [];
    [JsonPropertyName("afters")] public List<AllureStep> Afters { get; init => field = value ?? []; } = [];
    [JsonPropertyName("start")] public long Start { get; init; }
    [JsonPropertyName("stop")] public long Stop { get; set; }
}

/// <summary>One entry of categories.json: groups failures in the report.</summary>
public sealed record AllureCategory(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("matchedStatuses")] IReadOnlyList<AllureStatus> MatchedStatuses,
    [property: JsonPropertyName("messageRegex")] string? MessageRegex = null,
    [property: JsonPropertyName("traceRegex")] string? TraceRegex = null)
{
    /// <summary>
    /// The harness's default categories: SUT non-conformance vs harness or transport trouble.
    /// reports/allurerc.json carries the same list (allure 3 takes categories from its config).
    /// The regex suits both allure 2 (Java, whole-text match) and allure 3 (JavaScript search);
    /// the trace of an exception starts with its type name and message.
    /// </summary>
    public static IReadOnlyList<AllureCategory> Defaults { get; } =
    [
        new("Timeouts and transport errors", [AllureStatus.Broken], TraceRegex: @"[\s\S]*(TimeoutException|HttpRequestException|SocketException|[Tt]imed? ?out|[Cc]onnection refused|TLS|SSL)[\s\S]*"),
        new("Non-conformance of the system under test", [AllureStatus.Failed]),
        new("Harness errors", [AllureStatus.Broken]),
    ];
}

/// <summary>executor.json: who ran the tests (shown in the report header).</summary>
public sealed record AllureExecutor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("buildName")] string? BuildName = null,
    [property: JsonPropertyName("buildOrder")] long? BuildOrder = null,
    [property: JsonPropertyName("reportName")] string? ReportName = null,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("buildUrl")] string? BuildUrl = null,
    [property: JsonPropertyName("reportUrl")] string? ReportUrl = null);

/// <summary>An attachment of the whole run (allure 3 "Global Attachments"; allure 2 ignores it).</summary>
public sealed record AllureGlobalAttachment(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("timestamp")] long Timestamp);

/// <summary>A <c>&lt;uuid&gt;-globals.json</c>: attachments and errors of the run, not of a scenario.</summary>
public sealed class AllureGlobals
{
    [JsonPropertyName("attachments")] public List<AllureGlobalAttachment> Attachments { get; init => field = value ?? []; } = [];
    [JsonPropertyName("errors")] public List<AllureStatusDetails> Errors { get; init => field = value ?? []; } = [];
}
