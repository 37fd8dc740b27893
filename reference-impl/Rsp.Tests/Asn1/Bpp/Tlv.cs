using System.Globalization;
using System.Text;
using Conformance.Rsp.Asn1;

namespace Conformance.Rsp.Tests.Asn1;

/// <summary>
/// Hand-written TLV builder for test vectors: tag hex + DER length + value hex, written from the SGP.22 ASN.1
/// text, independent of the encoders under test.
/// </summary>
internal static class Tlv
{
    public static string Of(string tagHex, params string[] valueHex)
    {
        string value = string.Concat(valueHex).Replace(" ", "", StringComparison.Ordinal);
        int n = value.Length / 2;
        string len = n < 0x80 ? n.ToString("X2", CultureInfo.InvariantCulture)
            : n < 0x100 ? "81" + n.ToString("X2", CultureInfo.InvariantCulture)
            : "82" + n.ToString("X4", CultureInfo.InvariantCulture);
        return tagHex + len + value;
    }

    public static string Utf8(string tagHex, string text) => Of(tagHex, Convert.ToHexString(Encoding.UTF8.GetBytes(text)));

    public static string Repeat(string byteHex, int count) => string.Concat(Enumerable.Repeat(byteHex, count));

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string HexOf(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>Asserts that decoding fails with an <see cref="Asn1DecodeException"/> for the type at the offset.</summary>
    public static Asn1DecodeException Fails(Action decode, string typeName, int? offset = null)
    {
        var e = Assert.Throws<Asn1DecodeException>(() => decode())!;
        Assert.That(e.TypeName, Is.EqualTo(typeName), e.Message);
        if (offset is int o)
        {
            Assert.That(e.Offset, Is.EqualTo(o), e.Message);
        }
        return e;
    }
}
