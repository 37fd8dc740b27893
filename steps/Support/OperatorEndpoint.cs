using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Conformance.Steps.Support;

/// <summary>
/// The operator's ES2+ endpoint, played by WireMock on 127.0.0.1: it answers HandleDownloadProgressInfo
/// (SGP.22 v2.5 §5.3.5) with 204 and keeps every request for the scenarios to inspect.
/// </summary>
public sealed class OperatorEndpoint : IDisposable
{
    public const string HandleDownloadProgressInfoPath = "/gsma/rsp2/es2plus/handleDownloadProgressInfo";

    private readonly WireMockServer _server;

    public OperatorEndpoint()
    {
        // WireMock picks a free port on localhost (loopback only).
        _server = WireMockServer.Start();
        _server.Given(Request.Create().WithPath(HandleDownloadProgressInfoPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(204));
    }

    public Uri Url => new(_server.Url!);

    /// <summary>The HandleDownloadProgressInfo bodies received so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> DownloadProgressInfos() =>
        _server.LogEntries
            .Where(e => e.RequestMessage?.Path == HandleDownloadProgressInfoPath && e.RequestMessage.Body is not null)
            .OrderBy(e => e.RequestMessage!.DateTime)
            .Select(e => JsonDocument.Parse(e.RequestMessage!.Body!).RootElement.Clone())
            .ToList();

    public void Dispose() => _server.Dispose();
}
