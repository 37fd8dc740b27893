using System.Net;
using System.Text;
using Conformance.Adapters.Http;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Es9Plus;

/// <summary>
/// ES9+ over the ASN.1 binding (SGP.22 v2.5 §6.6): every function POSTs a RemoteProfileProvisioningRequest
/// ('A2') to /gsma/rsp2/asn1 with Content-Type application/x-gsma-rsp-asn1 and gets a
/// RemoteProfileProvisioningResponse back, decoded strictly; HandleNotification answers 204 with no body.
/// </summary>
public sealed class Es9PlusAsn1Client(RspHttpTransport transport, RspJsonClientOptions? options = null) : IEs9PlusClient
{
    public const string Path = "gsma/rsp2/asn1";

    /// <summary>The label of a HandleNotification exchange over this binding (all functions share one URL).</summary>
    public const string HandleNotificationLabel = "ES9+ HandleNotification (ASN.1 binding)";

    private readonly RspJsonClientOptions _options = options ?? new RspJsonClientOptions();

    // ---- request bodies: RemoteProfileProvisioningRequest ::= [2] CHOICE (explicit 'A2') ----

    /// <summary>'A2' { 'BF39' { '81' euiccChallenge, '83' smdpAddress, euiccInfo1 } }.</summary>
    public static byte[] InitiateAuthenticationDer(Es9InitiateAuthenticationRequest r) =>
        Request([0xBF, 0x39], Tlv.Of([0x81], r.EuiccChallenge), Tlv.Of([0x83], Encoding.UTF8.GetBytes(r.SmdpAddress)), r.EuiccInfo1);

    /// <summary>'A2' { 'BF3B' { '80' transactionId, authenticateServerResponse } }.</summary>
    public static byte[] AuthenticateClientDer(Es9AuthenticateClientRequest r) =>
        Request([0xBF, 0x3B], Tlv.Of([0x80], r.TransactionId), r.AuthenticateServerResponse);

    /// <summary>'A2' { 'BF3A' { '80' transactionId, prepareDownloadResponse } }.</summary>
    public static byte[] GetBoundProfilePackageDer(Es9GetBoundProfilePackageRequest r) =>
        Request([0xBF, 0x3A], Tlv.Of([0x80], r.TransactionId), r.PrepareDownloadResponse);

    /// <summary>'A2' { 'BF3D' { 'A0' { pendingNotification } } }.</summary>
    public static byte[] HandleNotificationDer(Es9HandleNotificationRequest r) =>
        Request([0xBF, 0x3D], Tlv.Of([0xA0], r.PendingNotification));

    /// <summary>'A2' { 'BF41' { '80' transactionId, 'A1' cancelSessionResponse (its 'BF41' implicitly retagged [1]) } }.</summary>
    public static byte[] CancelSessionDer(Es9CancelSessionRequest r) =>
        Request([0xBF, 0x41], Tlv.Of([0x80], r.TransactionId), Tlv.Retag([0xA1], r.CancelSessionResponse));

    private static byte[] Request(byte[] tag, params byte[][] content) => Tlv.Of([0xA2], Tlv.Of(tag, content));

    // ---- functions ----

    public async Task<Es9Result<InitiateAuthenticationOkEs9>> InitiateAuthenticationAsync(Es9InitiateAuthenticationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (RemoteProfileProvisioningResponse r, RspHttpResponse http) = await SendAsync("InitiateAuthentication", InitiateAuthenticationDer(request), ct).ConfigureAwait(false);
        InitiateAuthenticationResponse a = Expect(r.InitiateAuthenticationResponse, "initiateAuthenticationResponse", http, "InitiateAuthentication");
        return Result("InitiateAuthentication", a.InitiateAuthenticationOk, a.InitiateAuthenticationError, http);
    }

    public async Task<Es9Result<AuthenticateClientOk>> AuthenticateClientAsync(Es9AuthenticateClientRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (RemoteProfileProvisioningResponse r, RspHttpResponse http) = await SendAsync("AuthenticateClient", AuthenticateClientDer(request), ct).ConfigureAwait(false);
        AuthenticateClientResponseEs9 a = Expect(r.AuthenticateClientResponseEs9, "authenticateClientResponseEs9", http, "AuthenticateClient");
        if (a.AuthenticateClientOk is { } ok)
        {
            Validate(() => StoreMetadataRequest.Decode(ok.ProfileMetaData.Encoded), "profileMetaData", http, "AuthenticateClient");
        }
        return Result("AuthenticateClient", a.AuthenticateClientOk, a.AuthenticateClientError, http);
    }

    public async Task<Es9Result<GetBoundProfilePackageOk>> GetBoundProfilePackageAsync(Es9GetBoundProfilePackageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (RemoteProfileProvisioningResponse r, RspHttpResponse http) = await SendAsync("GetBoundProfilePackage", GetBoundProfilePackageDer(request), ct).ConfigureAwait(false);
        GetBoundProfilePackageResponse a = Expect(r.GetBoundProfilePackageResponse, "getBoundProfilePackageResponse", http, "GetBoundProfilePackage");
        if (a.GetBoundProfilePackageOk is { } ok)
        {
            Validate(() => BoundProfilePackage.Decode(ok.BoundProfilePackage.Encoded), "boundProfilePackage", http, "GetBoundProfilePackage");
        }
        return Result("GetBoundProfilePackage", a.GetBoundProfilePackageOk, a.GetBoundProfilePackageError, http);
    }

