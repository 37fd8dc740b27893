using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10c.eUICCMemoryReset (SGP.22 v2.2.2 §5.7.19): <c>EuiccMemoryResetRequest ::= [52] SEQUENCE { resetOptions [2]
/// BIT STRING { deleteOperationalProfiles(0), deleteFieldLoadedTestProfiles(1), resetDefaultSmdpAddress(2) } }</c>,
/// tag <c>BF34</c>; resetOptions is <c>82</c>, bits of <see cref="ResetOption"/>.
/// </summary>
public sealed record EuiccMemoryResetRequest(NamedBitList ResetOptions) : IAsn1Message<EuiccMemoryResetRequest>
{
    private const string Name = "EuiccMemoryResetRequest";

    /// <summary>[52], <c>BF34</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(52);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EuiccMemoryResetRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static EuiccMemoryResetRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        NamedBitList options = NamedBitList.Read(s, Tags.Ctx(2), "resetOptions");
        return new EuiccMemoryResetRequest(options) { Extensions = s.ReadExtensionsAfter(Tags.Ctx(2)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            ResetOptions.Write(w, Tags.Ctx(2));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>EuiccMemoryResetResponse ::= [52] SEQUENCE { resetResult INTEGER {...} }</c>, tag <c>BF34</c> (SGP.22 v2.2.2 §5.7.19); AUTOMATIC TAGS: <c>80</c>.
/// </summary>
public sealed record EuiccMemoryResetResponse(EuiccMemoryResetResult ResetResult) : IAsn1Message<EuiccMemoryResetResponse>
{
    private const string Name = "EuiccMemoryResetResponse";

    /// <summary>[52], <c>BF34</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(52);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EuiccMemoryResetResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static EuiccMemoryResetResponse Read(DerReader r, Asn1Tag? tag = null) =>
        new((EuiccMemoryResetResult)ResultIo.Read(r, tag ?? Tag, Name, "resetResult", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, (int)ResetResult, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
