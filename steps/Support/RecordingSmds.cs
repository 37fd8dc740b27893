using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Conformance.SmdpPlus.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.Steps.Support;

/// <summary>One ES12 call an SM-DP+ made to the harness's SM-DS: the function, the request body, whether a TLS client certificate came with it.</summary>
public sealed record Es12Call(string Function, JsonElement Body, bool WithClientCertificate, DateTimeOffset At)
{
    public string? Field(string name) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
        ? v.GetString() : null;

    public override string ToString() => $"{Function}(eid {Field("eid") ?? "-"}, eventId {Field("eventId") ?? "-"}, rspServerAddress {Field("rspServerAddress") ?? "-"})";
}

/// <summary>
/// The SM-DS the harness plays when an SM-DP+ is under test (SGP.22 v2.5 §5.9): Kestrel on 127.0.0.1 with CERT.DS.TLS of the
/// run's PKI, asking for a TLS client certificate; it answers ES12.RegisterEvent and ES12.DeleteEvent with Executed-Success
/// and keeps every call for the scenarios to inspect. An SM-DP+ reaches it under <see cref="Address"/>.
/// </summary>
public sealed class RecordingSmds : IAsyncDisposable
{
    /// <summary>The SM-DS address the harness gives in ConfirmOrder when it plays the SM-DS.</summary>
    public const string Address = "smds.harness.example.com";

    private readonly WebApplication _app;
    private readonly List<Es12Call> _calls = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private RecordingSmds(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>https://127.0.0.1:port/ as Kestrel bound it.</summary>
    public Uri BoundAddress { get; private set; } = null!;

    public IPEndPoint Endpoint => new(IPAddress.Parse(BoundAddress.Host), BoundAddress.Port);

    /// <summary>Every call received so far, oldest first.</summary>
    public IReadOnlyList<Es12Call> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Starts it with <paramref name="tlsCertificate"/> (CERT.DS.TLS with its key, naming <see cref="Address"/> or loopback).</summary>
    public static async Task<RecordingSmds> StartAsync(X509Certificate2 tlsCertificate)
    {
        // The harness's own logs stay out of the run's output: no logging provider.
        WebApplicationBuilder builder = RspWebHost.CreateBuilder(typeof(RecordingSmds).Assembly.GetName().Name!,
            new RspListener(IPAddress.Loopback.ToString(), 0, TimeSpan.FromSeconds(30), tlsCertificate), _ => { });
        builder.Services.AddRouting();
        WebApplication app = builder.Build();
        var smds = new RecordingSmds(app, tlsCertificate);
        app.MapPost("/gsma/rsp2/es12/{function}", smds.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        smds.BoundAddress = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return smds;
    }

    /// <summary>
    /// Waits until a call since <paramref name="since"/> satisfies <paramref name="match"/>, at most <paramref name="timeout"/>; null when none came.
    /// </summary>
    public async Task<Es12Call?> WaitForAsync(int since, Func<Es12Call, bool> match, TimeSpan timeout)
    {
        DateTimeOffset end = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (Calls.Skip(since).FirstOrDefault(match) is { } call)
            {
                return call;
            }

            TimeSpan left = end - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left).ConfigureAwait(false))
            {
                return Calls.Skip(since).FirstOrDefault(match);
            }
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context, string function)
    {
        JsonElement body;
        try
        {
            using JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            body = default;
        }

        X509Certificate2? client = await context.Connection.GetClientCertificateAsync().ConfigureAwait(false);
        lock (_calls)
        {
            _calls.Add(new Es12Call(function, body, client is not null, DateTimeOffset.UtcNow));
        }

        _arrived.Release();
        context.Response.Headers["X-Admin-Protocol"] = "gsma/rsp/v2.2.0";
        return Results.Json(new { header = new { functionExecutionStatus = new { status = "Executed-Success" } } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _arrived.Dispose();
    }
}
