using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Rsp.Smds;

/// <summary>The function paths of the SM-DS's JSON binding (SGP.22 v2.5 §6.5.2: POST /gsma/rsp2/&lt;interface&gt;/&lt;function&gt;).</summary>
public static class SmdsPaths
{
    /// <summary>ES12.RegisterEvent, SM-DP+ to SM-DS (SGP.22 v2.5 §5.9.1).</summary>
    public const string RegisterEvent = "/gsma/rsp2/es12/registerEvent";

    /// <summary>ES12.DeleteEvent, SM-DP+ to SM-DS (SGP.22 v2.5 §5.9.2).</summary>
    public const string DeleteEvent = "/gsma/rsp2/es12/deleteEvent";

    /// <summary>ES11.InitiateAuthentication, LPA to SM-DS (SGP.22 v2.5 §5.8.1).</summary>
    public const string InitiateAuthentication = "/gsma/rsp2/es11/initiateAuthentication";

    /// <summary>ES11.AuthenticateClient, LPA to SM-DS (SGP.22 v2.5 §5.8.2).</summary>
    public const string AuthenticateClient = "/gsma/rsp2/es11/authenticateClient";

    /// <summary>
    /// The ES9+ paths an LPA may also use towards an SM-DS for the common mutual authentication (deployed LPAs call
    /// /gsma/rsp2/es9plus/initiateAuthentication on an SM-DS); the SM-DS serves both.
    /// </summary>
    public const string Es9PlusInitiateAuthentication = "/gsma/rsp2/es9plus/initiateAuthentication";

    public const string Es9PlusAuthenticateClient = "/gsma/rsp2/es9plus/authenticateClient";
}

/// <summary>The request header of ES12 (SGP.22 v2.5 §6.5.1.3).</summary>
public sealed record Es12RequestHeader(string FunctionRequesterIdentifier, string FunctionCallIdentifier);

/// <summary>
/// ES12.RegisterEvent request (SGP.22 v2.5 §5.9.1, §6.5.2): the SM-DP+ registers the Event Record (EID, RSP Server
/// address, EventID) of a pending download. forwardingIndicator asks an Alternative SM-DS to forward the registration to
/// the Root SM-DS; it is written when set.
/// </summary>
public sealed record RegisterEventRequest(Es12RequestHeader Header, string Eid, string RspServerAddress, string EventId, bool? ForwardingIndicator = null);

/// <summary>ES12.DeleteEvent request (SGP.22 v2.5 §5.9.2, §6.5.2): the SM-DP+ deletes the Event Record of an EID.</summary>
public sealed record DeleteEventRequest(Es12RequestHeader Header, string Eid, string EventId);

/// <summary>One Event Record in the JSON binding of ES11.AuthenticateClient (SGP.22 v2.5 §6.5.2: eventEntries[]).</summary>
public sealed record EventEntryJson(string EventId, string RspServerAddress);

/// <summary>ES11.AuthenticateClient response body (SGP.22 v2.5 §5.8.2, §6.5.2): transactionId (hex) and the Event Records of the EID.</summary>
public sealed record Es11AuthenticateClientResponse(string TransactionId, IReadOnlyList<EventEntryJson> EventEntries);

/// <summary>The functionExecutionStatus of a response as read by a client (SGP.22 v2.5 §6.5.1.4).</summary>
public sealed record SmdsCallStatus(string Status, string? SubjectCode = null, string? ReasonCode = null, string? Message = null)
{
    public bool IsSuccess => Status is "Executed-Success" or "Executed-WithWarning";

    public override string ToString() => SubjectCode is null ? Status : $"{Status} {SubjectCode} / {ReasonCode}{(Message is null ? "" : " (" + Message + ")")}";

    /// <summary>Reads header.functionExecutionStatus of a JSON response; null when the body has none.</summary>
    public static SmdsCallStatus? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("header", out JsonElement header) || header.ValueKind != JsonValueKind.Object
                || !header.TryGetProperty("functionExecutionStatus", out JsonElement fes) || fes.ValueKind != JsonValueKind.Object
                || !fes.TryGetProperty("status", out JsonElement status) || status.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            string? S(JsonElement o, string name) => o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            JsonElement data = fes.TryGetProperty("statusCodeData", out JsonElement d) ? d : default;
            return new SmdsCallStatus(status.GetString()!, S(data, "subjectCode"), S(data, "reasonCode"), S(data, "message"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The JSON conventions of the SM-DS's binding: camelCase spec names, absent optional fields omitted.</summary>
public static class SmdsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);
}
