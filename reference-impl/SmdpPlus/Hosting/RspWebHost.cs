using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>Where and how a reference server (SM-DP+, SM-DS) listens: one HTTPS endpoint, its certificate and timeouts.</summary>
/// <param name="BindAddress">The IP address Kestrel binds (loopback by default in both servers' options).</param>
/// <param name="Port">The port (0: any free one).</param>
/// <param name="RequestTimeout">Keep-alive and request-headers timeout.</param>
/// <param name="Certificate">The TLS server certificate with its private key.</param>
/// <param name="Chain">Intermediate certificates sent with it, if any.</param>
public sealed record RspListener(string BindAddress, int Port, TimeSpan RequestTimeout, X509Certificate2 Certificate, X509Certificate2Collection? Chain = null);

/// <summary>
/// The web host both reference servers share: a slim ASP.NET Core host on Kestrel with one HTTPS endpoint (TLS 1.2 and
/// 1.3, HTTP/1.1 and HTTP/2 by ALPN, no Server header), single-line console logs unless the owner routes them, and the
/// owner's lifetime (<see cref="OwnerLifetime"/>). A client certificate is asked for on every connection and accepted at
/// the TLS layer: the server checks it per call, for the functions that need one (ES2+ on the SM-DP+, ES12 on the SM-DS),
/// while the LPA's functions (ES9+, ES11) are called without one.
/// </summary>
public static class RspWebHost
{
    /// <summary>A builder set up as above; the caller adds its services and routes.</summary>
    public static WebApplicationBuilder CreateBuilder(string applicationName, RspListener listener, Action<ILoggingBuilder>? configureLogging)
    {
        ArgumentNullException.ThrowIfNull(listener);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = applicationName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (configureLogging is not null)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.KeepAliveTimeout = listener.RequestTimeout;
            k.Limits.RequestHeadersTimeout = listener.RequestTimeout;
            k.Listen(IPAddress.Parse(listener.BindAddress), listener.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = listener.Certificate,
                    ServerCertificateChain = listener.Chain,
                    SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                    CheckCertificateRevocation = false,
                });
            });
        });

        // The owner of the server stops it: the CLI on SIGINT or SIGTERM, a test or the harness when it is done. The host's
        // console lifetime would also catch those signals for the whole process (and keep it from ending on Ctrl-C while the
        // server lives), so it is replaced by one that does nothing.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, OwnerLifetime>();
        return builder;
    }
}
