using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10b.LoadCRL (SGP.22 v2.2.2 §5.7.12): <c>LoadCRLRequest ::= [53] SEQUENCE { crl CertificateList }</c>, tag
/// <c>BF35</c>. The only component is untagged, so AUTOMATIC TAGS gives crl <c>[0] IMPLICIT</c>: on the wire the
/// CRL's outer <c>30</c> is replaced by <c>A0</c>. <see cref="Crl"/> holds the CRL as a standalone X.509 DER
/// (<c>30</c>), ready for a CRL parser; the re-tagging happens on reading and writing.
/// </summary>
public sealed record LoadCRLRequest(ReadOnlyMemory<byte> Crl) : IAsn1Message<LoadCRLRequest>
{
    private const string Name = "LoadCRLRequest";

    private static readonly Asn1Tag CrlTag = Tags.CtxC(0);

    /// <summary>[53], <c>BF35</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(53);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static LoadCRLRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static LoadCRLRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        Asn1Element crl = s.ReadElement(CrlTag, "crl");
        byte[] standalone = [.. MessageIo.Header(Asn1Tag.Sequence, crl.Content.Length), .. crl.Content.Span];
        return new LoadCRLRequest(standalone) { Extensions = s.ReadExtensionsAfter(CrlTag) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = CrlContent();
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteEncodedValue([.. MessageIo.Header(CrlTag, content.Length), .. content]);
            w.WriteExtensions(Extensions);
        }
    }

    private ReadOnlySpan<byte> CrlContent()
    {
        try
        {
            AsnDecoder.ReadEncodedValue(Crl.Span, AsnEncodingRules.DER, out int offset, out int length, out int consumed);
            if (consumed != Crl.Length)
            {
                throw new InvalidOperationException("crl must be exactly one DER element");
            }
            return Crl.Span.Slice(offset, length);
        }
        catch (AsnContentException e)
        {
            throw new InvalidOperationException("crl is not a DER element", e);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>LoadCRLResponseOk ::= SEQUENCE { missingParts SEQUENCE OF SEQUENCE { number INTEGER (0..MAX) } OPTIONAL }</c>
/// (SGP.22 v2.2.2 §5.7.12); AUTOMATIC TAGS: missingParts <c>A0</c>, each entry <c>30</c> holding number <c>80</c>.
/// </summary>
public sealed record LoadCRLResponseOk(IReadOnlyList<int>? MissingParts = null)
{
    private const string Name = "LoadCRLResponseOk";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static LoadCRLResponseOk Read(DerReader r, Asn1Tag tag)
    {
        DerReader s = r.ReadConstructed(tag, Name, Name);
        List<int>? parts = null;
        if (s.ReadOptionalConstructed(Tags.CtxC(0), "missingParts") is { } list)
        {
            parts = [];
            while (list.HasData)
            {
                DerReader entry = list.ReadConstructed(Asn1Tag.Sequence, "missingParts entry");
                int at = entry.Offset;
                int number = entry.ReadInt32(Tags.Ctx(0), "number");
                if (number < 0)
                {
                    throw new Asn1DecodeException(Name, at, $"number must be 0..MAX, is {number}");
                }
                entry.ReadExtensionsAfter(Tags.Ctx(0));
                parts.Add(number);
            }
        }
        return new LoadCRLResponseOk(parts) { Extensions = s.ReadExtensionsAfter(Tags.CtxC(0)) };
    }

    internal void Write(AsnWriter w, Asn1Tag tag)
    {
        using (w.PushSequence(tag))
        {
            if (MissingParts is not null)
            {
                using (w.PushSequence(Tags.CtxC(0)))
                {
                    foreach (int n in MissingParts)
                    {
                        using (w.PushSequence())
                        {
                            w.WriteInteger(n, Tags.Ctx(0));
                        }
                    }
                }
            }
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// <c>LoadCRLResponse ::= [53] CHOICE { loadCRLResponseOk LoadCRLResponseOk, loadCRLResponseError
/// LoadCRLResponseError }</c>, tag <c>BF35</c> (SGP.22 v2.2.2 §5.7.12): explicit, <c>A0</c> ok or <c>81</c> error.
/// Exactly one is set.
/// </summary>
public sealed record LoadCRLResponse : IAsn1Message<LoadCRLResponse>
{
    private const string Name = "LoadCRLResponse";

    public LoadCRLResponse(LoadCRLResponseOk loadCRLResponseOk) => LoadCRLResponseOk = loadCRLResponseOk;

    public LoadCRLResponse(LoadCrlError loadCRLResponseError) => LoadCRLResponseError = loadCRLResponseError;

    /// <summary>[53], <c>BF35</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(53);

    public LoadCRLResponseOk? LoadCRLResponseOk { get; }

    public LoadCrlError? LoadCRLResponseError { get; }

    public static LoadCRLResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static LoadCRLResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ListOrErrorIo.Read(r, tag ?? Tag, Name,
            s => new LoadCRLResponse(Messages.LoadCRLResponseOk.Read(s, ListOrErrorIo.OkTag)),
            "loadCRLResponseError", e => new LoadCRLResponse((LoadCrlError)e));

    public void Write(AsnWriter w, Asn1Tag? tag = null) =>
        ListOrErrorIo.Write(w, tag ?? Tag, LoadCRLResponseOk is { } ok ? x => ok.Write(x, ListOrErrorIo.OkTag) : null, (int?)LoadCRLResponseError);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
