using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// GetEuiccInfo1Request ::= [32] SEQUENCE { } -- Tag 'BF20' (ES10b.GetEUICCInfo, SGP.22 v2.5 §5.7.8).
/// </summary>
public sealed record GetEuiccInfo1Request : IAsn1Message<GetEuiccInfo1Request>
{
    public const string TypeName = "GetEuiccInfo1Request";

    public static Asn1Tag Tag => Tags.CtxC(32);

    /// <summary>Components added by later versions, kept and re-emitted unchanged.</summary>
    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetEuiccInfo1Request Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetEuiccInfo1Request Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "getEuiccInfo1Request", TypeName);
        return new GetEuiccInfo1Request { Extensions = s.ReadExtensions() };
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
/// EUICCInfo1 ::= [32] SEQUENCE { -- Tag 'BF20'
///   svn [2] VersionType,
///   euiccCiPKIdListForVerification [9] SEQUENCE OF SubjectKeyIdentifier,
///   euiccCiPKIdListForSigning [10] SEQUENCE OF SubjectKeyIdentifier }
/// (SGP.22 v2.5 §5.7.8 ES10b.GetEUICCInfo; sent to the SM-DP+ in ES9+.InitiateAuthentication §5.6.1).
/// </summary>
public sealed record EUICCInfo1(
    VersionType Svn,
    IReadOnlyList<byte[]> EuiccCiPKIdListForVerification,
    IReadOnlyList<byte[]> EuiccCiPKIdListForSigning) : IAsn1Message<EUICCInfo1>
{
    public const string TypeName = "EUICCInfo1";

    public static Asn1Tag Tag => Tags.CtxC(32);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EUICCInfo1 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static EUICCInfo1 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "euiccInfo1", TypeName);
        VersionType svn = VersionType.Read(s, Tags.Ctx(2), "svn");
        IReadOnlyList<byte[]> verification = s.ReadKeyIdList(Tags.CtxC(9), "euiccCiPKIdListForVerification");
        IReadOnlyList<byte[]> signing = s.ReadKeyIdList(Tags.CtxC(10), "euiccCiPKIdListForSigning");
        return new EUICCInfo1(svn, verification, signing) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            Svn.Write(w, Tags.Ctx(2));
            w.WriteKeyIdList(EuiccCiPKIdListForVerification, Tags.CtxC(9));
            w.WriteKeyIdList(EuiccCiPKIdListForSigning, Tags.CtxC(10));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
