using Conformance.Adapters.Http;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Adapters.Tests.Http;

/// <summary>A WireMock server on 127.0.0.1 (plain HTTP) and a transport pointed at it, with a recorder.</summary>
internal sealed class WireMockTarget : IDisposable
{
    public WireMockTarget(TimeSpan? timeout = null, RspHttpVersion version = RspHttpVersion.Negotiate)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        Transport = SmdpHttpClientFactory.CreateTransport(new SmdpHttpOptions
        {
            BaseAddress = new Uri(Server.Urls[0] + "/"),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            HttpVersion = version,
        }, Recorder);
        Json = new RspJsonClient(Transport);
    }

    public WireMockServer Server { get; }

    public ExchangeRecorder Recorder { get; } = new();

    public RspHttpTransport Transport { get; }

    public RspJsonClient Json { get; }

    public void Dispose()
    {
        Transport.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
