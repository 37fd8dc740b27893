using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>What one STORE DATA sequence of ES10b.LoadBoundProfilePackage carried (SGP.22 v2.2.2 §2.5.5).</summary>
public enum BppChunkKind
{
    /// <summary><c>BF36</c> header and the <c>BF23</c> InitialiseSecureChannelRequest.</summary>
    InitialiseSecureChannel,
    /// <summary>An <c>87</c> of firstSequenceOf87 (ConfigureISDP), the first one with the <c>A0</c> header.</summary>
    FirstSequenceOf87Segment,
    /// <summary>The <c>A1</c> header alone.</summary>
    SequenceOf88Header,
    /// <summary>An <c>88</c> (StoreMetadata).</summary>
    SequenceOf88Segment,
    /// <summary>An <c>87</c> of secondSequenceOf87 (ReplaceSessionKeys), the first one with the <c>A2</c> header.</summary>
    SecondSequenceOf87Segment,
    /// <summary>The <c>A3</c> header alone.</summary>
    SequenceOf86Header,
    /// <summary>An <c>86</c> (profile elements).</summary>
    SequenceOf86Segment,
    /// <summary>An unknown extension of the BoundProfilePackage after <c>A3</c>.</summary>
    Extension,
}

/// <summary>
/// One STORE DATA sequence understood: its kind, the segment TLV it carried (empty for a header alone), and
/// for the first one the decoded InitialiseSecureChannelRequest. <see cref="Offset"/> is where the chunk
/// starts in the whole BPP encoding.
/// </summary>
public sealed record BppChunk(BppChunkKind Kind, ReadOnlyMemory<byte> Segment, int Offset, InitialiseSecureChannelRequest? InitialiseSecureChannelRequest = null);

/// <summary>
/// Consumes a Bound Profile Package in the STORE DATA sequences of ES10b.LoadBoundProfilePackage, in order
/// (SGP.22 v2.2.2 §2.5.5), as an eUICC does: each <see cref="Accept"/> checks that the chunk is exactly the
/// next unit the split prescribes and says what it carried, so a consumer can process (and answer
/// <c>BF37</c> early) before the rest arrives. Failures are <see cref="Asn1DecodeException"/> for type
/// BoundProfilePackage with the offset in the whole BPP encoding.
/// </summary>
public sealed class BppChunkReader
{
    private enum State { Start, ExpectA0, InA0, ExpectA1, InA1, ExpectA2OrA3, InA2, ExpectA3, InA3, AfterA3 }

    private State _state = State.Start;
    private int _offset;
    private int _bppRemaining;
    private int _partRemaining;
    private InitialiseSecureChannelRequest? _iscr;
    private readonly List<ReadOnlyMemory<byte>> _first87 = [];
    private readonly List<ReadOnlyMemory<byte>> _seq88 = [];
    private List<ReadOnlyMemory<byte>>? _second87;
    private readonly List<ReadOnlyMemory<byte>> _seq86 = [];
    private readonly List<Asn1Element> _extensions = [];

    /// <summary>True once the whole <c>BF36</c> value has arrived (with <c>A3</c> and all its <c>86</c>).</summary>
    public bool IsComplete => _state == State.AfterA3 && _bppRemaining == 0;

    /// <summary>Bytes of the BPP consumed so far.</summary>
    public int Offset => _offset;

