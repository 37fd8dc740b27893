using System.Text.Json.Nodes;
using Conformance.Adapters.Http;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Adapters.Es9Plus;

/// <summary>
/// ES9+ over the JSON binding (SGP.22 v2.5 §6.5.2): POST /gsma/rsp2/es9plus/&lt;function&gt; with the spec's
/// field names; binary values base64 of DER (tag included), transactionId hexadecimal. Requests are built by
/// the public <c>...Json</c> methods so a test can alter the JSON before sending it with <see cref="SendAsync"/>.
/// </summary>
public sealed class Es9PlusJsonClient(RspJsonClient json) : IEs9PlusClient
{
    public const string BasePath = "gsma/rsp2/es9plus/";

    public RspJsonClient Json => json;

    // ---- request bodies (SGP.22 §6.5.2.6–§6.5.2.10) ----

    public static JsonObject InitiateAuthenticationJson(Es9InitiateAuthenticationRequest r) => new()
    {
        ["euiccChallenge"] = Convert.ToBase64String(r.EuiccChallenge),
        ["euiccInfo1"] = Convert.ToBase64String(r.EuiccInfo1),
        ["smdpAddress"] = r.SmdpAddress,
    };

    public static JsonObject AuthenticateClientJson(Es9AuthenticateClientRequest r) => new()
    {
        ["transactionId"] = Convert.ToHexString(r.TransactionId),
        ["authenticateServerResponse"] = Convert.ToBase64String(r.AuthenticateServerResponse),
    };

    public static JsonObject GetBoundProfilePackageJson(Es9GetBoundProfilePackageRequest r) => new()
    {
        ["transactionId"] = Convert.ToHexString(r.TransactionId),
        ["prepareDownloadResponse"] = Convert.ToBase64String(r.PrepareDownloadResponse),
    };

    public static JsonObject HandleNotificationJson(Es9HandleNotificationRequest r) => new()
    {
        ["pendingNotification"] = Convert.ToBase64String(r.PendingNotification),
    };

    public static JsonObject CancelSessionJson(Es9CancelSessionRequest r) => new()
    {
        ["transactionId"] = Convert.ToHexString(r.TransactionId),
        ["cancelSessionResponse"] = Convert.ToBase64String(r.CancelSessionResponse),
    };

    // ---- functions ----

    public async Task<Es9Result<InitiateAuthenticationOkEs9>> InitiateAuthenticationAsync(Es9InitiateAuthenticationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RspJsonAnswer a = await SendAsync("initiateAuthentication", InitiateAuthenticationJson(request), ct).ConfigureAwait(false);
        return Result(a, "InitiateAuthentication", f => new InitiateAuthenticationOkEs9(
            f.TransactionId(),
            f.Der("serverSigned1", ServerSigned1.TypeName, d => ServerSigned1.Decode(d)),
            f.Signature("serverSignature1"),
            f.SubjectKeyIdentifier("euiccCiPKIdToBeUsed"),
            f.Certificate("serverCertificate")));
    }

    public async Task<Es9Result<AuthenticateClientOk>> AuthenticateClientAsync(Es9AuthenticateClientRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RspJsonAnswer a = await SendAsync("authenticateClient", AuthenticateClientJson(request), ct).ConfigureAwait(false);
        return Result(a, "AuthenticateClient", f => new AuthenticateClientOk(
            f.TransactionId(),
            f.Element("profileMetadata", "StoreMetadataRequest", d => StoreMetadataRequest.Decode(d)),
            f.Der("smdpSigned2", SmdpSigned2.TypeName, d => SmdpSigned2.Decode(d)),
            f.Signature("smdpSignature2"),
            f.Certificate("smdpCertificate")));
    }

    public async Task<Es9Result<GetBoundProfilePackageOk>> GetBoundProfilePackageAsync(Es9GetBoundProfilePackageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RspJsonAnswer a = await SendAsync("getBoundProfilePackage", GetBoundProfilePackageJson(request), ct).ConfigureAwait(false);
        return Result(a, "GetBoundProfilePackage", f => new GetBoundProfilePackageOk(
            f.TransactionId(),
            f.Element("boundProfilePackage", "BoundProfilePackage", d => BoundProfilePackage.Decode(d))));
    }

    public async Task<Es9Result<Es9NoContent>> HandleNotificationAsync(Es9HandleNotificationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RspHttpResponse http = await json.PostExpectingNoContentAsync(BasePath + "handleNotification", HandleNotificationJson(request),
            Label("HandleNotification"), ct).ConfigureAwait(false);
        return new Es9Result<Es9NoContent>
        {
            Function = "HandleNotification",
            Value = Es9NoContent.Instance,
            Status = FunctionExecutionStatus.Success,
            Exchange = http.Exchange,
        };
    }

    public async Task<Es9Result<Es9NoContent>> CancelSessionAsync(Es9CancelSessionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RspJsonAnswer a = await SendAsync("cancelSession", CancelSessionJson(request), ct).ConfigureAwait(false);
        return Result(a, "CancelSession", _ => Es9NoContent.Instance);
    }

    /// <summary>
    /// POSTs any JSON object to an ES9+ function path ("initiateAuthentication") and parses the binding's
    /// answer: the way to send a deliberately altered request.
    /// </summary>
    public Task<RspJsonAnswer> SendAsync(string function, JsonObject body, CancellationToken ct = default) =>
        json.PostAsync(BasePath + function, body, Label(char.ToUpperInvariant(function[0]) + function[1..]), ct);

    private static string Label(string function) => "ES9+ " + function;

    private static Es9Result<T> Result<T>(RspJsonAnswer a, string function, Func<Es9ResponseFields, T> decode) where T : class
    {
        T? value = a.Status.IsExecuted ? decode(new Es9ResponseFields(a.Body, a.Http, Label(function))) : null;
        return new Es9Result<T> { Function = function, Value = value, Status = a.Status, Exchange = a.Http.Exchange };
    }
}
