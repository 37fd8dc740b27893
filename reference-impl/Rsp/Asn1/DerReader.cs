using System.Formats.Asn1;
using System.Numerics;

namespace Conformance.Rsp.Asn1;

/// <summary>One encoded element: its tag, the whole TLV, the content octets, and where it started.</summary>
public readonly record struct Asn1Element(Asn1Tag Tag, ReadOnlyMemory<byte> Encoded, ReadOnlyMemory<byte> Content, int Offset)
{
    public override string ToString() => $"{Tags.Hex(Tag)} ({Content.Length} bytes) {Convert.ToHexString(Content.Span)}";
}

/// <summary>
/// Strict DER reader over one SGP.22 value, a thin layer on <see cref="AsnDecoder"/> that tracks the
/// absolute offset so every failure is an <see cref="Asn1DecodeException"/> naming the type, the field
/// and the byte offset. Each <c>Read*</c> consumes exactly one element with the expected tag.
/// </summary>
public sealed class DerReader
{
    private const AsnEncodingRules Der = AsnEncodingRules.DER;
    private readonly ReadOnlyMemory<byte> _data;
    private readonly int _base;
    private int _pos;

    public DerReader(ReadOnlyMemory<byte> data, string typeName, int baseOffset = 0)
    {
        _data = data;
        TypeName = typeName;
        _base = baseOffset;
    }

    /// <summary>Decodes exactly one value from <paramref name="der"/>; trailing bytes are an error.</summary>
    public static T Decode<T>(ReadOnlyMemory<byte> der, string typeName, Func<DerReader, T> read)
    {
        var reader = new DerReader(der, typeName);
        T value = read(reader);
        reader.End();
        return value;
    }

    /// <summary>The SGP.22 type this reader is decoding (used in error messages).</summary>
    public string TypeName { get; }

    /// <summary>Absolute offset of the next element.</summary>
    public int Offset => _base + _pos;

    public bool HasData => _pos < _data.Length;

    private ReadOnlySpan<byte> Rest => _data.Span[_pos..];

    public Asn1DecodeException Error(string problem, Exception? inner = null) => new(TypeName, Offset, problem, inner);

    /// <summary>The tag of the next element; fails when there is none.</summary>
    public Asn1Tag PeekTag(string field = "element")
    {
        if (!HasData)
        {
            throw Error($"missing mandatory {field}");
        }
        try
        {
            return Asn1Tag.Decode(Rest, out _);
        }
        catch (AsnContentException e)
        {
            throw Error($"malformed tag for {field}", e);
        }
    }

    /// <summary>True when the next element has exactly this tag (class, number and constructed bit).</summary>
    public bool IsNext(Asn1Tag tag) => HasData && TryPeek(out var t) && t == tag;

    private bool TryPeek(out Asn1Tag tag) => Asn1Tag.TryDecode(Rest, out tag, out _);

    /// <summary>Reads any one element, whatever its tag (for unknown extensions and opaque values).</summary>
    public Asn1Element ReadAny(string field = "element")
    {
        if (!HasData)
        {
            throw Error($"missing mandatory {field}");
        }
        int start = _pos;
        try
        {
            Asn1Tag tag = AsnDecoder.ReadEncodedValue(Rest, Der, out int contentOffset, out int contentLength, out int consumed);
            _pos += consumed;
            return new Asn1Element(tag, _data.Slice(start, consumed), _data.Slice(start + contentOffset, contentLength), _base + start);
        }
        catch (AsnContentException e)
        {
            throw Error($"malformed TLV for {field} ({ErrorText.Of(e)})", e);
        }
    }

    /// <summary>Reads one element that must carry <paramref name="tag"/>.</summary>
    public Asn1Element ReadElement(Asn1Tag tag, string field)
    {
        ExpectTag(tag, field);
        return ReadAny(field);
    }

    /// <summary>Reads the element when the next tag is <paramref name="tag"/>, otherwise null.</summary>
    public Asn1Element? ReadOptionalElement(Asn1Tag tag, string field) => IsNext(tag) ? ReadAny(field) : null;

    private void ExpectTag(Asn1Tag tag, string field)
    {
        Asn1Tag found = PeekTag(field);
        if (found != tag)
        {
            throw Error($"expected tag {Tags.Hex(tag)} for {field}, found {Tags.Hex(found)}");
        }
    }

    /// <summary>Opens a constructed element and returns a reader over its content.</summary>
    public DerReader ReadConstructed(Asn1Tag tag, string field, string? typeName = null)
    {
        Asn1Element e = ReadElement(tag, field);
        return new DerReader(e.Content, typeName ?? TypeName, e.Offset + (e.Encoded.Length - e.Content.Length));
    }

    public DerReader? ReadOptionalConstructed(Asn1Tag tag, string field, string? typeName = null) =>
        IsNext(tag) ? ReadConstructed(tag, field, typeName) : null;

    public byte[] ReadOctetString(Asn1Tag tag, string field, int? exactLength = null, int minLength = 0, int maxLength = int.MaxValue)
    {
        ExpectTag(tag, field);
        int at = Offset;
        byte[] value = Guard(field, () => AsnDecoder.ReadOctetString(Rest, Der, out int consumed, tag), out int used);
        _pos += used;
        if (exactLength is int n && value.Length != n)
        {
            throw new Asn1DecodeException(TypeName, at, $"{field} must be {n} bytes, is {value.Length}");
        }
        if (value.Length < minLength || value.Length > maxLength)
        {
            throw new Asn1DecodeException(TypeName, at, $"{field} must be {minLength}..{maxLength} bytes, is {value.Length}");
        }
        return value;
    }

