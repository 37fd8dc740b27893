using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>GetEuiccInfo2Request ::= [34] SEQUENCE { } -- Tag 'BF22' (SGP.22 v2.5 §5.7.8).</summary>
public sealed record GetEuiccInfo2Request : IAsn1Message<GetEuiccInfo2Request>
{
    public const string TypeName = "GetEuiccInfo2Request";

    public static Asn1Tag Tag => Tags.CtxC(34);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetEuiccInfo2Request Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetEuiccInfo2Request Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "getEuiccInfo2Request", TypeName);
        return new GetEuiccInfo2Request { Extensions = s.ReadExtensions() };
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

/// <summary>EUICCInfo2 euiccCategory [11] INTEGER (SGP.22 v2.5 §5.7.8).</summary>
public enum EuiccCategory
{
    other = 0,
    basicEuicc = 1,
    mediumEuicc = 2,
    contactlessEuicc = 3,
}

/// <summary>
/// EUICCInfo2 ::= [34] SEQUENCE -- Tag 'BF22' (SGP.22 v2.5 §5.7.8 ES10b.GetEUICCInfo; signed inside
/// euiccSigned1, §5.7.13). v2.2.2 fields, plus treProperties [13], treProductReference [14] and
/// additionalEuiccProfilePackageVersions [15] (v2.3+) when present. Later components (lpaMode [16],
/// euiccCiPKIdListForSigningV3 [17], ...) are kept in <see cref="Extensions"/>.
/// </summary>
public sealed record EUICCInfo2 : IAsn1Message<EUICCInfo2>
{
    public const string TypeName = "EUICCInfo2";

    public static Asn1Tag Tag => Tags.CtxC(34);

    /// <summary>profileVersion [1]: base eUICC Profile package version supported.</summary>
    public required VersionType ProfileVersion { get; init; }

    /// <summary>svn [2]: GSMA SGP.22 version supported.</summary>
    public required VersionType Svn { get; init; }

    /// <summary>euiccFirmwareVer [3].</summary>
    public required VersionType EuiccFirmwareVer { get; init; }

    /// <summary>extCardResource [4]: Extended Card Resource Information (ETSI TS 102 226), raw.</summary>
    public required byte[] ExtCardResource { get; init; }

    /// <summary>uiccCapability [5].</summary>
    public required NamedBits<UICCCapability> UiccCapability { get; init; }

    /// <summary>ts102241Version [6] OPTIONAL.</summary>
    public VersionType? Ts102241Version { get; init; }

    /// <summary>globalplatformVersion [7] OPTIONAL.</summary>
    public VersionType? GlobalplatformVersion { get; init; }

    /// <summary>rspCapability [8].</summary>
    public required NamedBits<RspCapability> RspCapability { get; init; }

    /// <summary>euiccCiPKIdListForVerification [9] SEQUENCE OF SubjectKeyIdentifier.</summary>
    public required IReadOnlyList<byte[]> EuiccCiPKIdListForVerification { get; init; }

    /// <summary>euiccCiPKIdListForSigning [10] SEQUENCE OF SubjectKeyIdentifier.</summary>
    public required IReadOnlyList<byte[]> EuiccCiPKIdListForSigning { get; init; }

    /// <summary>euiccCategory [11] OPTIONAL.</summary>
    public EuiccCategory? EuiccCategory { get; init; }

    /// <summary>forbiddenProfilePolicyRules [25] PprIds OPTIONAL (tag '99').</summary>
    public NamedBits<PprIds>? ForbiddenProfilePolicyRules { get; init; }

    /// <summary>ppVersion VersionType (universal OCTET STRING): Protection Profile version.</summary>
    public required VersionType PpVersion { get; init; }

    /// <summary>sasAcreditationNumber UTF8String (SIZE(0..64)) (the spec's spelling).</summary>
    public required string SasAcreditationNumber { get; init; }

    /// <summary>certificationDataObject [12] OPTIONAL.</summary>
    public CertificationDataObject? CertificationDataObject { get; init; }

    /// <summary>treProperties [13] OPTIONAL (v2.3+).</summary>
    public NamedBits<TreProperties>? TreProperties { get; init; }

    /// <summary>treProductReference [14] UTF8String OPTIONAL (v2.3+).</summary>
    public string? TreProductReference { get; init; }

    /// <summary>additionalEuiccProfilePackageVersions [15] SEQUENCE OF VersionType OPTIONAL (v2.3+).</summary>
    public IReadOnlyList<VersionType>? AdditionalEuiccProfilePackageVersions { get; init; }

