using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10a.SetDefaultDpAddress (SGP.22 v2.2.2 §5.7.4): <c>SetDefaultDpAddressRequest ::= [63] SEQUENCE {
/// defaultDpAddress UTF8String }</c>, tag <c>BF3F</c>; AUTOMATIC TAGS: <c>80</c>.
/// </summary>
public sealed record SetDefaultDpAddressRequest(string DefaultDpAddress) : IAsn1Message<SetDefaultDpAddressRequest>
{
    private const string Name = "SetDefaultDpAddressRequest";

    /// <summary>[63], <c>BF3F</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(63);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static SetDefaultDpAddressRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static SetDefaultDpAddressRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        string address = s.ReadUtf8String(Tags.Ctx(0), "defaultDpAddress");
        return new SetDefaultDpAddressRequest(address) { Extensions = s.ReadExtensionsAfter(Tags.Ctx(0)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteUtf8(DefaultDpAddress, Tags.Ctx(0));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>SetDefaultDpAddressResponse ::= [63] SEQUENCE { setDefaultDpAddressResult INTEGER { ok(0), undefinedError(127) } }</c>,
/// tag <c>BF3F</c> (SGP.22 v2.2.2 §5.7.4).
/// </summary>
public sealed record SetDefaultDpAddressResponse(SetDefaultDpAddressResult SetDefaultDpAddressResult) : IAsn1Message<SetDefaultDpAddressResponse>
{
    private const string Name = "SetDefaultDpAddressResponse";

    /// <summary>[63], <c>BF3F</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(63);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static SetDefaultDpAddressResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static SetDefaultDpAddressResponse Read(DerReader r, Asn1Tag? tag = null) =>
        new((SetDefaultDpAddressResult)ResultIo.Read(r, tag ?? Tag, Name, "setDefaultDpAddressResult", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, (int)SetDefaultDpAddressResult, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