    /// <summary>Takes the next STORE DATA sequence.</summary>
    public BppChunk Accept(ReadOnlyMemory<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            throw Fail(_offset, "empty STORE DATA sequence");
        }
        BppChunk result = _state switch
        {
            State.Start => AcceptStart(chunk),
            State.ExpectA0 => OpenSequence(chunk, BoundProfilePackage.FirstSequenceOf87Tag, "firstSequenceOf87", withFirst: true, State.InA0, State.ExpectA1),
            State.InA0 => Segment(chunk, State.ExpectA1),
            State.ExpectA1 => OpenSequence(chunk, BoundProfilePackage.SequenceOf88Tag, "sequenceOf88", withFirst: false, State.InA1, State.ExpectA2OrA3),
            State.InA1 => Segment(chunk, State.ExpectA2OrA3),
            State.ExpectA2OrA3 => StartsWith(chunk, BoundProfilePackage.SecondSequenceOf87Tag)
                ? OpenSequence(chunk, BoundProfilePackage.SecondSequenceOf87Tag, "secondSequenceOf87", withFirst: true, State.InA2, State.ExpectA3)
                : OpenSequence(chunk, BoundProfilePackage.SequenceOf86Tag, "sequenceOf86", withFirst: false, State.InA3, State.AfterA3),
            State.InA2 => Segment(chunk, State.ExpectA3),
            State.ExpectA3 => OpenSequence(chunk, BoundProfilePackage.SequenceOf86Tag, "sequenceOf86", withFirst: false, State.InA3, State.AfterA3),
            State.InA3 => Segment(chunk, State.AfterA3),
            _ => AcceptExtension(chunk),
        };
        return result;
    }

    /// <summary>The BPP once <see cref="IsComplete"/>.</summary>
    public BoundProfilePackage ToBoundProfilePackage()
    {
        if (!IsComplete)
        {
            throw Fail(_offset, $"BoundProfilePackage incomplete: {Missing()}");
        }
        return new BoundProfilePackage(_iscr!, _first87, _seq88, _second87, _seq86) { Extensions = _extensions };
    }

    private string Missing() => _state switch
    {
        State.Start => "no STORE DATA sequence received",
        State.AfterA3 => $"{_bppRemaining} byte(s) of extensions missing",
        _ => $"expecting {_state}",
    };

    private BppChunk AcceptStart(ReadOnlyMemory<byte> chunk)
    {
        if (!MessageIo.TryReadHeader(chunk.Span, out Asn1Tag tag, out int length, out int headerLength))
        {
            throw Fail(0, "malformed BoundProfilePackage header");
        }
        if (tag != BoundProfilePackage.Tag)
        {
            throw Fail(0, $"expected tag {Tags.Hex(BoundProfilePackage.Tag)}, found {Tags.Hex(tag)}");
        }
        var r = new DerReader(chunk[headerLength..], "InitialiseSecureChannelRequest", headerLength);
        InitialiseSecureChannelRequest iscr = InitialiseSecureChannelRequest.Read(r);
        // "BF36 header + BF23": nothing else may ride in this STORE DATA sequence.
        r.End();
        int used = chunk.Length - headerLength;
        if (used > length)
        {
            throw Fail(headerLength, $"InitialiseSecureChannelRequest ({used} bytes) longer than the BoundProfilePackage ({length})");
        }
        _iscr = iscr;
        _bppRemaining = length - used;
        _state = State.ExpectA0;
        int at = _offset;
        _offset = chunk.Length;
        return new BppChunk(BppChunkKind.InitialiseSecureChannel, chunk[headerLength..], at, iscr);
    }

    private static bool StartsWith(ReadOnlyMemory<byte> chunk, Asn1Tag tag) =>
        Asn1Tag.TryDecode(chunk.Span, out Asn1Tag t, out _) && t == tag;

    private BppChunk OpenSequence(ReadOnlyMemory<byte> chunk, Asn1Tag tag, string field, bool withFirst, State inside, State after)
    {
        if (!MessageIo.TryReadHeader(chunk.Span, out Asn1Tag found, out int length, out int headerLength))
        {
            throw Fail(_offset, $"malformed {field} header");
        }
        if (found != tag)
        {
            throw Fail(_offset, $"expected {field} tag {Tags.Hex(tag)}, found {Tags.Hex(found)}");
        }
        Take(chunk.Length, field);
        int at = _offset;
        _offset += headerLength;
        _partRemaining = length;
        ReadOnlyMemory<byte> rest = chunk[headerLength..];
        if (!withFirst || length == 0)
        {
            if (!rest.IsEmpty)
            {
                throw Fail(_offset, $"the {Tags.Hex(tag)} header goes alone in its STORE DATA sequence, found {rest.Length} more byte(s)");
            }
            _state = length == 0 ? after : inside;
            return new BppChunk(HeaderKind(tag), ReadOnlyMemory<byte>.Empty, at);
        }
        if (rest.IsEmpty)
        {
            throw Fail(_offset, $"the {Tags.Hex(tag)} header must come with its first segment in one STORE DATA sequence");
        }
        _state = inside;
        BppChunk segment = ReadSegment(rest, after);
        return segment with { Offset = at };
    }

    private BppChunk Segment(ReadOnlyMemory<byte> chunk, State after)
    {
        Take(chunk.Length, "segment");
        return ReadSegment(chunk, after);
    }

    private BppChunk ReadSegment(ReadOnlyMemory<byte> data, State after)
    {
        (Asn1Tag tag, BppChunkKind kind, List<ReadOnlyMemory<byte>> list) = _state switch
        {
            State.InA0 => (BoundProfilePackage.Segment87, BppChunkKind.FirstSequenceOf87Segment, _first87),
            State.InA1 => (BoundProfilePackage.Segment88, BppChunkKind.SequenceOf88Segment, _seq88),
            State.InA2 => (BoundProfilePackage.Segment87, BppChunkKind.SecondSequenceOf87Segment, _second87 ??= []),
            _ => (BoundProfilePackage.Segment86, BppChunkKind.SequenceOf86Segment, _seq86),
        };
        int at = _offset;
        var r = new DerReader(data, BoundProfilePackage.Name, at);
        ReadOnlyMemory<byte> tlv = r.ReadElement(tag, kind.ToString()).Encoded;
        // One segment per STORE DATA sequence.
        r.End();
        if (tlv.Length > _partRemaining)
        {
            throw Fail(at, $"segment of {tlv.Length} bytes overruns its sequence ({_partRemaining} bytes left)");
        }
        _partRemaining -= tlv.Length;
        _offset += tlv.Length;
        list.Add(tlv);
        if (_partRemaining == 0)
        {
            _state = after;
        }
        return new BppChunk(kind, tlv, at);
    }

    private BppChunk AcceptExtension(ReadOnlyMemory<byte> chunk)
    {
        if (_bppRemaining == 0)
        {
            throw Fail(_offset, "STORE DATA sequence after the end of the BoundProfilePackage");
        }
        Take(chunk.Length, "extension");
        var r = new DerReader(chunk, BoundProfilePackage.Name, _offset);
        Asn1Element e = r.ReadAny("extension");
        r.End();
        _extensions.Add(e);
        int at = _offset;
        _offset += chunk.Length;
        return new BppChunk(BppChunkKind.Extension, e.Encoded, at);
    }

    private void Take(int length, string what)
    {
        if (length > _bppRemaining)
        {
            throw Fail(_offset, $"{what} ({length} bytes) overruns the BoundProfilePackage ({_bppRemaining} bytes left)");
        }
        _bppRemaining -= length;
    }

    private static BppChunkKind HeaderKind(Asn1Tag tag) =>
        tag == BoundProfilePackage.SequenceOf88Tag ? BppChunkKind.SequenceOf88Header
        : tag == BoundProfilePackage.SequenceOf86Tag ? BppChunkKind.SequenceOf86Header
        : tag == BoundProfilePackage.FirstSequenceOf87Tag ? BppChunkKind.FirstSequenceOf87Segment
        : BppChunkKind.SecondSequenceOf87Segment;

    private static Asn1DecodeException Fail(int offset, string problem) => new(BoundProfilePackage.Name, offset, problem);
}
