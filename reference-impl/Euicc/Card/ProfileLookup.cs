using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Card;

/// <summary>Finding installed profiles and reading their policy (SGP.22 v2.5 §2.9, §5.7.15–§5.7.18).</summary>
internal static class ProfileLookup
{
    /// <summary>Installed (complete) profiles, in installation order.</summary>
    public static IEnumerable<StoredProfile> Installed(CardState state) => state.Profiles.Where(p => p.Complete);

    public static StoredProfile? ByIccid(CardState state, string iccid) => Installed(state).FirstOrDefault(p => p.Iccid == iccid);

    public static StoredProfile? ByAid(CardState state, ReadOnlySpan<byte> aid)
    {
        foreach (StoredProfile p in Installed(state))
        {
            if (aid.SequenceEqual(p.IsdpAid))
            {
                return p;
            }
        }
        return null;
    }

    public static StoredProfile? Find(CardState state, ProfileIdentifier id) =>
        id.IsdpAid is not null ? ByAid(state, id.IsdpAid) : ByIccid(state, id.Iccid!.ToString());

    public static StoredProfile? Enabled(CardState state) => Installed(state).FirstOrDefault(p => p.State == ProfileState.enabled);

    /// <summary>The profile's metadata as installed.</summary>
    public static StoreMetadataRequest Metadata(StoredProfile p) => StoreMetadataRequest.Decode(p.Metadata);

    /// <summary>True when the profile's policy rules set <paramref name="ppr"/>.</summary>
    public static bool HasPpr(StoredProfile p, PprId ppr) => Metadata(p).ProfilePolicyRules?.IsSet(ppr) == true;

    /// <summary>Replaces the profile with the same ISD-P AID.</summary>
    public static CardState Replace(CardState s, StoredProfile updated) => s with
    {
        Profiles = s.Profiles.Select(p => p.IsdpAid.AsSpan().SequenceEqual(updated.IsdpAid) ? updated : p).ToArray(),
    };

    public static CardState Remove(CardState s, StoredProfile removed) => s with
    {
        Profiles = s.Profiles.Where(p => !p.IsdpAid.AsSpan().SequenceEqual(removed.IsdpAid)).ToArray(),
    };
}
