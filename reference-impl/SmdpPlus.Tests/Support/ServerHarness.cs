using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Tests.Support;

/// <summary>A reference SM-DP+ on an ephemeral loopback port with a temporary database, and clients for it.</summary>
public sealed class ServerHarness : IAsyncDisposable
{
    public const string AdminProtocol = "gsma/rsp/v2.2.0";

    private readonly string _dir;

    private ServerHarness(string dir, SmdpServer server, Uri baseAddress)
    {
        _dir = dir;
        Server = server;
        BaseAddress = baseAddress;
    }

    public SmdpServer Server { get; }
    public Uri BaseAddress { get; }
    public SmdpStore Store => Server.Store;

    public static async Task<ServerHarness> StartAsync(Func<SmdpOptions, SmdpOptions>? configure = null, X509Certificate2? serverCert = null,
        ILoggerProvider? logs = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "smdp-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new SmdpOptions
        {
            Port = 0,
            DatabasePath = Path.Combine(dir, "smdp.db"),
            TlsCertificate = serverCert ?? TestCertificates.Server.Value,
            OperatorClientCa = [TestCertificates.OperatorCa.Value],
            OperatorCallbackRetryDelay = TimeSpan.FromMilliseconds(50),
            OperatorCallbackTimeout = TimeSpan.FromSeconds(2),
        };
        options = configure?.Invoke(options) ?? options;
        var server = new SmdpServer(options, configureLogging: l =>
        {
            l.SetMinimumLevel(LogLevel.Warning);
            if (logs is not null)
            {
                l.AddProvider(logs);
                l.AddFilter("Conformance", LogLevel.Information);
            }
        });
        Uri url = await server.StartAsync();
        return new ServerHarness(dir, server, url);
    }

    /// <summary>An HttpClient that trusts the test server certificate, optionally presenting a client certificate.</summary>
    public HttpClient Client(X509Certificate2? clientCertificate = null, Version? version = null, X509Certificate2? trusted = null)
    {
        X509Certificate2 expected = trusted ?? TestCertificates.Server.Value;
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == expected.GetCertHashString();
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return new HttpClient(handler)
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(20),
            DefaultRequestVersion = version ?? HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public HttpClient OperatorClient() => Client(TestCertificates.OperatorClient.Value);

    /// <summary>POSTs a JSON text with the binding's headers and returns status and parsed body (if any).</summary>
    public static async Task<RspAnswer> PostAsync(HttpClient client, string path, string json,
        string contentType = "application/json", string? adminProtocol = AdminProtocol)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StringContent(json, Encoding.UTF8),
            Version = client.DefaultRequestVersion,
            VersionPolicy = client.DefaultVersionPolicy,
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (adminProtocol is not null)
        {
            request.Headers.Add("X-Admin-Protocol", adminProtocol);
        }

        request.Headers.UserAgent.ParseAdd("gsma-rsp-lpad");
        using HttpResponseMessage response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        return new RspAnswer(response.StatusCode, body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone(),
            response.Headers.TryGetValues("X-Admin-Protocol", out var v) ? v.Single() : null,
            response.Content.Headers.ContentType?.ToString(), response.Version);
    }

    public static string Es2Json(object fields)
    {
        var dict = JsonSerializer.SerializeToNode(fields)!.AsObject();
        dict.Insert(0, "header", JsonSerializer.SerializeToNode(new { functionRequesterIdentifier = "op1", functionCallIdentifier = Guid.NewGuid().ToString("N") }));
        return dict.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>What the server answered.</summary>
public sealed record RspAnswer(HttpStatusCode Status, JsonElement? Body, string? AdminProtocol, string? ContentType, Version Version)
{
    public string ExecutionStatus => Body!.Value.GetProperty("header").GetProperty("functionExecutionStatus").GetProperty("status").GetString()!;

    public string Code
    {
        get
        {
            JsonElement scd = Body!.Value.GetProperty("header").GetProperty("functionExecutionStatus").GetProperty("statusCodeData");
            return $"{scd.GetProperty("subjectCode").GetString()} / {scd.GetProperty("reasonCode").GetString()}";
        }
    }

    public string Message => Body!.Value.GetProperty("header").GetProperty("functionExecutionStatus").GetProperty("statusCodeData").GetProperty("message").GetString()!;

    public string Field(string name) => Body!.Value.GetProperty(name).GetString()!;

    public bool Has(string name) => Body!.Value.TryGetProperty(name, out _);
}
