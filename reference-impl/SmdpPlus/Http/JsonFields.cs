using System.Text.Json;
using Conformance.Rsp.StatusCodes;

namespace Conformance.SmdpPlus.Http;

/// <summary>
/// Strict reader of one JSON request object. A missing mandatory element answers reason 2.2, a present
/// element of the wrong JSON type or encoding answers 2.1; the subject is the element's own subject code
/// where SGP.22 §5.2.6.1 has one (transactionId 8.10.1, EID 8.1.1, ICCID 8.2.1...), else the Function
/// Requester (1.1). Unknown elements are ignored (later spec versions add fields).
/// </summary>
public readonly struct JsonFields
{
    private static readonly Dictionary<string, string> FieldSubjects = new(StringComparer.Ordinal)
    {
        ["transactionId"] = SubjectCodes.TransactionId,
        ["eid"] = SubjectCodes.Eid,
        ["iccid"] = SubjectCodes.ProfileIccid,
        ["profileType"] = SubjectCodes.ProfileType,
        ["matchingId"] = SubjectCodes.MatchingId,
        ["confirmationCode"] = SubjectCodes.ConfirmationCode,
        ["smdpAddress"] = SubjectCodes.SmdpAddress,
        ["smdsAddress"] = SubjectCodes.SmDsAddress,
    };

    private readonly JsonElement _obj;
    private readonly string _path;

    public JsonFields(JsonElement obj, string path = "")
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new RspRequestException(FunctionStatusCodes.RequestInvalid,
                $"{(path.Length == 0 ? "the request body" : path)} must be a JSON object, found {obj.ValueKind}");
        }

        _obj = obj;
        _path = path;
    }

    public string RequiredString(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out JsonElement e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            throw Invalid(name, $"must be a JSON string, found {e.ValueKind}");
        }

        try
        {
            return e.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // RFC 8259 §8.1: JSON text is UTF-8. System.Text.Json checks a string's bytes (and escapes such as a lone
            // surrogate "\ud800") only when it is read: the client's encoding fault, not the SM-DP+'s.
            throw Invalid(name, "is not valid UTF-8 text (invalid bytes or an unpaired surrogate escape)");
        }
    }

    /// <summary>A base64 (RFC 4648, with padding) element decoded to bytes.</summary>
    public byte[] RequiredBase64(string name) => OptionalBase64(name) ?? throw Missing(name);

    public byte[]? OptionalBase64(string name)
    {
        string? s = OptionalString(name);
        if (s is null)
        {
            return null;
        }

        byte[] buffer = new byte[(s.Length * 3 / 4) + 3];
        if (s.Length == 0 || !Convert.TryFromBase64String(s, buffer, out int written))
        {
            throw Invalid(name, "is not valid base64");
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>A hexadecimal element (transactionId, EID): even length, 0-9 A-F (either case), decoded to bytes.</summary>
    public byte[] RequiredHex(string name, int minBytes, int maxBytes)
    {
        string s = RequiredString(name);
        if (s.Length % 2 != 0 || s.Length / 2 < minBytes || s.Length / 2 > maxBytes || !s.All(Uri.IsHexDigit))
        {
            throw Invalid(name, $"must be {minBytes}..{maxBytes} bytes in hexadecimal");
        }

        return Convert.FromHexString(s);
    }

    public bool RequiredBool(string name)
    {
        if (!TryGet(name, out JsonElement e))
        {
            throw Missing(name);
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, $"must be a JSON boolean, found {e.ValueKind}"),
        };
    }

    public JsonFields RequiredObject(string name)
    {
        if (!TryGet(name, out JsonElement e))
        {
            throw Missing(name);
        }

        return e.ValueKind == JsonValueKind.Object ? new JsonFields(e, Path(name)) : throw Invalid(name, $"must be a JSON object, found {e.ValueKind}");
    }

    /// <summary>The ES2+ request header (SGP.22 §6.5.1.3): both identifiers mandatory.</summary>
    public RequestHeader RequiredHeader()
    {
        JsonFields h = RequiredObject("header");
        return new RequestHeader(h.RequiredString("functionRequesterIdentifier"), h.RequiredString("functionCallIdentifier"));
    }

    /// <summary>A missing element: reason 2.2 against the element's subject.</summary>
    public RspRequestException Missing(string name) =>
        new(Code(name, ReasonCodes.MandatoryElementMissing), $"mandatory element {Path(name)} is missing", Path(name));

    /// <summary>An element with a wrong value or type: reason 2.1 against the element's subject.</summary>
    public RspRequestException Invalid(string name, string problem) =>
        new(Code(name, ReasonCodes.Invalid), $"{Path(name)} {problem}", Path(name));

    private static StatusCode Code(string name, string reason)
    {
        string subject = FieldSubjects.GetValueOrDefault(name, SubjectCodes.FunctionRequester);
        return FunctionStatusCodes.Find(subject, reason)
            ?? new StatusCode(subject, reason, $"{SubjectCodes.Name(subject)} - {ReasonCodes.Name(reason)}");
    }

    private bool TryGet(string name, out JsonElement e) =>
        _obj.TryGetProperty(name, out e) && e.ValueKind != JsonValueKind.Null;

    private string Path(string name) => _path.Length == 0 ? name : $"{_path}.{name}";
}
