using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES8+.ConfigureISDP (SGP.22 v2.2.2 §5.5.2): <c>ConfigureISDPRequest ::= [36] SEQUENCE { dpProprietaryData [24]
/// DpProprietaryData OPTIONAL }</c>, tag <c>BF24</c>, carried encrypted in the first <c>87</c> segment of the BPP.
/// </summary>
public sealed record ConfigureISDPRequest(DpProprietaryData? DpProprietaryData = null) : IAsn1Message<ConfigureISDPRequest>
{
    private const string Name = "ConfigureISDPRequest";

    /// <summary>[36], <c>BF24</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(36);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ConfigureISDPRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ConfigureISDPRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        DpProprietaryData? dp = s.IsNext(Tags.CtxC(24)) ? DpProprietaryData.Read(s, Tags.CtxC(24)) : null;
        return new ConfigureISDPRequest(dp) { Extensions = s.ReadExtensionsAfter(Tags.CtxC(24)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            DpProprietaryData?.Write(w, Tags.CtxC(24));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
