using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>ES10a.GetEuiccConfiguredAddresses (SGP.22 v2.2.2 §5.7.3): <c>EuiccConfiguredAddressesRequest ::= [60] SEQUENCE {}</c>, tag <c>BF3C</c>.</summary>
public sealed record EuiccConfiguredAddressesRequest : IAsn1Message<EuiccConfiguredAddressesRequest>
{
    private const string Name = "EuiccConfiguredAddressesRequest";

    /// <summary>[60], <c>BF3C</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(60);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EuiccConfiguredAddressesRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static EuiccConfiguredAddressesRequest Read(DerReader r, Asn1Tag? tag = null) =>
        new() { Extensions = r.ReadConstructed(tag ?? Tag, Name, Name).ReadExtensions() };

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>EuiccConfiguredAddressesResponse ::= [60] SEQUENCE { defaultDpAddress UTF8String OPTIONAL, rootDsAddress
/// UTF8String }</c>, tag <c>BF3C</c> (SGP.22 v2.2.2 §5.7.3); AUTOMATIC TAGS: <c>80</c>, <c>81</c>.
/// </summary>
public sealed record EuiccConfiguredAddressesResponse(string? DefaultDpAddress, string RootDsAddress) : IAsn1Message<EuiccConfiguredAddressesResponse>
{
    private const string Name = "EuiccConfiguredAddressesResponse";

    /// <summary>[60], <c>BF3C</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(60);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EuiccConfiguredAddressesResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static EuiccConfiguredAddressesResponse Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        string? dp = s.ReadOptionalUtf8String(Tags.Ctx(0), "defaultDpAddress");
        string ds = s.ReadUtf8String(Tags.Ctx(1), "rootDsAddress");
        return new EuiccConfiguredAddressesResponse(dp, ds) { Extensions = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.Ctx(1)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            if (DefaultDpAddress is not null)
            {
                w.WriteUtf8(DefaultDpAddress, Tags.Ctx(0));
            }
            w.WriteUtf8(RootDsAddress, Tags.Ctx(1));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
