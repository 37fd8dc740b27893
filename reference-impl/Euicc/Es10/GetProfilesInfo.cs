using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10c.GetProfilesInfo (SGP.22 v2.5 §5.7.15): ProfileInfo of the installed profiles matching searchCriteria
/// (isdpAid, iccid or profileClass; all profiles without it), with the components named in tagList. Without a
/// tagList every component this eUICC holds is returned. A tagList that is not a list of BER-TLV tags answers
/// profileInfoListError incorrectInputValues(1); tags of no ProfileInfo component are ignored.
/// </summary>
internal sealed class GetProfilesInfo : IEs10Function
{
    private static readonly string[] AllTags = ["5A", "4F", "9F70", "90", "91", "92", "93", "94", "95", "B6", "B7", "B8", "99"];

    public Asn1Tag Tag => ProfileInfoListRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        ProfileInfoListRequest request = ProfileInfoListRequest.Decode(command);
        HashSet<string>? wanted = request.TagList is null ? [.. AllTags] : ParseTagList(request.TagList);
        if (wanted is null)
        {
            return new ProfileInfoListResponse(ProfileInfoListError.incorrectInputValues).Encode();
        }
        ProfileInfo[] infos = ProfileLookup.Installed(card.State)
            .Where(p => Matches(p, request.SearchCriteria))
            .Select(p => Info(p, wanted))
            .ToArray();
        return new ProfileInfoListResponse(infos).Encode();
    }

    private static bool Matches(StoredProfile p, ProfileInfoSearchCriteria? c)
    {
        if (c is null)
        {
            return true;
        }
        if (c.IsdpAid is not null)
        {
            return c.IsdpAid.AsSpan().SequenceEqual(p.IsdpAid);
        }
        if (c.Iccid is not null)
        {
            return c.Iccid.ToString() == p.Iccid;
        }
        return ProfileLookup.Metadata(p).EffectiveProfileClass == c.ProfileClass;
    }

    private static ProfileInfo Info(StoredProfile p, HashSet<string> t)
    {
        StoreMetadataRequest m = ProfileLookup.Metadata(p);
        return new ProfileInfo
        {
            Iccid = t.Contains("5A") ? m.Iccid : null,
            IsdpAid = t.Contains("4F") ? p.IsdpAid : null,
            ProfileState = t.Contains("9F70") ? p.State : null,
            ProfileNickname = t.Contains("90") ? p.Nickname : null,
            ServiceProviderName = t.Contains("91") ? m.ServiceProviderName : null,
            ProfileName = t.Contains("92") ? m.ProfileName : null,
            IconType = t.Contains("93") ? m.IconType : null,
            Icon = t.Contains("94") ? m.Icon : null,
            ProfileClass = t.Contains("95") ? m.EffectiveProfileClass : null,
            NotificationConfigurationInfo = t.Contains("B6") ? m.NotificationConfigurationInfo : null,
            ProfileOwner = t.Contains("B7") ? m.ProfileOwner : null,
            DpProprietaryData = t.Contains("B8") && p.DpOid is not null ? new DpProprietaryData(p.DpOid) : null,
            ProfilePolicyRules = t.Contains("99") ? m.ProfilePolicyRules : null,
        };
    }

    /// <summary>The tags of a tagList (one or more BER-TLV tags, concatenated), or null when it is not one.</summary>
    internal static HashSet<string>? ParseTagList(ReadOnlySpan<byte> list)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < list.Length)
        {
            int start = i;
            if ((list[i++] & 0x1F) == 0x1F)
            {
                // Subsequent tag bytes: b8 set on every byte but the last.
                do
                {
                    if (i >= list.Length || i - start > 3)
                    {
                        return null;
                    }
                }
                while ((list[i++] & 0x80) != 0);
            }
            tags.Add(Convert.ToHexString(list[start..i]));
        }
        return tags.Count == 0 ? null : tags;
    }
}
