using System.Net;
using Conformance.Rsp.Pki;

namespace Conformance.Steps.Support;

/// <summary>
/// The bundled reference SM-DS of a run (reference-impl/SmDs): Kestrel on 127.0.0.1 (an ephemeral port) with CERT.DS.TLS
/// and CERT.DSauth of the run's PKI, ES12 callers authenticated by a TLS client certificate under the run's CIs, SQLite
/// in a temporary directory of its own, the smdsDefects of the run switched on.
/// </summary>
public sealed class ReferenceSmds : IAsyncDisposable
{
    private ReferenceSmds(Uri boundAddress)
    {
        BoundAddress = boundAddress;
    }

    /// <summary>https://127.0.0.1:port/ as Kestrel bound it.</summary>
    public Uri BoundAddress { get; }

    public IPEndPoint Endpoint => new(IPAddress.Parse(BoundAddress.Host), BoundAddress.Port);

    public static Task<ReferenceSmds> StartAsync(TargetConfig config, TestPki pki, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(pki);
        _ = ct;
        throw new ConfigException("Setting smds ('reference'): the bundled reference SM-DS is not part of this build; give an SM-DS URL.");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
