using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>ES10b.GetRAT (SGP.22 v2.2.2 §5.7.22): <c>GetRatRequest ::= [67] SEQUENCE {}</c>, tag <c>BF43</c>.</summary>
public sealed record GetRatRequest : IAsn1Message<GetRatRequest>
{
    private const string Name = "GetRatRequest";

    /// <summary>[67], <c>BF43</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(67);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetRatRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static GetRatRequest Read(DerReader r, Asn1Tag? tag = null) =>
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
/// <c>ProfilePolicyAuthorisationRule ::= SEQUENCE { pprIds PprIds, allowedOperators SEQUENCE OF OperatorId,
/// pprFlags BIT STRING {consentRequired(0)} }</c> (SGP.22 v2.2.2 §2.9.2.1). No component carries a tag: AUTOMATIC
/// TAGS gives <c>80</c>, <c>A1</c>, <c>82</c>.
/// </summary>
public sealed record ProfilePolicyAuthorisationRule(NamedBitList PprIds, IReadOnlyList<OperatorId> AllowedOperators, NamedBitList PprFlags)
{
    private const string Name = "ProfilePolicyAuthorisationRule";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ProfilePolicyAuthorisationRule Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ProfilePolicyAuthorisationRule Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        NamedBitList ids = NamedBitList.Read(s, Tags.Ctx(0), "pprIds");
        DerReader ops = s.ReadConstructed(Tags.CtxC(1), "allowedOperators");
        var operators = new List<OperatorId>();
        while (ops.HasData)
        {
            operators.Add(OperatorId.Read(ops));
        }
        NamedBitList flags = NamedBitList.Read(s, Tags.Ctx(2), "pprFlags");
        var ext = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.CtxC(1), Tags.Ctx(2));
        return new ProfilePolicyAuthorisationRule(ids, operators, flags) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            PprIds.Write(w, Tags.Ctx(0));
            using (w.PushSequence(Tags.CtxC(1)))
            {
                foreach (OperatorId o in AllowedOperators)
                {
                    o.Write(w);
                }
            }
            PprFlags.Write(w, Tags.Ctx(2));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>GetRatResponse ::= [67] SEQUENCE { rat RulesAuthorisationTable }</c>, tag <c>BF43</c> (SGP.22 v2.2.2 §5.7.22),
/// <c>RulesAuthorisationTable ::= SEQUENCE OF ProfilePolicyAuthorisationRule</c>. The only component is untagged,
/// so AUTOMATIC TAGS gives rat <c>[0]</c>: <c>A0</c>.
/// </summary>
public sealed record GetRatResponse(IReadOnlyList<ProfilePolicyAuthorisationRule> Rat) : IAsn1Message<GetRatResponse>
{
    private const string Name = "GetRatResponse";

    /// <summary>[67], <c>BF43</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(67);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetRatResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static GetRatResponse Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        DerReader rat = s.ReadConstructed(Tags.CtxC(0), "rat");
        var rules = new List<ProfilePolicyAuthorisationRule>();
        while (rat.HasData)
        {
            rules.Add(ProfilePolicyAuthorisationRule.Read(rat));
        }
        return new GetRatResponse(rules) { Extensions = s.ReadExtensionsAfter(Tags.CtxC(0)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            using (w.PushSequence(Tags.CtxC(0)))
            {
                foreach (ProfilePolicyAuthorisationRule rule in Rat)
                {
                    rule.Write(w);
                }
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