    public async Task<Es9Result<Es9NoContent>> HandleNotificationAsync(Es9HandleNotificationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string label = HandleNotificationLabel;
        RspHttpResponse http = await PostAsync(HandleNotificationDer(request), label, ct).ConfigureAwait(false);
        if (http.StatusCode != HttpStatusCode.NoContent)
        {
            throw RspJsonClient.Fail(RspTransportFailure.HttpStatus, http,
                $"{label}: {http.Exchange.Url} answered HTTP {(int)http.StatusCode} where the binding prescribes 204 No Content{RspJsonClient.Excerpt(http.Body)}.");
        }
        if (http.Body.Length != 0)
        {
            throw RspJsonClient.Fail(RspTransportFailure.UnexpectedBody, http, $"{label}: {http.Exchange.Url} answered 204 with a {http.Body.Length}-byte body, where none is allowed.");
        }
        return new Es9Result<Es9NoContent> { Function = "HandleNotification", Value = Es9NoContent.Instance, Status = FunctionExecutionStatus.Success, Exchange = http.Exchange };
    }

    public async Task<Es9Result<Es9NoContent>> CancelSessionAsync(Es9CancelSessionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (RemoteProfileProvisioningResponse r, RspHttpResponse http) = await SendAsync("CancelSession", CancelSessionDer(request), ct).ConfigureAwait(false);
        CancelSessionResponseEs9 a = Expect(r.CancelSessionResponseEs9, "cancelSessionResponseEs9", http, "CancelSession");
        return Result("CancelSession", a.CancelSessionOk is null ? null : Es9NoContent.Instance, a.CancelSessionError, http);
    }

    /// <summary>POSTs any bytes as the request body (a deliberately altered request) and decodes the answer strictly.</summary>
    public async Task<(RemoteProfileProvisioningResponse Response, RspHttpResponse Http)> SendAsync(string function, byte[] body, CancellationToken ct = default)
    {
        string label = $"ES9+ {function} (ASN.1 binding)";
        RspHttpResponse http = await PostAsync(body, label, ct).ConfigureAwait(false);
        Uri url = http.Exchange.Url!;
        if (http.StatusCode != HttpStatusCode.OK)
        {
            throw RspJsonClient.Fail(RspTransportFailure.HttpStatus, http,
                $"{label}: {url} answered HTTP {(int)http.StatusCode} where the binding prescribes 200{RspJsonClient.Excerpt(http.Body)}.");
        }
        if (http.MediaType != RspMediaTypes.Asn1)
        {
            throw RspJsonClient.Fail(RspTransportFailure.WrongContentType, http,
                $"{label}: {url} answered Content-Type '{http.ContentType ?? "(none)"}' where the binding prescribes {RspMediaTypes.Asn1}.");
        }
        try
        {
            return (RemoteProfileProvisioningResponse.Decode(http.Body), http);
        }
        catch (Asn1DecodeException e)
        {
            throw new RspTransportException(RspTransportFailure.InvalidField,
                $"{label}: the answer of {url} is not a valid RemoteProfileProvisioningResponse: {e.Message}.", e)
            {
                Name = RemoteProfileProvisioningResponse.TypeName, StatusCode = http.StatusCode, ContentType = http.ContentType, Body = http.Body, Exchange = http.Exchange,
            };
        }
    }

    private Task<RspHttpResponse> PostAsync(byte[] body, string label, CancellationToken ct)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new(RspMediaTypes.AdminProtocolHeader, _options.AdminProtocol),
            new("User-Agent", _options.UserAgent),
            new("Accept", RspMediaTypes.Asn1),
        };
        return transport.PostAsync(Path, body, RspMediaTypes.Asn1, headers, label, ct);
    }

    private static T Expect<T>(T? alternative, string name, RspHttpResponse http, string function) where T : class =>
        alternative ?? throw new RspTransportException(RspTransportFailure.InvalidField,
            $"ES9+ {function} (ASN.1 binding): {http.Exchange.Url} answered another alternative of RemoteProfileProvisioningResponse than {name}.")
        {
            Name = name, StatusCode = http.StatusCode, ContentType = http.ContentType, Body = http.Body, Exchange = http.Exchange,
        };

    private static void Validate(Action decode, string field, RspHttpResponse http, string function)
    {
        try
        {
            decode();
        }
        catch (Asn1DecodeException e)
        {
            throw new RspTransportException(RspTransportFailure.InvalidField,
                $"ES9+ {function} (ASN.1 binding): {field} in the answer of {http.Exchange.Url} does not decode: {e.Message}.", e)
            {
                Name = field, StatusCode = http.StatusCode, ContentType = http.ContentType, Body = http.Body, Exchange = http.Exchange,
            };
        }
    }

    private static Es9Result<T> Result<T, TError>(string function, T? ok, TError? error, RspHttpResponse http)
        where T : class where TError : struct, Enum
    {
        if (ok is not null)
        {
            return new Es9Result<T> { Function = function, Value = ok, Status = FunctionExecutionStatus.Success, Exchange = http.Exchange };
        }
        int code = Convert.ToInt32(error!.Value, System.Globalization.CultureInfo.InvariantCulture);
        return new Es9Result<T>
        {
            Function = function,
            Status = new FunctionExecutionStatus(FunctionExecutionStatusValues.Failed),
            AsnBindingError = code,
            AsnBindingErrorName = Enum.IsDefined(error.Value) ? error.Value.ToString() : $"undefined value {code}",
            Exchange = http.Exchange,
        };
    }
}
