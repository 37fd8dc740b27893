using System.Text.Json;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>ES2+.HandleDownloadProgressInfo as the operator receives it (SGP.22 v2.5 §5.3.5, §6.5.2.5).</summary>
[Binding]
public sealed class DownloadProgressSteps(DownloadProgressDriver progress, OrderSession session)
{
    [When(@"^the eUICC downloads and installs that profile$")]
    public Task DownloadsAndInstalls() => progress.DownloadAsync(installed: true);

    [When(@"^the download of that profile fails$")]
    public Task DownloadFails() => progress.DownloadAsync(installed: false);

    [Then(@"^the operator receives HandleDownloadProgressInfo with notificationPointId (\d+) and status (Executed-Success|Failed)$")]
    public async Task Receives(int notificationPointId, string status)
    {
        IReadOnlyList<JsonElement> received = await progress.ReceivedAsync(notificationPointId == 4 ? 2 : 1);
        Assert.That(received.Select(Point), Does.Contain((notificationPointId, status)),
            $"HandleDownloadProgressInfo for {session.Iccid}; received: {string.Join(", ", received.Select(Point))}");
    }

    // SGP.22 §6.5.2.5: header with both identifiers, iccid, profileType, timestamp "YYYY-MM-DDThh:mm:ssZ"; eid when known.
    [Then(@"^every HandleDownloadProgressInfo names the profile, the eUICC and the time in the binding's format$")]
    public async Task WellFormed()
    {
        IReadOnlyList<JsonElement> received = await progress.ReceivedAsync(1);
        Assert.That(received, Is.Not.Empty, $"no HandleDownloadProgressInfo for {session.Iccid}");
        foreach (JsonElement m in received)
        {
            Assert.That(Text(m, "header", "functionRequesterIdentifier"), Is.Not.Empty, "header.functionRequesterIdentifier");
            Assert.That(Text(m, "header", "functionCallIdentifier"), Is.Not.Empty, "header.functionCallIdentifier");
            Assert.That(Text(m, "iccid"), Is.EqualTo(session.Iccid), "iccid");
            Assert.That(Text(m, "eid"), Is.EqualTo(Identifiers.Eid1), "eid");
            Assert.That(Text(m, "profileType"), Is.Not.Empty, "profileType");
            Assert.That(Text(m, "timestamp"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"), "timestamp");
        }
    }

    /// <summary>A string field of the message; a missing one is a non-conformance, not a harness error.</summary>
    private static string? Text(JsonElement m, params string[] path)
    {
        JsonElement e = m;
        foreach (string name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                Assert.Fail($"HandleDownloadProgressInfo lacks {string.Join('.', path)}: {m}");
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    private static (int, string?) Point(JsonElement m) =>
        (m.GetProperty("notificationPointId").GetInt32(), m.GetProperty("notificationPointStatus").GetProperty("status").GetString());
}
