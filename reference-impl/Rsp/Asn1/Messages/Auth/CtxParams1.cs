using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// CtxParams1 ::= CHOICE { ctxParamsForCommonAuthentication CtxParamsForCommonAuthentication }
/// -- New contextual data objects MAY be defined for extensibility (SGP.22 v2.5 §5.7.13).
/// Automatic tags make the alternative [0] (A0). An alternative this version does not know is kept in
/// <see cref="Unknown"/> and re-emitted unchanged.
/// </summary>
public sealed record CtxParams1
{
    public const string TypeName = "CtxParams1";

    public CtxParamsForCommonAuthentication? CtxParamsForCommonAuthentication { get; init; }

    /// <summary>An alternative added by a later version (whole TLV), when that is what was received.</summary>
    public Asn1Element? Unknown { get; init; }

    public static CtxParams1 Common(CtxParamsForCommonAuthentication value) => new() { CtxParamsForCommonAuthentication = value };

    public static CtxParams1 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    /// <summary>Reads the chosen alternative (CtxParams1 is an untagged CHOICE: no tag override).</summary>
    internal static CtxParams1 Read(DerReader r)
    {
        Asn1Tag t = r.PeekTag("ctxParams1");
        if (t == Tags.CtxC(0))
        {
            return Common(CtxParamsForCommonAuthentication.Read(r, Tags.CtxC(0)));
        }
        if (t.TagClass == TagClass.ContextSpecific)
        {
            return new CtxParams1 { Unknown = r.ReadAny("ctxParams1") };
        }
        throw r.Error($"ctxParams1: unexpected tag {Tags.Hex(t)}, expected A0 (ctxParamsForCommonAuthentication)");
    }

    public void Write(AsnWriter w)
    {
        AsnFields.RequireOneAlternative(TypeName, CtxParamsForCommonAuthentication, Unknown);
        if (CtxParamsForCommonAuthentication is not null)
        {
            CtxParamsForCommonAuthentication.Write(w, Tags.CtxC(0));
        }
        else
        {
            w.WriteEncodedValue(Unknown!.Value.Encoded.Span);
        }
    }

    public byte[] Encode() => Der.Encode(Write);
}

/// <summary>
/// CtxParamsForCommonAuthentication ::= SEQUENCE { matchingId UTF8String OPTIONAL, deviceInfo DeviceInfo }
/// (automatic tags [0], [1]; SGP.22 v2.5 §5.7.13). v2.5 components after deviceInfo are kept in Extensions.
/// </summary>
public sealed record CtxParamsForCommonAuthentication(string? MatchingId, DeviceInfo DeviceInfo)
{
    public const string TypeName = "CtxParamsForCommonAuthentication";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static CtxParamsForCommonAuthentication Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "ctxParamsForCommonAuthentication", TypeName);
        string? matchingId = s.ReadOptionalUtf8String(Tags.Ctx(0), "matchingId");
        DeviceInfo deviceInfo = DeviceInfo.Read(s, Tags.CtxC(1));
        return new CtxParamsForCommonAuthentication(matchingId, deviceInfo) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            if (MatchingId is not null)
            {
                w.WriteUtf8(MatchingId, Tags.Ctx(0));
            }
            DeviceInfo.Write(w, Tags.CtxC(1));
            w.WriteExtensions(Extensions);
        }
    }
}
