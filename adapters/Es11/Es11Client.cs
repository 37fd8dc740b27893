using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Adapters.Es11;

/// <summary>
/// The LPA side of ES11 (SGP.22 v2.5 §5.8, LPA ↔ SM-DS) over the JSON binding (§6.5.2): POST
/// /gsma/rsp2/es11/&lt;function&gt; with the spec's field names, binary values base64 of DER (tag included),
/// transactionId hexadecimal, the answer's eventEntries a JSON array of {eventId, rspServerAddress}. Server
/// authentication as for ES9+ (the SM-DS's CERT.DStls against the configured roots and the SM-DS address). Transport
/// and binding faults throw <see cref="RspTransportException"/>; a function failure the SM-DS reports is a result.
/// </summary>
public sealed class Es11Client(RspJsonClient json)
{
    public const string BasePath = "gsma/rsp2/es11/";

    public RspJsonClient Json => json;

    public static JsonObject InitiateAuthenticationJson(Es11InitiateAuthenticationRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            ["euiccChallenge"] = Convert.ToBase64String(r.EuiccChallenge),
            ["euiccInfo1"] = Convert.ToBase64String(r.EuiccInfo1),
            ["smdsAddress"] = r.SmdsAddress,
        };
    }

    public static JsonObject AuthenticateClientJson(Es11AuthenticateClientRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            ["transactionId"] = Convert.ToHexString(r.TransactionId),
            ["authenticateServerResponse"] = Convert.ToBase64String(r.AuthenticateServerResponse),
        };
    }

    /// <summary>ES11.InitiateAuthentication (SGP.22 §5.8.1): its output is that of ES9+.InitiateAuthentication, signed with CERT.DSauth.</summary>
    public async Task<Es9Result<InitiateAuthenticationOkEs9>> InitiateAuthenticationAsync(Es11InitiateAuthenticationRequest request, CancellationToken ct = default)
    {
        RspJsonAnswer a = await SendAsync("initiateAuthentication", InitiateAuthenticationJson(request), ct).ConfigureAwait(false);
        return Result(a, "InitiateAuthentication", f => new InitiateAuthenticationOkEs9(
            f.TransactionId(),
            f.Der("serverSigned1", ServerSigned1.TypeName, d => ServerSigned1.Decode(d)),
            f.Signature("serverSignature1"),
            f.SubjectKeyIdentifier("euiccCiPKIdToBeUsed"),
            f.Certificate("serverCertificate")));
    }

    /// <summary>ES11.AuthenticateClient (SGP.22 §5.8.2): the event records the SM-DS holds for the authenticated eUICC.</summary>
    public async Task<Es9Result<Es11EventList>> AuthenticateClientAsync(Es11AuthenticateClientRequest request, CancellationToken ct = default)
    {
        RspJsonAnswer a = await SendAsync("authenticateClient", AuthenticateClientJson(request), ct).ConfigureAwait(false);
        return Result(a, "AuthenticateClient", f => new Es11EventList(f.TransactionId(), EventEntries(a)));
    }

    /// <summary>POSTs any JSON object to an ES11 function path and parses the binding's answer (for altered requests).</summary>
    public Task<RspJsonAnswer> SendAsync(string function, JsonObject body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        return json.PostAsync(BasePath + function, body, Label(char.ToUpperInvariant(function[0]) + function[1..]), ct);
    }

    private static string Label(string function) => "ES11 " + function;

    /// <summary>eventEntries: an array (possibly empty) of objects with the strings eventId and rspServerAddress.</summary>
    private static List<Es11EventEntry> EventEntries(RspJsonAnswer a)
    {
        if (!a.Body.TryGetProperty("eventEntries", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(a, "eventEntries", "is missing or not a JSON array");
        }

        var entries = new List<Es11EventEntry>();
        foreach (JsonElement e in list.EnumerateArray())
        {
            entries.Add(new Es11EventEntry(Text(a, e, "eventId"), Text(a, e, "rspServerAddress")));
        }

        return entries;
    }

    private static string Text(RspJsonAnswer a, JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()! : throw Invalid(a, "eventEntries", $"has an entry without the string {name}");

    private static RspTransportException Invalid(RspJsonAnswer a, string name, string problem) =>
        new(RspTransportFailure.InvalidField, $"{Label("AuthenticateClient")}: field {name} of the answer of {a.Http.Exchange.Url} {problem}.")
        {
            Name = name,
            StatusCode = a.Http.StatusCode,
            ContentType = a.Http.ContentType,
            Body = a.Http.Body,
            Exchange = a.Http.Exchange,
        };

    private static Es9Result<T> Result<T>(RspJsonAnswer a, string function, Func<Es9ResponseFields, T> decode) where T : class
    {
        T? value = a.Status.IsExecuted ? decode(new Es9ResponseFields(a.Body, a.Http, Label(function))) : null;
        return new Es9Result<T> { Function = function, Value = value, Status = a.Status, Exchange = a.Http.Exchange };
    }
}
