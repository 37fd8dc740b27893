using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// DeviceInfo ::= SEQUENCE { tac Octet4, deviceCapabilities DeviceCapabilities, imei Octet8 OPTIONAL }
/// (automatic tags [0], [1], [2]; SGP.22 v2.5 §5.7.13, inside ctxParams1 as [1]).
/// </summary>
public sealed record DeviceInfo(byte[] Tac, DeviceCapabilities DeviceCapabilities, byte[]? Imei = null)
{
    public const string TypeName = "DeviceInfo";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static DeviceInfo Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static DeviceInfo Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "deviceInfo", TypeName);
        byte[] tac = s.ReadOctetString(Tags.Ctx(0), "tac", exactLength: 4);
        DeviceCapabilities caps = DeviceCapabilities.Read(s, Tags.CtxC(1));
        byte[]? imei = s.ReadOptionalOctetString(Tags.Ctx(2), "imei", exactLength: 8);
        return new DeviceInfo(tac, caps, imei) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(Tac, Tags.Ctx(0));
            DeviceCapabilities.Write(w, Tags.CtxC(1));
            if (Imei is not null)
            {
                w.WriteOctetString(Imei, Tags.Ctx(2));
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// DeviceCapabilities ::= SEQUENCE of optional VersionType fields, automatic tags [0]..[11]
/// (SGP.22 v2.5 §5.7.13). catSupportedClasses [12], euiccFormFactorType [13] and
/// deviceAdditionalFeatureSupport [14] ("not defined in this version") and anything later are kept in
/// <see cref="Extensions"/>.
/// </summary>
public sealed record DeviceCapabilities
{
    public const string TypeName = "DeviceCapabilities";

    public VersionType? GsmSupportedRelease { get; init; }
    public VersionType? UtranSupportedRelease { get; init; }
    public VersionType? Cdma2000onexSupportedRelease { get; init; }
    public VersionType? Cdma2000hrpdSupportedRelease { get; init; }
    public VersionType? Cdma2000ehrpdSupportedRelease { get; init; }
    public VersionType? EutranEpcSupportedRelease { get; init; }
    public VersionType? ContactlessSupportedRelease { get; init; }
    public VersionType? RspCrlSupportedVersion { get; init; }
    public VersionType? NrEpcSupportedRelease { get; init; }
    public VersionType? Nr5gcSupportedRelease { get; init; }
    public VersionType? Eutran5gcSupportedRelease { get; init; }
    public VersionType? LpaSvn { get; init; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static DeviceCapabilities Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static DeviceCapabilities Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "deviceCapabilities", TypeName);
        return new DeviceCapabilities
        {
            GsmSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(0), "gsmSupportedRelease"),
            UtranSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(1), "utranSupportedRelease"),
            Cdma2000onexSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(2), "cdma2000onexSupportedRelease"),
            Cdma2000hrpdSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(3), "cdma2000hrpdSupportedRelease"),
            Cdma2000ehrpdSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(4), "cdma2000ehrpdSupportedRelease"),
            EutranEpcSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(5), "eutranEpcSupportedRelease"),
            ContactlessSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(6), "contactlessSupportedRelease"),
            RspCrlSupportedVersion = VersionType.ReadOptional(s, Tags.Ctx(7), "rspCrlSupportedVersion"),
            NrEpcSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(8), "nrEpcSupportedRelease"),
            Nr5gcSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(9), "nr5gcSupportedRelease"),
            Eutran5gcSupportedRelease = VersionType.ReadOptional(s, Tags.Ctx(10), "eutran5gcSupportedRelease"),
            LpaSvn = VersionType.ReadOptional(s, Tags.Ctx(11), "lpaSvn"),
            Extensions = s.ReadExtensions(),
        };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            VersionType?[] fields =
            [
                GsmSupportedRelease, UtranSupportedRelease, Cdma2000onexSupportedRelease, Cdma2000hrpdSupportedRelease,
                Cdma2000ehrpdSupportedRelease, EutranEpcSupportedRelease, ContactlessSupportedRelease, RspCrlSupportedVersion,
                NrEpcSupportedRelease, Nr5gcSupportedRelease, Eutran5gcSupportedRelease, LpaSvn,
            ];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i]?.Write(w, Tags.Ctx(i));
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
