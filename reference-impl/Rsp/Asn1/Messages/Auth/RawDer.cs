using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// Holds a value whose typed record lives elsewhere (BoundProfilePackage, StoreMetadataRequest,
/// PendingNotification) as one raw DER element: tag checked, bytes kept exactly.
/// </summary>
public static class RawDer
{
    /// <summary>Parses exactly one DER element (strict, whole input).</summary>
    public static Asn1Element Parse(ReadOnlyMemory<byte> der, string typeName = "element") =>
        DerReader.Decode(der, typeName, r => r.ReadAny(typeName));

    /// <summary>Writes <paramref name="element"/> unchanged after checking its tag is one of <paramref name="allowed"/>.</summary>
    internal static void Write(AsnWriter w, Asn1Element element, string field, params Asn1Tag[] allowed)
    {
        if (!allowed.Contains(element.Tag))
        {
            string expected = string.Join(" or ", allowed.Select(Tags.Hex));
            throw new InvalidOperationException($"{field} must carry tag {expected}, has {Tags.Hex(element.Tag)}");
        }
        w.WriteEncodedValue(element.Encoded.Span);
    }
}
