using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Crypto;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Profiles;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;

namespace Conformance.Benchmarks.Download;

/// <summary>
/// The server side of the download benchmark, run in its own process so that its CPU time is measured alone:
/// the reference SM-DP+ on loopback with the generated test PKI and, made before the run, one released download
/// order per download (the store state after ES2+ DownloadOrder + ConfirmOrder): <c>lanes x per-lane</c> synthetic
/// profiles, order n of lane l bound to that lane's EID under <see cref="BenchLanes.MatchingId"/>. Protocol on
/// stdin/stdout: prints <c>READY url</c>; answers <c>CPU</c> with the process CPU milliseconds; stops on <c>EXIT</c>
/// or end of input.
/// </summary>
internal static class DownloadServer
{
    private const string ProfileType = "Bench";

    public static async Task<int> RunAsync(int lanes, int perLane, int profileSize, string dbPath)
    {
        TestPki pki = SmdpCredentials.GeneratedDefault;
        var options = new SmdpOptions
        {
            Port = 0,
            DatabasePath = dbPath,
            SmdpAddress = TestPkiOptions.Sgp26SmdpHost,
            TlsCertificate = TlsCertificate(pki.For(RspCurve.NistP256)),
            Pki = pki,
            DownloadAttempts = 3,
        };
        await using var server = new SmdpServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.Warning));
        Uri url = await server.StartAsync().ConfigureAwait(false);
        await OrderAsync(server.Store, lanes, perLane, profileSize).ConfigureAwait(false);
        Console.WriteLine($"READY {url}");
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line == "CPU")
            {
                Console.WriteLine(Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
            }
            else if (line == "EXIT")
            {
                break;
            }
        }
        return 0;
    }

    /// <summary>The profiles and their released orders, one transaction for all orders.</summary>
    private static async Task OrderAsync(SmdpStore store, int lanes, int perLane, int profileSize)
    {
        IReadOnlyList<ProfileRecord> profiles = await ProfileImporter.AddSyntheticAsync(store, ProfileType, lanes * perLane, "8904903277", profileSize).ConfigureAwait(false);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await using StoreTransaction tx = await store.BeginAsync().ConfigureAwait(false);
        for (int lane = 0; lane < lanes; lane++)
        {
            string eid = BenchLanes.Eid(lane);
            for (int n = 0; n < perLane; n++)
            {
                string iccid = profiles[lane * perLane + n].Iccid;
                await tx.ChangeStateAsync(iccid, SmdpProfileState.Available, SmdpProfileState.Linked, eid).ConfigureAwait(false);
                await tx.ChangeStateAsync(iccid, SmdpProfileState.Linked, SmdpProfileState.Released, eid).ConfigureAwait(false);
                await tx.SaveOrderAsync(new OrderRecord
                {
                    Iccid = iccid,
                    Eid = eid,
                    MatchingId = BenchLanes.MatchingId(lane, n),
                    ReleaseFlag = true,
                    ConfirmationCodeAttemptsLeft = 3,
                    DownloadAttemptsLeft = 3,
                    ExpiresAt = now.AddDays(1),
                    CreatedAt = now,
                }).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// CERT.DP.TLS with its key. The P-256 DPtls serves both curves' runs: OpenSSL 3.0 offers brainpool in TLS 1.2
    /// only and only when the client proposes the group, which .NET's client does not; ES9+ signatures still use
    /// the brainpool DPauth/DPpb on BRP runs.
    /// </summary>
    public static X509Certificate2 TlsCertificate(CurvePki pki)
    {
        using X509Certificate2 cert = X509CertificateLoader.LoadCertificate(pki.DpTls.Certificate.Der);
        using var key = System.Security.Cryptography.ECDsa.Create(OpenSslKeys.Private(pki.DpTls.RequirePrivateKey()));
        using X509Certificate2 withKey = cert.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
