using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>GetEuiccChallengeRequest ::= [46] SEQUENCE { } -- Tag 'BF2E' (ES10b.GetEUICCChallenge, SGP.22 v2.5 §5.7.7).</summary>
public sealed record GetEuiccChallengeRequest : IAsn1Message<GetEuiccChallengeRequest>
{
    public const string TypeName = "GetEuiccChallengeRequest";

    public static Asn1Tag Tag => Tags.CtxC(46);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetEuiccChallengeRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetEuiccChallengeRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "getEuiccChallengeRequest", TypeName);
        return new GetEuiccChallengeRequest { Extensions = s.ReadExtensions() };
    }

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
/// GetEuiccChallengeResponse ::= [46] SEQUENCE { euiccChallenge Octet16 } -- Tag 'BF2E'; automatic tag [0] ('80')
/// (SGP.22 v2.5 §5.7.7).
/// </summary>
public sealed record GetEuiccChallengeResponse(byte[] EuiccChallenge) : IAsn1Message<GetEuiccChallengeResponse>
{
    public const string TypeName = "GetEuiccChallengeResponse";

    public static Asn1Tag Tag => Tags.CtxC(46);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetEuiccChallengeResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetEuiccChallengeResponse Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "getEuiccChallengeResponse", TypeName);
        byte[] challenge = s.ReadOctet16(Tags.Ctx(0), "euiccChallenge");
        return new GetEuiccChallengeResponse(challenge) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(EuiccChallenge, Tags.Ctx(0));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
