using System.Net;
using Conformance.Rsp.Pki;
using Conformance.SmDs;
using Conformance.SmDs.Hosting;
using Microsoft.Extensions.Logging;

namespace Conformance.Steps.Support;

/// <summary>
/// The bundled reference SM-DS of a run (reference-impl/SmDs): Kestrel on 127.0.0.1 (an ephemeral port) with CERT.DS.TLS
/// and CERT.DSauth of the run's PKI, ES12 callers authenticated by an SM-DP+ TLS client certificate under the run's CIs,
/// SQLite in a temporary directory of its own (removed on dispose), the smdsDefects of the run switched on.
/// </summary>
public sealed class ReferenceSmds : IAsyncDisposable
{
    private readonly string _directory;

    private ReferenceSmds(SmdsServer server, Uri boundAddress, string directory)
    {
        Server = server;
        BoundAddress = boundAddress;
        _directory = directory;
    }

    public SmdsServer Server { get; }

    /// <summary>https://127.0.0.1:port/ as Kestrel bound it.</summary>
    public Uri BoundAddress { get; }

    public IPEndPoint Endpoint => new(IPAddress.Parse(BoundAddress.Host), BoundAddress.Port);

    public static async Task<ReferenceSmds> StartAsync(TargetConfig config, TestPki pki, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(pki);
        CurvePki tls = PkiMaterial.TlsCurve(pki);
        if (!tls.Items.TryGetValue(PkiItem.DsTls, out IssuedCertificate? dsTls) || dsTls.PrivateKey is null)
        {
            throw new ConfigException($"Setting pki ('{config.PkiDirectory}') has no CERT.DS.TLS with its key and no CI private key to issue one: the bundled SM-DS cannot serve HTTPS; give --smds a URL.");
        }

        string directory = Path.Combine(Path.GetTempPath(), $"conformance-smds-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var server = new SmdsServer(new SmdsOptions
        {
            BindAddress = "127.0.0.1",
            Port = 0,
            SmdsAddress = config.SmdsAddress,
            DatabasePath = Path.Combine(directory, "smds.db"),
            Pki = pki,
            TlsCertificate = PkiMaterial.WithKey(dsTls.Certificate, dsTls.PrivateKey),
            Defects = config.SmdsDefects,
            RequestTimeout = config.Timeout,
        }, l => l.SetMinimumLevel(LogLevel.Warning));
        try
        {
            Uri bound = await server.StartAsync(ct).ConfigureAwait(false);
            return new ReferenceSmds(server, bound, directory);
        }
        catch
        {
            await StopAsync(server, directory).ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => StopAsync(Server, _directory);

    private static async ValueTask StopAsync(SmdsServer server, string directory)
    {
        await server.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temporary directory
        }
    }
}
