using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Smds;
using Conformance.SmdpPlus.Crypto;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Es12;

/// <summary>
/// The SM-DP+'s ES12 client (SGP.22 v2.5 §5.9, §3.6.1 event registration, §3.6.3 deletion): RegisterEvent and DeleteEvent
/// on the SM-DS an order names, over mutually authenticated TLS (§2.6.6) with the SM-DP+'s certificate
/// (<see cref="SmdpOptions.Es12ClientCertificate"/>, by default its CERT.DP.TLS). The SM-DS's TLS certificate must be a
/// CERT.DS.TLS of a CI the SM-DP+ trusts, for the host it is called at. Only SM-DS addresses with an endpoint in
/// <see cref="SmdpOptions.SmdsEndpoints"/> are called (the harness maps them to a loopback SM-DS).
/// </summary>
public sealed class Es12Client : IDisposable
{
    private readonly SmdpOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<HttpClient> _http;

    public Es12Client(SmdpOptions options, ILogger<Es12Client> logger)
    {
        _options = options;
        _logger = logger;
        _http = new Lazy<HttpClient>(Create);
    }

    /// <summary>The ES12 base URL of <paramref name="smdsAddress"/>, or null when this SM-DP+ has none for it.</summary>
    public Uri? EndpointOf(string smdsAddress) =>
        _options.SmdsEndpoints.FirstOrDefault(e => string.Equals(e.Key, smdsAddress, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>ES12.RegisterEvent; the SM-DS's status, or null when it cannot be reached (no endpoint, connection or TLS failure, no JSON status).</summary>
    public Task<SmdsCallStatus?> RegisterEventAsync(string smdsAddress, string eid, string eventId, CancellationToken ct = default) =>
        CallAsync(smdsAddress, SmdsPaths.RegisterEvent, SmdsJson.Serialize(new RegisterEventRequest(Header(), eid, _options.SmdpAddress, eventId, false)), ct);

    /// <summary>ES12.DeleteEvent; the SM-DS's status, or null when it cannot be reached.</summary>
    public Task<SmdsCallStatus?> DeleteEventAsync(string smdsAddress, string eid, string eventId, CancellationToken ct = default) =>
        _options.Defects.Contains(SmdpDefect.NoDeleteEvent) ? Task.FromResult<SmdsCallStatus?>(null) : CallAsync(smdsAddress, SmdsPaths.DeleteEvent, SmdsJson.Serialize(new DeleteEventRequest(Header(), eid, eventId)), ct);

    private Es12RequestHeader Header() => new(_options.FunctionRequesterIdentifier, Guid.NewGuid().ToString("N"));

    private async Task<SmdsCallStatus?> CallAsync(string smdsAddress, string path, byte[] body, CancellationToken ct)
    {
        if (EndpointOf(smdsAddress) is not { } endpoint)
        {
            return null;
        }
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path.TrimStart('/'))) { Content = content };
            request.Headers.Add("X-Admin-Protocol", _options.AdminProtocol);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.Es12Timeout);
            using HttpResponseMessage response = await _http.Value.SendAsync(request, timeout.Token).ConfigureAwait(false);
            byte[] answer = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            SmdsCallStatus? status = SmdsCallStatus.Read(answer);
            _logger.LogInformation("ES12 {Path} to {Smds}: {Status}", path, smdsAddress, status?.ToString() ?? $"HTTP {(int)response.StatusCode} without a functionExecutionStatus");
            return status;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException && !ct.IsCancellationRequested)
        {
            _logger.LogWarning("ES12 {Path} to {Smds} at {Endpoint}: unreachable ({Problem})", path, smdsAddress, endpoint, e.Message);
            return null;
        }
    }

    private HttpClient Create()
    {
        TestPki pki = _options.Pki ?? Es9Plus.SmdpCredentials.GeneratedDefault;
        X509Certificate2? client = _options.Es12ClientCertificate ?? DefaultClientCertificate(pki);
        var validator = new RspCertificateValidator(pki.Curves.Select(c => c.Ci.Certificate).Concat(_options.AdditionalTrustedCis));
        var handler = new SocketsHttpHandler { ConnectTimeout = _options.Es12Timeout };
        // The certificate is given whatever its extendedKeyUsage (CERT.DP.TLS carries serverAuth only).
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => client!;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            certificate is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && validator.ValidateServerCertificate(CertificateRole.DsTls, certificate.GetRawCertData(), DateTimeOffset.UtcNow).IsValid;
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static X509Certificate2? DefaultClientCertificate(TestPki pki)
    {
        IssuedCertificate? own = pki.Curves.Select(c => c.Items.GetValueOrDefault(PkiItem.DpTls)).FirstOrDefault(i => i?.PrivateKey is not null)
            ?? pki.Curves.Select(c => c.Items.GetValueOrDefault(PkiItem.DpAuth)).FirstOrDefault(i => i?.PrivateKey is not null);
        return own is null ? null : CertificateWithKey.Of(own);
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }
}
