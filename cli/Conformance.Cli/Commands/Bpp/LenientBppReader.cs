using System.Formats.Asn1;
using Conformance.Adapters.Bpp;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Cli.Commands.Bpp;

/// <summary>
/// The parts of a bound profile package as they were found: the <c>BF23</c> InitialiseSecureChannelRequest TLV and
/// the segments of <c>A0</c>, <c>A1</c>, <c>A2</c>, <c>A3</c> (null when the sequence is absent).
/// </summary>
internal sealed record BppParts(
    ReadOnlyMemory<byte>? InitialiseSecureChannel,
    IReadOnlyList<ReadOnlyMemory<byte>>? FirstSequenceOf87,
    IReadOnlyList<ReadOnlyMemory<byte>>? SequenceOf88,
    IReadOnlyList<ReadOnlyMemory<byte>>? SecondSequenceOf87,
    IReadOnlyList<ReadOnlyMemory<byte>>? SequenceOf86);

/// <summary>
/// Reads a bound profile package as far as it can (SGP.22 v2.5 §2.5.4): with the strict decoder of the protocol core
/// first; when that refuses it, TLV by TLV, naming each departure from
/// <c>BF36 { BF23, A0 { 87 }, A1 { 88.. }, [A2 { 87 }], A3 { 86.. } }</c> as a broken rule (a part out of order, a
/// part twice, a part missing, a TLV wrapped twice), so that the parts that are there can still be verified.
/// </summary>
internal static class LenientBppReader
{
    private static readonly string[] Order = ["BF23", "A0", "A1", "A2", "A3"];

    /// <summary>The parts; throws <see cref="CliError"/> when the input is no BF36 at all.</summary>
    public static BppParts Read(ReadOnlyMemory<byte> der, string fileName, List<BppViolation> violations)
    {
        try
        {
            BoundProfilePackage strict = BoundProfilePackage.Decode(der);
            return new BppParts(strict.InitialiseSecureChannelRequest.Encode(), strict.FirstSequenceOf87, strict.SequenceOf88,
                strict.SecondSequenceOf87, strict.SequenceOf86);
        }
        catch (Asn1DecodeException e)
        {
            int before = violations.Count;
            BppParts parts = ReadTlvs(der, fileName, violations);
            if (violations.Count == before)
            {
                violations.Add(new(BppRule.Structure, $"the package does not decode as BoundProfilePackage: {e.Message}",
                    "BF36 { BF23, A0, A1, [A2], A3 } in DER", e.Message));
            }
            return parts;
        }
    }

    private static BppParts ReadTlvs(ReadOnlyMemory<byte> der, string fileName, List<BppViolation> violations)
    {
        List<Tlv> top = Children(der, fileName);
        if (top.Count == 0 || top[0].Tag != "BF36")
        {
            throw new CliError($"{fileName} is not a BoundProfilePackage: it starts with tag {(top.Count == 0 ? "(none)" : top[0].Tag)}, not BF36 (SGP.22 §2.5.4)");
        }
        if (top.Count > 1)
        {
            violations.Add(new(BppRule.Structure, $"{top.Count - 1} TLV(s) follow the BoundProfilePackage", "nothing after BF36", $"{top[1].Tag}..."));
        }
        Tlv root = top[0];
        List<Tlv> children = Children(root.Value, fileName);
        if (children is [{ Tag: "BF36" } inner])
        {
            violations.Add(Twice("BoundProfilePackage", "BF36"));
            children = Children(inner.Value, fileName);
        }
        var found = new Dictionary<string, Tlv>();
        int last = -1;
        foreach (Tlv c in children)
        {
            int at = Array.IndexOf(Order, c.Tag);
            if (at < 0)
            {
                continue; // an extension: BoundProfilePackage is extensible after A3
            }
            if (!found.TryAdd(c.Tag, c))
            {
                violations.Add(new(BppRule.Structure, $"the package holds {c.Tag} twice; the second is ignored", $"one {c.Tag}", $"two {c.Tag}", c.Tag));
                continue;
            }
            if (at < last)
            {
                violations.Add(new(BppRule.Structure, $"{c.Tag} comes after {Order[last]}: the parts are out of order",
                    "BF23, A0, A1, [A2], A3 in this order", string.Join(", ", children.Select(x => x.Tag)), c.Tag));
            }
            last = Math.Max(last, at);
        }
        foreach (string mandatory in new[] { "BF23", "A0", "A1", "A3" }.Where(t => !found.ContainsKey(t)))
        {
            violations.Add(new(BppRule.Structure, $"the package has no {mandatory} ({Name(mandatory)})", mandatory, "absent", mandatory));
        }
        return new BppParts(
            found.TryGetValue("BF23", out Tlv? iscr) ? iscr.Whole : null,
            Segments(found, "A0", fileName, violations),
            Segments(found, "A1", fileName, violations),
            Segments(found, "A2", fileName, violations),
            Segments(found, "A3", fileName, violations));
    }

    private static List<ReadOnlyMemory<byte>>? Segments(Dictionary<string, Tlv> found, string tag, string fileName, List<BppViolation> violations)
    {
        if (!found.TryGetValue(tag, out Tlv? sequence))
        {
            return null;
        }
        List<Tlv> segments = Children(sequence.Value, fileName);
        if (segments is [{ Tag: var t } inner] && t == tag)
        {
            violations.Add(Twice(Name(tag), tag));
            segments = Children(inner.Value, fileName);
        }
        return segments.Select(s => s.Whole).ToList();
    }

    private static BppViolation Twice(string what, string tag) =>
        new(BppRule.WrappedTwice, $"{what} is wrapped twice: {tag} {{ {tag} {{ ... }} }}", $"one {tag}", $"{tag} inside {tag}", tag);

    private static string Name(string tag) => tag switch
    {
        "BF23" => "InitialiseSecureChannelRequest",
        "A0" => "firstSequenceOf87",
        "A1" => "sequenceOf88",
        "A2" => "secondSequenceOf87",
        _ => "sequenceOf86",
    };

    /// <summary>One TLV: its tag in hex as the spec writes it, the whole encoding, and its value.</summary>
    internal sealed record Tlv(string Tag, ReadOnlyMemory<byte> Whole, ReadOnlyMemory<byte> Value);

    /// <summary>The consecutive TLVs of <paramref name="data"/> (BER lengths); a TLV that does not parse ends the input with one sentence.</summary>
    internal static List<Tlv> Children(ReadOnlyMemory<byte> data, string fileName)
    {
        var list = new List<Tlv>();
        int offset = 0;
        while (offset < data.Length)
        {
            if (TryRead(data[offset..], out Tlv? tlv) is string problem)
            {
                throw new CliError($"{fileName} is not a BoundProfilePackage: the TLV at offset {offset} does not parse ({problem})");
            }
            list.Add(tlv!);
            offset += tlv!.Whole.Length;
        }
        return list;
    }

    /// <summary>Reads the TLV at the start of <paramref name="data"/>; returns null or the problem.</summary>
    internal static string? TryRead(ReadOnlyMemory<byte> data, out Tlv? tlv)
    {
        tlv = null;
        try
        {
            Asn1Tag.Decode(data.Span, out int tagLength);
            AsnDecoder.ReadEncodedValue(data.Span, AsnEncodingRules.BER, out int contentOffset, out int contentLength, out int consumed);
            tlv = new Tlv(Convert.ToHexString(data.Span[..tagLength]), data[..consumed], data.Slice(contentOffset, contentLength));
            return null;
        }
        catch (AsnContentException e)
        {
            return e.Message;
        }
    }
}
