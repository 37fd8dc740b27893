using System.Formats.Asn1;
using Conformance.Rsp.Asn1;

namespace Conformance.Rsp.Saip;

/// <summary>
/// The SAIP ProfileHeader (first profile element, tag A0):
/// <code>
/// ProfileHeader ::= SEQUENCE {
///   major-version [0] UInt8, minor-version [1] UInt8, profileType [2] UTF8String OPTIONAL,
///   iccid [3] OCTET STRING (SIZE (10)), pol [4] OCTET STRING OPTIONAL,
///   eUICC-Mandatory-services [5] ServicesList,
///   eUICC-Mandatory-GFSTEList [6] SEQUENCE OF OBJECT IDENTIFIER, ... }
/// </code>
/// The header's iccid is plain BCD, digit order as written (the shared BSP vectors carry the same ICCID
/// as header <c>89000123456789012341</c> and as StoreMetadata <c>5A 98001032547698103214</c>, nibble-swapped
/// like EF.ICCID); compare ICCIDs as digit strings, never as bytes. A trailing F pads an odd count.
/// ServicesList entries are NULL-valued context tags; their tag numbers are kept (names by number).
/// </summary>
public sealed record ProfileHeader(
    int MajorVersion,
    int MinorVersion,
    string? ProfileType,
    string Iccid,
    byte[]? Pol,
    IReadOnlyList<int> MandatoryServices,
    IReadOnlyList<string> MandatoryGfste,
    IReadOnlyList<Asn1Element> Extensions)
{
    private const string TypeName = "ProfileHeader";

    internal static ProfileHeader Read(DerReader outer)
    {
        DerReader r = outer.ReadConstructed(Tags.CtxC(ProfileElementTypes.Header), "header", TypeName);
        int major = r.ReadInt32(Tags.Ctx(0), "major-version");
        int minor = r.ReadInt32(Tags.Ctx(1), "minor-version");
        string? type = r.ReadOptionalUtf8String(Tags.Ctx(2), "profileType");
        byte[] iccid = r.ReadOctetString(Tags.Ctx(3), "iccid", exactLength: 10);
        byte[]? pol = r.ReadOptionalOctetString(Tags.Ctx(4), "pol");
        var services = new List<int>();
        DerReader s = r.ReadConstructed(Tags.CtxC(5), "eUICC-Mandatory-services");
        while (s.HasData)
        {
            Asn1Element e = s.ReadAny("service");
            services.Add(e.Tag.TagValue);
        }
        var gfste = new List<string>();
        DerReader? g = r.ReadOptionalConstructed(Tags.CtxC(6), "eUICC-Mandatory-GFSTEList");
        while (g is { HasData: true })
        {
            gfste.Add(g.ReadObjectIdentifier(Tags.Oid, "GFSTE OID"));
        }
        var ext = r.ReadExtensions();
        return new ProfileHeader(major, minor, type, BcdDigits(iccid), pol, services, gfste, ext);
    }

    public void Write(AsnWriter w)
    {
        using (w.PushSequence(Tags.CtxC(ProfileElementTypes.Header)))
        {
            w.WriteInteger(MajorVersion, Tags.Ctx(0));
            w.WriteInteger(MinorVersion, Tags.Ctx(1));
            if (ProfileType is not null)
            {
                w.WriteUtf8(ProfileType, Tags.Ctx(2));
            }
            w.WriteOctetString(BcdBytes(Iccid), Tags.Ctx(3));
            if (Pol is not null)
            {
                w.WriteOctetString(Pol, Tags.Ctx(4));
            }
            using (w.PushSequence(Tags.CtxC(5)))
            {
                foreach (int n in MandatoryServices)
                {
                    w.WriteNull(Tags.Ctx(n));
                }
            }
            using (w.PushSequence(Tags.CtxC(6)))
            {
                foreach (string oid in MandatoryGfste)
                {
                    w.WriteObjectIdentifier(oid);
                }
            }
            w.WriteExtensions(Extensions);
        }
    }

    /// <summary>Plain BCD to digits, dropping F padding.</summary>
    public static string BcdDigits(ReadOnlySpan<byte> bcd) => Convert.ToHexString(bcd).TrimEnd('F');

    /// <summary>Digits to 10 bytes of plain BCD, F-padded.</summary>
    public static byte[] BcdBytes(string digits)
    {
        if (digits.Length is < 18 or > 20 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"ICCID must be 18 to 20 digits, got '{digits}'", nameof(digits));
        }
        return Convert.FromHexString(digits.PadRight(20, 'F'));
    }
}
