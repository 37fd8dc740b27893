using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1;

/// <summary>Short constructors for the tags of the SGP.22 ASN.1 module (IMPLICIT TAGS).</summary>
public static class Tags
{
    /// <summary>[n] primitive, context-specific: <c>[0] OCTET STRING</c> is <c>80</c>.</summary>
    public static Asn1Tag Ctx(int n) => new(TagClass.ContextSpecific, n, isConstructed: false);

    /// <summary>[n] constructed, context-specific: <c>[32] SEQUENCE</c> is <c>BF20</c>.</summary>
    public static Asn1Tag CtxC(int n) => new(TagClass.ContextSpecific, n, isConstructed: true);

    /// <summary>[APPLICATION n] primitive: <c>[APPLICATION 26]</c> (ICCID) is <c>5A</c>.</summary>
    public static Asn1Tag App(int n) => new(TagClass.Application, n, isConstructed: false);

    /// <summary>[APPLICATION n] constructed: <c>[APPLICATION 33]</c> (Certificate wrapper) is <c>7F21</c>.</summary>
    public static Asn1Tag AppC(int n) => new(TagClass.Application, n, isConstructed: true);

    /// <summary>[PRIVATE n] primitive.</summary>
    public static Asn1Tag Priv(int n) => new(TagClass.Private, n, isConstructed: false);

    public static readonly Asn1Tag Sequence = Asn1Tag.Sequence;
    public static readonly Asn1Tag OctetString = Asn1Tag.PrimitiveOctetString;
    public static readonly Asn1Tag Integer = Asn1Tag.Integer;
    public static readonly Asn1Tag Utf8String = new(UniversalTagNumber.UTF8String);
    public static readonly Asn1Tag Oid = Asn1Tag.ObjectIdentifier;
    public static readonly Asn1Tag Boolean = Asn1Tag.Boolean;
    public static readonly Asn1Tag Enumerated = Asn1Tag.Enumerated;
    public static readonly Asn1Tag Null = Asn1Tag.Null;
    public static readonly Asn1Tag BitString = Asn1Tag.PrimitiveBitString;

    /// <summary>The tag as it is written on the wire, in hex: <c>BF20</c>, <c>5A</c>, <c>A0</c>.</summary>
    public static string Hex(Asn1Tag tag)
    {
        Span<byte> buf = stackalloc byte[8];
        int n = tag.Encode(buf);
        return Convert.ToHexString(buf[..n]);
    }
}
