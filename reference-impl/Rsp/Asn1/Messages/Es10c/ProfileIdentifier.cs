using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// The profile identifier CHOICE of ES10c Enable/Disable/DeleteProfile (SGP.22 v2.2.2 §5.7.16–§5.7.18):
/// <c>CHOICE { isdpAid [APPLICATION 15] OctetTo16, iccid Iccid }</c>, <c>4F</c> or <c>5A</c>. Exactly one is set.
/// </summary>
public sealed record ProfileIdentifier
{
    /// <summary>[APPLICATION 15], <c>4F</c>.</summary>
    public static readonly Asn1Tag IsdpAidTag = Tags.App(15);

    private ProfileIdentifier(byte[]? isdpAid, Iccid? iccid)
    {
        IsdpAid = isdpAid;
        Iccid = iccid;
    }

    public static ProfileIdentifier ByIsdpAid(byte[] isdpAid) => new(isdpAid, null);

    public static ProfileIdentifier ByIccid(Iccid iccid) => new(null, iccid);

    /// <summary>isdpAid (<c>4F</c>), 1..16 bytes.</summary>
    public byte[]? IsdpAid { get; }

    /// <summary>iccid (<c>5A</c>).</summary>
    public Iccid? Iccid { get; }

    internal static ProfileIdentifier Read(DerReader r, string field = "profileIdentifier")
    {
        if (r.IsNext(IsdpAidTag))
        {
            return ByIsdpAid(r.ReadOctetString(IsdpAidTag, "isdpAid", minLength: 1, maxLength: 16));
        }
        if (r.IsNext(Messages.Iccid.Tag))
        {
            return ByIccid(Messages.Iccid.Read(r));
        }
        throw r.UnknownAlternative(field);
    }

    public void Write(AsnWriter w)
    {
        if (IsdpAid is not null)
        {
            w.WriteOctetString(IsdpAid, IsdpAidTag);
        }
        else
        {
            Iccid!.Write(w);
        }
    }
}
