using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10c.DeleteProfile (SGP.22 v2.5 §5.7.18): deletes a disabled profile; profileNotInDisabledState(2) when it is
/// enabled, disallowedByPolicy(3) when it has PPR2. A delete notification follows when the profile's
/// notificationConfigurationInfo asks for one.
/// </summary>
internal sealed class DeleteProfile : IEs10Function
{
    public Asn1Tag Tag => DeleteProfileRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        DeleteProfileRequest request = DeleteProfileRequest.Decode(command);
        return new DeleteProfileResponse(Delete(card, request.ProfileIdentifier)).Encode();
    }

    private static DeleteProfileResult Delete(EuiccCard card, ProfileIdentifier id)
    {
        StoredProfile? target = ProfileLookup.Find(card.State, id);
        if (target is null)
        {
            return DeleteProfileResult.iccidOrAidNotFound;
        }
        if (target.State != ProfileState.disabled)
        {
            return DeleteProfileResult.profileNotInDisabledState;
        }
        // SGP.22 §2.9.1 PPR2: "Deletion of this Profile is not allowed".
        if (ProfileLookup.HasPpr(target, PprId.ppr2) && !card.Faults.Has(EuiccDefect.IgnorePpr2))
        {
            return DeleteProfileResult.disallowedByPolicy;
        }
        card.Memory.Update(s =>
        {
            s = ProfileLookup.Remove(s, target);
            return card.Faults.Has(EuiccDefect.NoNotificationAfterDelete)
                ? s
                : Notifications.WithOtherSignedNotification(card, s, NotificationEvent.notificationDelete, target);
        });
        return DeleteProfileResult.ok;
    }
}
