using System.Globalization;
using System.Net;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;

namespace Conformance.Steps.Support;

/// <summary>
/// A bundled reference SM-DP+ started by the harness, with these options and this inventory: Kestrel on
/// 127.0.0.1 (an ephemeral port), SQLite in a temporary directory of its own (removed on dispose), warnings only
/// in its log. The run's reference (<see cref="ReferenceSmdp"/>), the BPP variants and the SM-DP+ side of the
/// eUICC scenarios are each one of these.
/// </summary>
public sealed class BundledSmdp : IAsyncDisposable
{
    /// <summary>Size of the synthetic profiles: over three '86' segments, so MAC chaining and block counters across segments are exercised (SGP.22 §2.6.4).</summary>
    public const int ProfileSize = 3000;

    private readonly string _directory;

    private BundledSmdp(SmdpServer server, Uri boundAddress, string directory)
    {
        Server = server;
        BoundAddress = boundAddress;
        _directory = directory;
    }

    public SmdpServer Server { get; }

    /// <summary>https://127.0.0.1:port/ as Kestrel bound it.</summary>
    public Uri BoundAddress { get; }

    public IPEndPoint Endpoint => new(IPAddress.Parse(BoundAddress.Host), BoundAddress.Port);

    public SmdpStore Store => Server.Store;

    /// <summary>Where an LPA or the operator reaches it: the SM-DP+ address's host name (the TLS name) and the bound port, connected to loopback.</summary>
    public Uri BaseAddress(string smdpAddress)
    {
        ArgumentNullException.ThrowIfNull(smdpAddress);
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{smdpAddress.Split(':')[0]}:{BoundAddress.Port}/"));
    }

    /// <summary>
    /// Starts an SM-DP+ with <paramref name="options"/> (its bind address, port and database are this class's) and
    /// adds <paramref name="inventory"/> to its store. <paramref name="purpose"/> names its temporary directory.
    /// </summary>
    public static async Task<BundledSmdp> StartAsync(string purpose, SmdpOptions options, IEnumerable<ProfileRecord> inventory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inventory);
        string directory = Path.Combine(Path.GetTempPath(), $"conformance-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var server = new SmdpServer(options with { BindAddress = "127.0.0.1", Port = 0, DatabasePath = Path.Combine(directory, "smdp.db") },
            configureLogging: l => l.SetMinimumLevel(LogLevel.Warning));
        try
        {
            Uri bound = await server.StartAsync(ct).ConfigureAwait(false);
            foreach (ProfileRecord profile in inventory)
            {
                await server.Store.AddProfileAsync(profile).ConfigureAwait(false);
            }

            return new BundledSmdp(server, bound, directory);
        }
        catch
        {
            await StopAsync(server, directory).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// An available profile of the inventory: a synthetic SAIP profile of <see cref="ProfileSize"/> bytes whose
    /// notificationConfigurationInfo asks for <paramref name="notifications"/> to <paramref name="smdpAddress"/> (SGP.22 §4.4).
    /// </summary>
    public static ProfileRecord SyntheticProfile(string iccid, string profileType, string profileName, string smdpAddress,
        string notifications = "\"enable\",\"disable\",\"delete\"") => new()
    {
        Iccid = iccid,
        ProfileType = profileType,
        Upp = Rsp.Saip.SyntheticProfile.Build(iccid, profileType, minimumSize: ProfileSize),
        ProfileName = profileName,
        ServiceProviderName = "Conformance Test Operator",
        NotificationConfigurationJson = $$"""[{"operations":[{{notifications}}],"address":"{{smdpAddress}}"}]""",
    };

    public ValueTask DisposeAsync() => StopAsync(Server, _directory);

    private static async ValueTask StopAsync(SmdpServer server, string directory)
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
