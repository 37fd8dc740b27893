using System.Formats.Asn1;
using Conformance.Rsp.Asn1;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>The small TLVs the JSON binding carries as base64 (SGP.22 v2.5 §6.5.2: binary fields include their tag).</summary>
internal static class Tlv
{
    /// <summary>A signature as sent: <c>[APPLICATION 55] OCTET STRING</c>, tag 5F37.</summary>
    public static byte[] Signature(ReadOnlySpan<byte> signature)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(signature, Tags.App(55));
        return w.Encode();
    }

    /// <summary>A SubjectKeyIdentifier as sent: OCTET STRING, tag 04.</summary>
    public static byte[] OctetString(ReadOnlySpan<byte> value)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(value);
        return w.Encode();
    }

    public static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => [.. a, .. b];

    /// <summary>A copy with one bit of the byte at <paramref name="index"/> flipped (for the signature faults).</summary>
    public static byte[] Corrupt(ReadOnlySpan<byte> value, int index = 0)
    {
        byte[] copy = value.ToArray();
        copy[index % copy.Length] ^= 0x01;
        return copy;
    }
}
