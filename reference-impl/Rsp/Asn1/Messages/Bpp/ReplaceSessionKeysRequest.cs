using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES8+.ReplaceSessionKeys (SGP.22 v2.2.2 §5.5.4): <c>ReplaceSessionKeysRequest ::= [38] SEQUENCE {
/// initialMacChainingValue OCTET STRING, ppkEnc OCTET STRING, ppkCmac OCTET STRING }</c>, tag <c>BF26</c>,
/// carried in the <c>secondSequenceOf87</c>. No component carries a tag: AUTOMATIC TAGS gives <c>80</c>, <c>81</c>, <c>82</c>.
/// </summary>
public sealed record ReplaceSessionKeysRequest(byte[] InitialMacChainingValue, byte[] PpkEnc, byte[] PpkCmac)
    : IAsn1Message<ReplaceSessionKeysRequest>
{
    private const string Name = "ReplaceSessionKeysRequest";

    /// <summary>[38], <c>BF26</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(38);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ReplaceSessionKeysRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ReplaceSessionKeysRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        byte[] mcv = s.ReadOctetString(Tags.Ctx(0), "initialMacChainingValue");
        byte[] enc = s.ReadOctetString(Tags.Ctx(1), "ppkEnc");
        byte[] mac = s.ReadOctetString(Tags.Ctx(2), "ppkCmac");
        var ext = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.Ctx(1), Tags.Ctx(2));
        return new ReplaceSessionKeysRequest(mcv, enc, mac) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(InitialMacChainingValue, Tags.Ctx(0));
            w.WriteOctetString(PpkEnc, Tags.Ctx(1));
            w.WriteOctetString(PpkCmac, Tags.Ctx(2));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
