using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>Small reading helpers shared by the SGP.22 message records (BPP, notifications, ES10a/ES10c).</summary>
internal static class MessageIo
{
    /// <summary>
    /// Opens a constructed element and hands back its whole TLV as received (for [DerRaw] signed parts)
    /// and a reader over its content, typed as <paramref name="typeName"/>.
    /// </summary>
    public static DerReader ReadConstructedRaw(this DerReader r, Asn1Tag tag, string field, string typeName, out Asn1Element element)
    {
        element = r.ReadElement(tag, field);
        return new DerReader(element.Content, typeName, ContentOffset(element));
    }

    /// <summary>Absolute offset of the content octets of <paramref name="e"/>.</summary>
    public static int ContentOffset(Asn1Element e) => e.Offset + (e.Encoded.Length - e.Content.Length);

    /// <summary>
    /// Reads the tag and length octets at the start of <paramref name="data"/> (a TLV header without, or with
    /// only part of, its value: the BPP arrives split at headers). Fails on BER-only forms.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, out Asn1Tag tag, out int length, out int headerLength)
    {
        length = 0;
        headerLength = 0;
        if (!Asn1Tag.TryDecode(data, out tag, out int tagLength) || data.Length <= tagLength)
        {
            return false;
        }
        byte first = data[tagLength];
        if (first < 0x80)
        {
            length = first;
            headerLength = tagLength + 1;
            return true;
        }
        int n = first & 0x7F;
        if (n is 0 or > 3 || data.Length < tagLength + 1 + n || data[tagLength + 1] == 0)
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            length = (length << 8) | data[tagLength + 1 + i];
        }
        headerLength = tagLength + 1 + n;
        // DER: the long form only for lengths of 128 and more.
        return length >= 0x80;
    }

    /// <summary>
    /// Reads the remaining elements of an extensible SEQUENCE (the module is EXTENSIBILITY IMPLIED) and keeps
    /// them. An element carrying the tag of a root component is not an extension: it is a component out of
    /// order (or a duplicate), which DER forbids, so it fails.
    /// </summary>
    public static IReadOnlyList<Asn1Element> ReadExtensionsAfter(this DerReader r, params Asn1Tag[] rootTags)
    {
        IReadOnlyList<Asn1Element> ext = r.ReadExtensions();
        foreach (Asn1Element e in ext)
        {
            if (Array.IndexOf(rootTags, e.Tag) >= 0)
            {
                throw new Asn1DecodeException(r.TypeName, e.Offset, $"component {Tags.Hex(e.Tag)} out of order or repeated");
            }
        }
        return ext;
    }

    /// <summary>The error for a CHOICE whose next element is none of the alternatives this code knows.</summary>
    public static Asn1DecodeException UnknownAlternative(this DerReader r, string what) =>
        r.Error($"unknown {what} alternative {Tags.Hex(r.PeekTag(what))}");

    /// <summary>The header (tag and length octets) a DER encoder writes for <paramref name="tag"/> and a content length.</summary>
    public static byte[] Header(Asn1Tag tag, int contentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contentLength);
        Span<byte> buf = stackalloc byte[16];
        int n = tag.Encode(buf);
        if (contentLength < 0x80)
        {
            buf[n++] = (byte)contentLength;
        }
        else
        {
            int octets = contentLength <= 0xFF ? 1 : contentLength <= 0xFFFF ? 2 : contentLength <= 0xFFFFFF ? 3 : 4;
            buf[n++] = (byte)(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--)
            {
                buf[n++] = (byte)(contentLength >> (8 * i));
            }
        }
        return buf[..n].ToArray();
    }

    /// <summary>Writes an element kept as raw DER (a certificate, a CRL, a signed part) unchanged.</summary>
    public static void WriteRaw(this AsnWriter w, ReadOnlyMemory<byte> encoded, string what)
    {
        if (encoded.IsEmpty)
        {
            throw new InvalidOperationException($"{what} is empty");
        }
        w.WriteEncodedValue(encoded.Span);
    }
}
