using Conformance.Rsp.Asn1;

namespace Conformance.Rsp.Saip;

/// <summary>One profile element of a package: its CHOICE number, name, and DER as received.</summary>
public sealed record ProfileElement(int Number, string Name, Asn1Element Der)
{
    /// <summary>
    /// The element's <c>identification</c> from its PEHeader (first component
    /// <c>[0] SEQUENCE { mandated NULL OPTIONAL, identification UInt15 }</c>), when it has one.
    /// </summary>
    public int? Identification
    {
        get
        {
            try
            {
                var r = new DerReader(Der.Content, Name);
                DerReader? h = r.ReadOptionalConstructed(Tags.CtxC(0), "PEHeader");
                if (h is null)
                {
                    return null;
                }
                if (h.IsNext(Tags.Ctx(0)))
                {
                    h.ReadNull(Tags.Ctx(0), "mandated");
                }
                return h.ReadOptionalInt32(Tags.Ctx(1), "identification");
            }
            catch (Asn1DecodeException)
            {
                return null;
            }
        }
    }
}

/// <summary>
/// An unprotected profile package (UPP): the DER concatenation of SAIP profile elements, parsed as far as
/// the eUICC and the SM-DP+ need it (SGP.22 §2.5.3): the ProfileHeader (ICCID, profile type, mandatory
/// services) and the element sequence, which must start with <c>header</c> and end with <c>end</c>.
/// </summary>
public sealed record ProfilePackage(ProfileHeader Header, IReadOnlyList<ProfileElement> Elements)
{
    public string Iccid => Header.Iccid;

    /// <summary>Parses a complete package; a truncated or malformed one is a <see cref="SaipException"/>.</summary>
    public static ProfilePackage Parse(ReadOnlyMemory<byte> upp)
    {
        if (upp.IsEmpty)
        {
            throw new SaipException("empty package", 0);
        }
        try
        {
            var elements = new List<ProfileElement>();
            var all = new DerReader(upp, "ProfileElement");
            while (all.HasData)
            {
                int at = all.Offset;
                Asn1Element e = all.ReadAny("profile element");
                if (e.Tag.TagClass != System.Formats.Asn1.TagClass.ContextSpecific || !e.Tag.IsConstructed)
                {
                    throw new SaipException($"tag {Tags.Hex(e.Tag)} is not a profile element", at);
                }
                elements.Add(new ProfileElement(e.Tag.TagValue, ProfileElementTypes.Name(e.Tag.TagValue), e));
            }
            if (elements[0].Number != ProfileElementTypes.Header)
            {
                throw new SaipException($"first element must be the ProfileHeader (A0), found {Tags.Hex(elements[0].Der.Tag)}", 0);
            }
            if (elements[^1].Number != ProfileElementTypes.End)
            {
                throw new SaipException("package does not end with the end element (AA)", upp.Length);
            }
            ProfileHeader header = DerReader.Decode(elements[0].Der.Encoded, "ProfileHeader", ProfileHeader.Read);
            return new ProfilePackage(header, elements);
        }
        catch (Asn1DecodeException e)
        {
            throw new SaipException(e.Problem, e.Offset, e);
        }
    }
}
