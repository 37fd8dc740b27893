using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es8;

internal static partial class Es8Commands
{
    /// <summary>
    /// ES8+.StoreMetadata (§5.5.3), the data of the MAC-only '88' segments concatenated: a StoreMetadataRequest
    /// (incorrectInputValues otherwise) whose ICCID is not on the eUICC yet (iccidAlreadyExistsOnEuicc), whose
    /// profileClass the eUICC supports (unsupportedProfileClass), and whose PPRs the RAT allows for the profile
    /// owner (§2.9.2, pprNotAllowed).
    /// </summary>
    public static StoreMetadataRequest CheckMetadata(EuiccCard card, byte[] data)
    {
        const BppCommandId Command = BppCommandId.storeMetadata;
        StoreMetadataRequest metadata;
        try
        {
            metadata = StoreMetadataRequest.Decode(data);
        }
        catch (Asn1DecodeException e)
        {
            throw new InstallationFailure(Command, ErrorReason.incorrectInputValues, e.Message);
        }
        if (ProfileLookup.ByIccid(card.State, metadata.Iccid.ToString()) is not null)
        {
            throw new InstallationFailure(Command, ErrorReason.iccidAlreadyExistsOnEuicc, $"ICCID {metadata.Iccid}");
        }
        if (!card.Options.SupportedProfileClasses.Contains(metadata.EffectiveProfileClass))
        {
            throw new InstallationFailure(Command, ErrorReason.unsupportedProfileClass, $"profileClass {metadata.EffectiveProfileClass}");
        }
        foreach (PprId ppr in new[] { PprId.ppr1, PprId.ppr2 })
        {
            if (metadata.ProfilePolicyRules?.IsSet(ppr) == true && !RatAllows(card.Options.EffectiveRat, ppr, metadata.ProfileOwner))
            {
                throw new InstallationFailure(Command, ErrorReason.pprNotAllowed, $"{ppr} is not allowed by the RAT for this profile owner");
            }
        }
        return metadata;
    }

    /// <summary>
    /// SGP.22 §2.9.2.1: a PPR is allowed when a rule of the RAT lists it and one of its allowedOperators matches the
    /// profileOwner; in mccMnc (and gid1/gid2) a nibble 'E' matches any digit. No profileOwner matches nothing.
    /// </summary>
    internal static bool RatAllows(IReadOnlyList<ProfilePolicyAuthorisationRule> rat, PprId ppr, OperatorId? owner)
    {
        if (owner is null)
        {
            return false;
        }
        return rat.Any(rule => rule.PprIds.IsSet(ppr) && rule.AllowedOperators.Any(op => Matches(op, owner)));
    }

    private static bool Matches(OperatorId allowed, OperatorId owner) =>
        NibblesMatch(allowed.MccMnc, owner.MccMnc)
        && (allowed.Gid1 is null || (owner.Gid1 is not null && NibblesMatch(allowed.Gid1, owner.Gid1)))
        && (allowed.Gid2 is null || (owner.Gid2 is not null && NibblesMatch(allowed.Gid2, owner.Gid2)));

    private static bool NibblesMatch(byte[] pattern, byte[] value)
    {
        if (pattern.Length != value.Length)
        {
            return false;
        }
        for (int i = 0; i < pattern.Length; i++)
        {
            int hi = pattern[i] >> 4, lo = pattern[i] & 0xF;
            if ((hi != 0xE && hi != value[i] >> 4) || (lo != 0xE && lo != (value[i] & 0xF)))
            {
                return false;
            }
        }
        return true;
    }
}
