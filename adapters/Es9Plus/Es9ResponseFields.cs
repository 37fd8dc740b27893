using System.Text.Json;
using Conformance.Adapters.Http;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Adapters.Es9Plus;

/// <summary>
/// Strict reader of the data fields of an ES9+ JSON answer (SGP.22 v2.5 §6.5.2): transactionId in
/// hexadecimal, binary fields as base64 (RFC 4648, padded, no whitespace) of DER with the tag included,
/// each decoded by the SGP.22 type's strict decoder. A fault is an <see cref="RspTransportException"/> of kind
/// <see cref="RspTransportFailure.InvalidField"/> naming the field, with the body and the decoder's error.
/// </summary>
internal sealed class Es9ResponseFields(JsonElement body, RspHttpResponse http, string label)
{
    /// <summary>TransactionId ::= OCTET STRING (SIZE(1..16)), hexadecimal in JSON.</summary>
    public byte[] TransactionId(string name = "transactionId")
    {
        string s = String(name);
        if (s.Length is < 2 or > 32 || s.Length % 2 != 0 || !s.All(char.IsAsciiHexDigit))
        {
            throw Invalid(name, $"'{Short(s)}' is not 1 to 16 bytes in hexadecimal");
        }
        return Convert.FromHexString(s);
    }

    public string String(string name)
    {
        if (!body.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            throw Invalid(name, "is missing");
        }
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Invalid(name, $"is a JSON {e.ValueKind}, not a string");
    }

    /// <summary>A base64 field; strict RFC 4648 §4 alphabet with padding, nothing else.</summary>
    public byte[] Base64(string name)
    {
        string s = String(name);
        if (!IsStrictBase64(s))
        {
            throw Invalid(name, "is not base64 (RFC 4648, padded, no whitespace)");
        }
        return Convert.FromBase64String(s);
    }

    /// <summary>A base64 field holding the DER of <paramref name="typeName"/>, decoded strictly.</summary>
    public T Der<T>(string name, string typeName, Func<ReadOnlyMemory<byte>, T> decode)
    {
        byte[] der = Base64(name);
        try
        {
            return decode(der);
        }
        catch (Asn1DecodeException e)
        {
            throw Invalid(name, $"is not a valid {typeName}: {e.Message}", e);
        }
    }

    /// <summary>A '5F37' signature ([APPLICATION 55] OCTET STRING); returns its value.</summary>
    public byte[] Signature(string name) =>
        Der(name, "[APPLICATION 55] OCTET STRING", d => DerReader.Decode(d, name, r => r.ReadOctetString(Tags.App(55), name)));

    /// <summary>A SubjectKeyIdentifier ('04'); returns its value.</summary>
    public byte[] SubjectKeyIdentifier(string name) =>
        Der(name, "SubjectKeyIdentifier", d => DerReader.Decode(d, name, r => r.ReadOctetString(Tags.OctetString, name)));

    /// <summary>An X.509 Certificate ('30'); returns the whole DER.</summary>
    public byte[] Certificate(string name) =>
        Der(name, "Certificate", d => DerReader.Decode(d, name, r => r.ReadElement(Tags.Sequence, name).Encoded.ToArray()));

    /// <summary>One DER element with the given tag, checked by <paramref name="validate"/>, kept raw.</summary>
    public Asn1Element Element<T>(string name, string typeName, Func<ReadOnlyMemory<byte>, T> validate)
    {
        byte[] der = Base64(name);
        try
        {
            _ = validate(der);
            return RawDer.Parse(der, typeName);
        }
        catch (Asn1DecodeException e)
        {
            throw Invalid(name, $"is not a valid {typeName}: {e.Message}", e);
        }
    }

    internal static bool IsStrictBase64(string s)
    {
        if (s.Length == 0 || s.Length % 4 != 0)
        {
            return false;
        }
        int pad = s.EndsWith("==", StringComparison.Ordinal) ? 2 : s.EndsWith('=') ? 1 : 0;
        return !s.AsSpan(0, s.Length - pad).ContainsAnyExcept(Base64Alphabet);
    }

    // Vectorised search: a BPP field is tens of kilobytes of base64.
    private static readonly System.Buffers.SearchValues<char> Base64Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private RspTransportException Invalid(string name, string problem, Exception? inner = null) =>
        new(RspTransportFailure.InvalidField, $"{label}: field {name} of the answer of {http.Exchange.Url} {problem.TrimEnd('.')}.", inner)
        {
            Name = name,
            StatusCode = http.StatusCode,
            ContentType = http.ContentType,
            Body = http.Body,
            Exchange = http.Exchange,
        };

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
