using Conformance.SmdpPlus.Es2Plus;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>
/// The reference SM-DP+ hosted in-process: Kestrel on loopback, HTTPS (TLS 1.2 and 1.3, HTTP/1.1 and
/// HTTP/2 by ALPN), ES9+ and ES2+ routes, the SQLite store and the HandleDownloadProgressInfo queue.
/// <code>await using var smdp = new SmdpServer(options); Uri url = await smdp.StartAsync();</code>
/// </summary>
public sealed class SmdpServer : IAsyncDisposable
{
    private readonly SmdpOptions _options;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly Action<ILoggingBuilder>? _configureLogging;
    private WebApplication? _app;

    // True while the host starts: a start failure (port in use...) is thrown to the caller of StartAsync, who reports it
    // in one sentence, so the host's own "Hosting failed to start" log with its stack trace is left out.
    private volatile bool _starting;

    /// <param name="options">Configuration of the server.</param>
    /// <param name="configureServices">Replaces services, e.g. the <see cref="IEs9PlusFunctions"/> implementation.</param>
    /// <param name="configureLogging">Replaces the default single-line console logging.</param>
    public SmdpServer(SmdpOptions options, Action<IServiceCollection>? configureServices = null,
        Action<ILoggingBuilder>? configureLogging = null)
    {
        _options = options;
        _configureServices = configureServices;
        _configureLogging = configureLogging;
    }

    /// <summary>The bound base URL (https://127.0.0.1:port/) once started.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>The store (available once started).</summary>
    public SmdpStore Store => Services.GetRequiredService<SmdpStore>();

    /// <summary>The service provider of the running server.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the SM-DP+ is not started");

    /// <summary>Opens the store, binds and starts listening; returns the bound base URL.</summary>
    public async Task<Uri> StartAsync(CancellationToken ct = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the SM-DP+ is already started");
        }

        WebApplication app = Build();
        _starting = true;
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            // Nothing listens and nothing stays open: the store is closed with the application.
            SmdpStore store = app.Services.GetRequiredService<SmdpStore>();
            await app.DisposeAsync().ConfigureAwait(false);
            store.Dispose();
            throw;
        }
        finally
        {
            _starting = false;
        }
        _app = app;
        string bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return BaseAddress;
    }

    /// <summary>Stops listening and finishes the background queue.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_app is { } app)
        {
            _app = null;
            SmdpStore store = app.Services.GetRequiredService<SmdpStore>();
            await app.StopAsync(ct).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            store.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private WebApplication Build()
    {
        var cert = TlsCertificateLoader.LoadServerCertificate(_options);
        var chain = TlsCertificateLoader.LoadChain(_options);
        var operatorCa = TlsCertificateLoader.LoadOperatorCa(_options);
        // Throws StoreUnavailableException (one sentence) when the database cannot be opened or written.
        SmdpStore store = SmdpStore.Open(_options.DatabasePath);

        WebApplicationBuilder builder = RspWebHost.CreateBuilder(typeof(SmdpServer).Assembly.GetName().Name!,
            new RspListener(_options.BindAddress, _options.Port, _options.RequestTimeout, cert, chain), _configureLogging);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", level => level >= LogLevel.Warning && !_starting);

        // ES9+ clients (LPAs) present no certificate; ES2+ callers must: it is checked against the operator CA per ES2+ call.
        IServiceCollection s = builder.Services;
        s.AddSingleton(_options);
        s.AddSingleton(store);
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(new OperatorCertificateValidator(operatorCa));
        s.AddSingleton<Es12.Es12Client>();
        s.AddSingleton<Es2PlusFunctions>();
        s.AddSingleton(_ => SmdpCredentials.From(_options.Pki ?? SmdpCredentials.GeneratedDefault, _options.AdditionalTrustedCis));
        s.AddSingleton<IEs9PlusFunctions, Es9PlusFunctions>();
        s.AddSingleton<DownloadProgressNotifier>();
        s.AddHostedService(sp => sp.GetRequiredService<DownloadProgressNotifier>());
        _configureServices?.Invoke(s);

        WebApplication app = builder.Build();
        store.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Conformance.SmdpPlus.Store");
        DownloadProgressNotifier notifier = app.Services.GetRequiredService<DownloadProgressNotifier>();
        store.ProfileStateChanged += notifier.OnStateChange;

        var answers = new RspServerAnswers("SM-DP+", "RSP function", "Conformance.SmdpPlus");
        answers.UseBefore(app);
        app.MapEs9Plus();
        app.MapEs2Plus();
        app.MapAsn1Binding();
        answers.MapFallback(app);
        return app;
    }
}