    public byte[]? ReadOptionalOctetString(Asn1Tag tag, string field, int? exactLength = null, int minLength = 0, int maxLength = int.MaxValue) =>
        IsNext(tag) ? ReadOctetString(tag, field, exactLength, minLength, maxLength) : null;

    public string ReadUtf8String(Asn1Tag tag, string field, int maxLength = int.MaxValue)
    {
        ExpectTag(tag, field);
        int at = Offset;
        string value = Guard(field, () => AsnDecoder.ReadCharacterString(Rest, Der, UniversalTagNumber.UTF8String, out int consumed, tag), out int used);
        _pos += used;
        if (value.Length > maxLength)
        {
            throw new Asn1DecodeException(TypeName, at, $"{field} longer than {maxLength} characters");
        }
        return value;
    }

    public string? ReadOptionalUtf8String(Asn1Tag tag, string field, int maxLength = int.MaxValue) =>
        IsNext(tag) ? ReadUtf8String(tag, field, maxLength) : null;

    public BigInteger ReadBigInteger(Asn1Tag tag, string field)
    {
        ExpectTag(tag, field);
        BigInteger value = Guard(field, () => AsnDecoder.ReadInteger(Rest, Der, out int consumed, tag), out int used);
        _pos += used;
        return value;
    }

    /// <summary>Reads an INTEGER that must fit in an <see cref="int"/> (SGP.22 result codes, sequence numbers).</summary>
    public int ReadInt32(Asn1Tag tag, string field)
    {
        int at = Offset;
        BigInteger v = ReadBigInteger(tag, field);
        if (v < int.MinValue || v > int.MaxValue)
        {
            throw new Asn1DecodeException(TypeName, at, $"{field} value {v} out of range");
        }
        return (int)v;
    }

    public int? ReadOptionalInt32(Asn1Tag tag, string field) => IsNext(tag) ? ReadInt32(tag, field) : null;

    public int ReadEnumeratedValue(Asn1Tag tag, string field)
    {
        ExpectTag(tag, field);
        int at = Offset;
        ReadOnlyMemory<byte> content = Guard(field, () => AsnDecoder.ReadEnumeratedBytes(Rest, Der, out int consumed, tag).ToArray(), out int used);
        _pos += used;
        var v = new BigInteger(content.Span, isUnsigned: false, isBigEndian: true);
        if (v < int.MinValue || v > int.MaxValue)
        {
            throw new Asn1DecodeException(TypeName, at, $"{field} value {v} out of range");
        }
        return (int)v;
    }

    public bool ReadBoolean(Asn1Tag tag, string field)
    {
        ExpectTag(tag, field);
        bool value = Guard(field, () => AsnDecoder.ReadBoolean(Rest, Der, out int consumed, tag), out int used);
        _pos += used;
        return value;
    }

    public void ReadNull(Asn1Tag tag, string field)
    {
        ExpectTag(tag, field);
        Guard(field, () => { AsnDecoder.ReadNull(Rest, Der, out int consumed, tag); return 0; }, out int used);
        _pos += used;
    }

    /// <summary>Reads a BIT STRING; returns its bytes and the number of unused bits in the last byte.</summary>
    public byte[] ReadBitString(Asn1Tag tag, string field, out int unusedBits)
    {
        ExpectTag(tag, field);
        int unused = 0;
        byte[] value = Guard(field, () => AsnDecoder.ReadBitString(Rest, Der, out unused, out int consumed, tag), out int used);
        _pos += used;
        unusedBits = unused;
        return value;
    }

    public string ReadObjectIdentifier(Asn1Tag tag, string field)
    {
        ExpectTag(tag, field);
        string value = Guard(field, () => AsnDecoder.ReadObjectIdentifier(Rest, Der, out int consumed, tag), out int used);
        _pos += used;
        return value;
    }

    /// <summary>
    /// Reads every remaining element as an unknown extension (SGP.22 SEQUENCEs carry an extension
    /// marker; values added by later versions are kept, not dropped, so they round-trip and print).
    /// </summary>
    public IReadOnlyList<Asn1Element> ReadExtensions()
    {
        if (!HasData)
        {
            return [];
        }
        var list = new List<Asn1Element>();
        while (HasData)
        {
            list.Add(ReadAny("extension"));
        }
        return list;
    }

    /// <summary>Fails when bytes remain: DER values must be consumed exactly.</summary>
    public void End()
    {
        if (HasData)
        {
            throw Error($"{_data.Length - _pos} unexpected trailing byte(s), next tag {SafePeekHex()}");
        }
    }

    private string SafePeekHex() => TryPeek(out var t) ? Tags.Hex(t) : "(malformed)";

    /// <summary>
    /// Runs one <see cref="AsnDecoder"/> call on the rest of the input and reports how many bytes it used.
    /// The decoder's own bytesConsumed is recovered by re-reading the element header, which is exact for DER.
    /// </summary>
    private T Guard<T>(string field, Func<T> decode, out int used)
    {
        try
        {
            T value = decode();
            AsnDecoder.ReadEncodedValue(Rest, Der, out _, out _, out used);
            return value;
        }
        catch (AsnContentException e)
        {
            throw Error($"invalid {field} ({ErrorText.Of(e)})", e);
        }
    }
}
