using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// The Bound Profile Package (SGP.22 v2.2.2 §2.5.4, ES8+ §5.5, ES10b.LoadBoundProfilePackage §5.7.6):
/// <code>
/// BoundProfilePackage ::= [54] SEQUENCE {                              -- BF36
///     initialiseSecureChannelRequest [35] InitialiseSecureChannelRequest, -- BF23
///     firstSequenceOf87 [0] SEQUENCE OF [7] OCTET STRING,               -- A0 { 87 ... }
///     sequenceOf88 [1] SEQUENCE OF [8] OCTET STRING,                    -- A1 { 88 ... }
///     secondSequenceOf87 [2] SEQUENCE OF [7] OCTET STRING OPTIONAL,     -- A2 { 87 ... }
///     sequenceOf86 [3] SEQUENCE OF [6] OCTET STRING }                   -- A3 { 86 ... }
/// </code>
/// Every <c>86</c>/<c>87</c>/<c>88</c> segment is kept as its whole TLV, because the BSP MAC covers tag and
/// length (§2.6.4.4). <see cref="ToLpaChunks"/> and <see cref="FromLpaChunks"/> give the split into the
/// STORE DATA sequences the LPA sends (§2.5.5).
/// </summary>
public sealed record BoundProfilePackage(
    InitialiseSecureChannelRequest InitialiseSecureChannelRequest,
    IReadOnlyList<ReadOnlyMemory<byte>> FirstSequenceOf87,
    IReadOnlyList<ReadOnlyMemory<byte>> SequenceOf88,
    IReadOnlyList<ReadOnlyMemory<byte>>? SecondSequenceOf87,
    IReadOnlyList<ReadOnlyMemory<byte>> SequenceOf86) : IAsn1Message<BoundProfilePackage>
{
    internal const string Name = "BoundProfilePackage";

    /// <summary>[54], <c>BF36</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(54);

    internal static readonly Asn1Tag FirstSequenceOf87Tag = Tags.CtxC(0);
    internal static readonly Asn1Tag SequenceOf88Tag = Tags.CtxC(1);
    internal static readonly Asn1Tag SecondSequenceOf87Tag = Tags.CtxC(2);
    internal static readonly Asn1Tag SequenceOf86Tag = Tags.CtxC(3);
    internal static readonly Asn1Tag Segment87 = Tags.Ctx(7);
    internal static readonly Asn1Tag Segment88 = Tags.Ctx(8);
    internal static readonly Asn1Tag Segment86 = Tags.Ctx(6);

    private static readonly Asn1Tag[] RootTags =
        [InitialiseSecureChannelRequest.Tag, FirstSequenceOf87Tag, SequenceOf88Tag, SecondSequenceOf87Tag, SequenceOf86Tag];

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static BoundProfilePackage Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static BoundProfilePackage Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        var iscr = InitialiseSecureChannelRequest.Read(s);
        var first87 = ReadSegments(s, FirstSequenceOf87Tag, Segment87, "firstSequenceOf87");
        var seq88 = ReadSegments(s, SequenceOf88Tag, Segment88, "sequenceOf88");
        var second87 = s.IsNext(SecondSequenceOf87Tag) ? ReadSegments(s, SecondSequenceOf87Tag, Segment87, "secondSequenceOf87") : null;
        var seq86 = ReadSegments(s, SequenceOf86Tag, Segment86, "sequenceOf86");
        return new BoundProfilePackage(iscr, first87, seq88, second87, seq86) { Extensions = s.ReadExtensionsAfter(RootTags) };
    }

    private static List<ReadOnlyMemory<byte>> ReadSegments(DerReader s, Asn1Tag sequenceTag, Asn1Tag segmentTag, string field)
    {
        DerReader seq = s.ReadConstructed(sequenceTag, field);
        var list = new List<ReadOnlyMemory<byte>>();
        while (seq.HasData)
        {
            list.Add(seq.ReadElement(segmentTag, $"{field}[{list.Count}]").Encoded);
        }
        return list;
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null) => w.WriteEncodedValue(Encode(tag ?? Tag));

    public byte[] Encode() => Encode(Tag);

    private byte[] Encode(Asn1Tag tag)
    {
        Parts p = BuildParts();
        byte[] content = [.. p.Iscr, .. p.A0, .. p.A1, .. p.A2, .. p.A3, .. p.Ext];
        return [.. MessageIo.Header(tag, content.Length), .. content];
    }

    /// <summary>Tag and length of <c>BF36</c>: the start of the first STORE DATA sequence.</summary>
    public byte[] Header => BuildParts().Bf36Header;

    /// <summary>Tag and length of <c>A0</c> (firstSequenceOf87).</summary>
    public byte[] FirstSequenceOf87Header => SequenceHeader(FirstSequenceOf87Tag, FirstSequenceOf87);

    /// <summary>Tag and length of <c>A1</c> (sequenceOf88), sent alone.</summary>
    public byte[] SequenceOf88Header => SequenceHeader(SequenceOf88Tag, SequenceOf88);

    /// <summary>Tag and length of <c>A2</c> (secondSequenceOf87), or null when it is absent.</summary>
    public byte[]? SecondSequenceOf87Header => SecondSequenceOf87 is null ? null : SequenceHeader(SecondSequenceOf87Tag, SecondSequenceOf87);

    /// <summary>Tag and length of <c>A3</c> (sequenceOf86), sent alone.</summary>
    public byte[] SequenceOf86Header => SequenceHeader(SequenceOf86Tag, SequenceOf86);

    private static byte[] SequenceHeader(Asn1Tag tag, IReadOnlyList<ReadOnlyMemory<byte>> segments) =>
        MessageIo.Header(tag, segments.Sum(x => x.Length));

    /// <summary>
    /// The BPP as the LPA transfers it in ES10b.LoadBoundProfilePackage, one entry per STORE DATA sequence
    /// (SGP.22 v2.2.2 §2.5.5): <c>BF36</c> header with the whole <c>BF23</c>; <c>A0</c> header with the first
    /// <c>87</c>; <c>A1</c> header; each <c>88</c>; <c>A2</c> header with its first <c>87</c> (when present);
    /// <c>A3</c> header; each <c>86</c>. A further <c>87</c> in A0 or A2 (not expected in v2) and unknown
    /// extensions after A3 are sent as sequences of their own.
    /// </summary>
    public IReadOnlyList<byte[]> ToLpaChunks()
    {
        Parts p = BuildParts();
        var chunks = new List<byte[]>();
        chunks.Add([.. p.Bf36Header, .. p.Iscr]);
        AddSequence(chunks, FirstSequenceOf87Header, FirstSequenceOf87, firstWithHeader: true);
        AddSequence(chunks, SequenceOf88Header, SequenceOf88, firstWithHeader: false);
        if (SecondSequenceOf87 is not null)
        {
            AddSequence(chunks, SecondSequenceOf87Header!, SecondSequenceOf87, firstWithHeader: true);
        }
        AddSequence(chunks, SequenceOf86Header, SequenceOf86, firstWithHeader: false);
        chunks.AddRange(Extensions.Select(e => e.Encoded.ToArray()));
        return chunks;
    }

    /// <summary>Rebuilds the BPP from the STORE DATA sequences of <see cref="ToLpaChunks"/>, checking their order and split.</summary>
    public static BoundProfilePackage FromLpaChunks(IEnumerable<ReadOnlyMemory<byte>> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var reader = new BppChunkReader();
        foreach (ReadOnlyMemory<byte> c in chunks)
        {
            reader.Accept(c);
        }
        return reader.ToBoundProfilePackage();
    }

    private static void AddSequence(List<byte[]> chunks, byte[] header, IReadOnlyList<ReadOnlyMemory<byte>> segments, bool firstWithHeader)
    {
        int i = 0;
        if (firstWithHeader && segments.Count > 0)
        {
            chunks.Add([.. header, .. segments[0].Span]);
            i = 1;
        }
        else
        {
            chunks.Add(header);
        }
        for (; i < segments.Count; i++)
        {
            chunks.Add(segments[i].ToArray());
        }
    }

    private sealed record Parts(byte[] Bf36Header, byte[] Iscr, byte[] A0, byte[] A1, byte[] A2, byte[] A3, byte[] Ext);

    private Parts BuildParts()
    {
        byte[] iscr = InitialiseSecureChannelRequest.Encode();
        byte[] a0 = Sequence(FirstSequenceOf87Tag, FirstSequenceOf87);
        byte[] a1 = Sequence(SequenceOf88Tag, SequenceOf88);
        byte[] a2 = SecondSequenceOf87 is null ? [] : Sequence(SecondSequenceOf87Tag, SecondSequenceOf87);
        byte[] a3 = Sequence(SequenceOf86Tag, SequenceOf86);
        byte[] ext = Extensions.SelectMany(e => e.Encoded.ToArray()).ToArray();
        int length = iscr.Length + a0.Length + a1.Length + a2.Length + a3.Length + ext.Length;
        return new Parts(MessageIo.Header(Tag, length), iscr, a0, a1, a2, a3, ext);
    }

    private static byte[] Sequence(Asn1Tag tag, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        byte[] content = segments.SelectMany(x => x.ToArray()).ToArray();
        return [.. MessageIo.Header(tag, content.Length), .. content];
    }
}
