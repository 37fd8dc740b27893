using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1;

/// <summary>DER encoding helpers over <see cref="AsnWriter"/>.</summary>
public static class Der
{
    /// <summary>Runs <paramref name="write"/> on a fresh DER writer and returns the bytes.</summary>
    public static byte[] Encode(Action<AsnWriter> write)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        write(w);
        return w.Encode();
    }

    public static void WriteUtf8(this AsnWriter w, string value, Asn1Tag tag) =>
        w.WriteCharacterString(UniversalTagNumber.UTF8String, value, tag);

    /// <summary>Writes unknown extensions kept by <see cref="DerReader.ReadExtensions"/>, unchanged.</summary>
    public static void WriteExtensions(this AsnWriter w, IReadOnlyList<Asn1Element>? extensions)
    {
        if (extensions is null)
        {
            return;
        }
        foreach (Asn1Element e in extensions)
        {
            w.WriteEncodedValue(e.Encoded.Span);
        }
    }
}

/// <summary>
/// A top-level SGP.22 message: a DER value with its own tag that can be decoded on its own.
/// Every message type implements it so that tools (<c>./conformance decode</c>) can find them.
/// </summary>
public interface IAsn1Message<TSelf> where TSelf : IAsn1Message<TSelf>
{
    /// <summary>The outer tag of the encoding (BF20 for EUICCInfo1 ...).</summary>
    static abstract Asn1Tag Tag { get; }

    /// <summary>Strict decoding of exactly one value; throws <see cref="Asn1DecodeException"/>.</summary>
    static abstract TSelf Decode(ReadOnlyMemory<byte> der);

    /// <summary>The DER encoding.</summary>
    byte[] Encode();
}

/// <summary>
/// Marks a property that keeps the exact DER of a part as received (SGP.22 signs encodings, not values).
/// Printers and comparisons skip it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DerRawAttribute : Attribute;

/// <summary>
/// A small value type that prints as one line through its ToString (a VersionType as "2.2.2",
/// an ICCID as its digits) rather than field by field.
/// </summary>
public interface IAsn1Scalar;
