using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmDs.Hosting;
using Conformance.SmdpPlus.Crypto;
using Microsoft.Extensions.Logging;

namespace Conformance.SmDs.Tests;

/// <summary>One answer of the SM-DS: HTTP status, the JSON body and its functionExecutionStatus.</summary>
public sealed record SmdsAnswer(int Http, JsonElement Body)
{
    public string Status => Body.GetProperty("header").GetProperty("functionExecutionStatus").GetProperty("status").GetString()!;

    /// <summary>"8.9.5 / 3.9", or "" when the status carries no statusCodeData.</summary>
    public string Code => Body.GetProperty("header").GetProperty("functionExecutionStatus").TryGetProperty("statusCodeData", out JsonElement d)
        ? $"{d.GetProperty("subjectCode").GetString()} / {d.GetProperty("reasonCode").GetString()}" : "";

    public string Text(string name) => Body.GetProperty(name).GetString()!;

    public byte[] Bytes(string name) => Convert.FromBase64String(Text(name));
}

/// <summary>A reference SM-DS on loopback with its own database, and clients that call it as an SM-DP+ (with a client certificate) or an LPA.</summary>
public sealed class SmdsHarness : IAsyncDisposable
{
    public const string Eid1 = TestPkiOptions.Sgp26Eid;
    public const string Eid2 = "89049032123451234512345678901243";

    private static readonly Lazy<TestPki> SharedPki = new(() => TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true }));

    private SmdsHarness(SmdsServer server, SmdsOptions options, string dir)
    {
        Server = server;
        Options = options;
        Directory = dir;
    }

    public static TestPki Pki => SharedPki.Value;

    public static CurvePki Nist => Pki.For(RspCurve.NistP256);

    public SmdsServer Server { get; private set; }

    public SmdsOptions Options { get; }

    public string Directory { get; }

    public Uri Url => Server.BaseAddress!;

    public static async Task<SmdsHarness> StartAsync(SmdsOptions? options = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "smds-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        options = (options ?? new SmdsOptions()) with { Pki = Pki, DatabasePath = Path.Combine(dir, "smds.db"), Port = 0 };
        var server = new SmdsServer(options, l => l.SetMinimumLevel(LogLevel.Warning));
        await server.StartAsync();
        return new SmdsHarness(server, options, dir);
    }

    /// <summary>Stops the server and starts a new one on the same database (and a new port).</summary>
    public async Task RestartAsync()
    {
        await Server.StopAsync();
        Server = new SmdsServer(Options, l => l.SetMinimumLevel(LogLevel.Warning));
        await Server.StartAsync();
    }

    /// <summary>An HTTPS client presenting <paramref name="clientCertificate"/> (none when null).</summary>
    public static HttpClient Client(X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        if (clientCertificate is not null)
        {
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }
        return new HttpClient(handler);
    }

    /// <summary>The SM-DP+'s CERT.DP.TLS with its key: the ES12 client certificate.</summary>
    public static X509Certificate2 DpTls => CertificateWithKey.Of(Nist.DpTls);

    public static X509Certificate2 DpAuth => CertificateWithKey.Of(Nist.DpAuth);

    public async Task<SmdsAnswer> PostAsync(HttpClient http, string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, path.TrimStart('/'))) { Content = content };
        request.Headers.Add("X-Admin-Protocol", "gsma/rsp/v2.5.0");
        using HttpResponseMessage response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new SmdsAnswer((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }

    public Task<SmdsAnswer> PostAsync(HttpClient http, string path, object body) =>
        PostAsync(http, path, JsonSerializer.Serialize(body));

    public static object Header => new { functionRequesterIdentifier = "test-smdp", functionCallIdentifier = Guid.NewGuid().ToString() };

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