    /// <summary>Components after [15] (or unknown ones), kept and re-emitted unchanged.</summary>
    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EUICCInfo2 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static EUICCInfo2 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "euiccInfo2", TypeName);
        return new EUICCInfo2
        {
            ProfileVersion = VersionType.Read(s, Tags.Ctx(1), "profileVersion"),
            Svn = VersionType.Read(s, Tags.Ctx(2), "svn"),
            EuiccFirmwareVer = VersionType.Read(s, Tags.Ctx(3), "euiccFirmwareVer"),
            ExtCardResource = s.ReadOctetString(Tags.Ctx(4), "extCardResource"),
            UiccCapability = NamedBits<UICCCapability>.Read(s, Tags.Ctx(5), "uiccCapability"),
            Ts102241Version = VersionType.ReadOptional(s, Tags.Ctx(6), "ts102241Version"),
            GlobalplatformVersion = VersionType.ReadOptional(s, Tags.Ctx(7), "globalplatformVersion"),
            RspCapability = NamedBits<RspCapability>.Read(s, Tags.Ctx(8), "rspCapability"),
            EuiccCiPKIdListForVerification = s.ReadKeyIdList(Tags.CtxC(9), "euiccCiPKIdListForVerification"),
            EuiccCiPKIdListForSigning = s.ReadKeyIdList(Tags.CtxC(10), "euiccCiPKIdListForSigning"),
            EuiccCategory = (EuiccCategory?)s.ReadOptionalInt32(Tags.Ctx(11), "euiccCategory"),
            ForbiddenProfilePolicyRules = NamedBits<PprIds>.ReadOptional(s, Tags.Ctx(25), "forbiddenProfilePolicyRules"),
            PpVersion = VersionType.Read(s, Tags.OctetString, "ppVersion"),
            SasAcreditationNumber = s.ReadUtf8String(Tags.Utf8String, "sasAcreditationNumber", maxLength: 64),
            CertificationDataObject = s.IsNext(Tags.CtxC(12)) ? CertificationDataObject.Read(s, Tags.CtxC(12)) : null,
            TreProperties = NamedBits<TreProperties>.ReadOptional(s, Tags.Ctx(13), "treProperties"),
            TreProductReference = s.ReadOptionalUtf8String(Tags.Ctx(14), "treProductReference"),
            AdditionalEuiccProfilePackageVersions = ReadVersionList(s),
            Extensions = s.ReadExtensions(),
        };
    }

    private static List<VersionType>? ReadVersionList(DerReader s)
    {
        DerReader? list = s.ReadOptionalConstructed(Tags.CtxC(15), "additionalEuiccProfilePackageVersions");
        if (list is null)
        {
            return null;
        }
        var versions = new List<VersionType>();
        while (list.HasData)
        {
            versions.Add(VersionType.Read(list, Tags.OctetString, "additionalEuiccProfilePackageVersions item"));
        }
        return versions;
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            ProfileVersion.Write(w, Tags.Ctx(1));
            Svn.Write(w, Tags.Ctx(2));
            EuiccFirmwareVer.Write(w, Tags.Ctx(3));
            w.WriteOctetString(ExtCardResource, Tags.Ctx(4));
            UiccCapability.Write(w, Tags.Ctx(5));
            Ts102241Version?.Write(w, Tags.Ctx(6));
            GlobalplatformVersion?.Write(w, Tags.Ctx(7));
            RspCapability.Write(w, Tags.Ctx(8));
            w.WriteKeyIdList(EuiccCiPKIdListForVerification, Tags.CtxC(9));
            w.WriteKeyIdList(EuiccCiPKIdListForSigning, Tags.CtxC(10));
            if (EuiccCategory is { } category)
            {
                w.WriteInteger((int)category, Tags.Ctx(11));
            }
            ForbiddenProfilePolicyRules?.Write(w, Tags.Ctx(25));
            PpVersion.Write(w);
            w.WriteUtf8(SasAcreditationNumber, Tags.Utf8String);
            CertificationDataObject?.Write(w, Tags.CtxC(12));
            TreProperties?.Write(w, Tags.Ctx(13));
            if (TreProductReference is not null)
            {
                w.WriteUtf8(TreProductReference, Tags.Ctx(14));
            }
            if (AdditionalEuiccProfilePackageVersions is not null)
            {
                using (w.PushSequence(Tags.CtxC(15)))
                {
                    foreach (VersionType v in AdditionalEuiccProfilePackageVersions)
                    {
                        v.Write(w);
                    }
                }
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// CertificationDataObject ::= SEQUENCE { platformLabel UTF8String, discoveryBaseURL UTF8String }
/// (automatic tags: [0], [1]); in EUICCInfo2 as [12].
/// </summary>
public sealed record CertificationDataObject(string PlatformLabel, string DiscoveryBaseURL)
{
    public const string TypeName = "CertificationDataObject";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static CertificationDataObject Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static CertificationDataObject Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "certificationDataObject", TypeName);
        string label = s.ReadUtf8String(Tags.Ctx(0), "platformLabel");
        string url = s.ReadUtf8String(Tags.Ctx(1), "discoveryBaseURL");
        return new CertificationDataObject(label, url) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteUtf8(PlatformLabel, Tags.Ctx(0));
            w.WriteUtf8(DiscoveryBaseURL, Tags.Ctx(1));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
