using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Pki;
using Conformance.SmDs.Es11;
using Conformance.SmDs.Es12;
using Conformance.SmDs.Store;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Crypto;
using Conformance.SmdpPlus.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.SmDs.Hosting;

/// <summary>
/// The reference SM-DS hosted in-process: Kestrel on loopback, HTTPS with CERT.DS.TLS (TLS 1.2 and 1.3), ES12 (SM-DP+
/// callers with their TLS client certificate) and ES11 (LPAs) routes, the SQLite store of Event Records.
/// <code>await using var smds = new SmdsServer(options); Uri url = await smds.StartAsync();</code>
/// </summary>
public sealed class SmdsServer(SmdsOptions options, Action<ILoggingBuilder>? configureLogging = null) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The bound base URL (https://127.0.0.1:port/) once started.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>The store of Event Records (available once started).</summary>
    public SmdsStore Store => Services.GetRequiredService<SmdsStore>();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the SM-DS is not started");

    /// <summary>Opens the store, binds and starts listening; returns the bound base URL.</summary>
    public async Task<Uri> StartAsync(CancellationToken ct = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the SM-DS is already started");
        }
        WebApplication app = Build();
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            SmdsStore store = app.Services.GetRequiredService<SmdsStore>();
            await app.DisposeAsync().ConfigureAwait(false);
            store.Dispose();
            throw;
        }
        _app = app;
        string bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return BaseAddress;
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_app is { } app)
        {
            _app = null;
            SmdsStore store = app.Services.GetRequiredService<SmdsStore>();
            await app.StopAsync(ct).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            store.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private WebApplication Build()
    {
        TestPki pki = options.EffectivePki;
        X509Certificate2 cert = options.TlsCertificate ?? CertificateWithKey.Of(
            pki.Curves.FirstOrDefault(c => c.Items.ContainsKey(PkiItem.DsTls))?.DsTls
            ?? throw new InvalidOperationException("the PKI has no CERT.DS.TLS: the SM-DS cannot serve HTTPS"));
        var credentials = SmdsCredentials.From(pki);
        SmdsStore store = SmdsStore.Open(options.DatabasePath);

        // LPAs (ES11) present no certificate; SM-DP+s (ES12) must: it is checked per ES12 call.
        WebApplicationBuilder builder = RspWebHost.CreateBuilder(typeof(SmdsServer).Assembly.GetName().Name!,
            new RspListener(options.BindAddress, options.Port, options.RequestTimeout, cert), configureLogging);
        IServiceCollection s = builder.Services;
        s.AddSingleton(options);
        // The shared JSON binding (RspEndpoint) reads its limits and X-Admin-Protocol from SmdpOptions.
        s.AddSingleton(new SmdpOptions { MaxRequestBodyBytes = options.MaxRequestBodyBytes, AdminProtocol = options.AdminProtocol });
        s.AddSingleton(store);
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(credentials);
        s.AddSingleton(sp => new SmdpCallerValidator(credentials.Validator, sp.GetRequiredService<TimeProvider>()));
        s.AddSingleton<Es12Functions>();
        s.AddSingleton<Es11Functions>();

        WebApplication app = builder.Build();
        var answers = new RspServerAnswers("SM-DS", "SM-DS function", "Conformance.SmDs");
        answers.UseBefore(app);
        app.MapEs12();
        app.MapEs11();
        answers.MapFallback(app);
        return app;
    }
}
