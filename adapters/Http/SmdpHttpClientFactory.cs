using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Conformance.Adapters.Http;

/// <summary>
/// Builds the HTTP machinery for an SM-DP+ target: a <see cref="SocketsHttpHandler"/> that validates the
/// server chain against the configured roots only and checks the name against the SM-DP+ address,
/// presents an optional client certificate, offers HTTP/2 and HTTP/1.1 by ALPN, and has no timeout of its
/// own (the transport bounds each call). Nothing here retries a failed request.
/// </summary>
public static class SmdpHttpClientFactory
{
    /// <summary>The transport the ES9+ and ES2+ clients use: every call bounded, typed, recorded.</summary>
    public static RspHttpTransport CreateTransport(SmdpHttpOptions options, IExchangeRecorder? recorder = null) =>
        new(options, recorder ?? NullExchangeRecorder.Instance);

    internal static SocketsHttpHandler CreateHandler(SmdpHttpOptions options, ServerCertificateValidator validator)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslOptions.CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
        handler.SslOptions.RemoteCertificateValidationCallback = validator.Validate;
        if (options.ClientCertificate is { } client)
        {
            handler.SslOptions.ClientCertificates = [client];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => client;
        }
        if (options.ConnectTo is { } endpoint)
        {
            handler.ConnectCallback = (_, ct) => ConnectAsync(endpoint, ct);
        }
        return handler;
    }

    internal static (Version Version, HttpVersionPolicy Policy) VersionOf(RspHttpVersion version) => version switch
    {
        RspHttpVersion.Http11 => (HttpVersion.Version11, HttpVersionPolicy.RequestVersionExact),
        RspHttpVersion.Http2 => (HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact),
        _ => (HttpVersion.Version20, HttpVersionPolicy.RequestVersionOrLower),
    };

    private static async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
