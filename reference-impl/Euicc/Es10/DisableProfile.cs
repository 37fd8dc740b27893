using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10c.DisableProfile (SGP.22 v2.5 §5.7.17): disables the enabled profile; profileNotInEnabledState(2) when it
/// is not enabled, disallowedByPolicy(3) when it has PPR1. A disable notification follows when the profile's
/// notificationConfigurationInfo asks for one.
/// </summary>
internal sealed class DisableProfile : IEs10Function
{
    public Asn1Tag Tag => DisableProfileRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        DisableProfileRequest request = DisableProfileRequest.Decode(command);
        return new DisableProfileResponse(Disable(card, request.ProfileIdentifier)).Encode();
    }

    private static DisableProfileResult Disable(EuiccCard card, ProfileIdentifier id)
    {
        StoredProfile? target = ProfileLookup.Find(card.State, id);
        if (target is null)
        {
            return DisableProfileResult.iccidOrAidNotFound;
        }
        if (target.State != ProfileState.enabled)
        {
            return DisableProfileResult.profileNotInEnabledState;
        }
        // SGP.22 §2.9.1 PPR1: "Disabling of this Profile is not allowed".
        if (ProfileLookup.HasPpr(target, PprId.ppr1) && !card.Faults.Has(EuiccDefect.IgnorePpr1))
        {
            return DisableProfileResult.disallowedByPolicy;
        }
        card.Memory.Update(s =>
        {
            StoredProfile disabled = target with { State = ProfileState.disabled };
            s = ProfileLookup.Replace(s, disabled);
            return card.Faults.Has(EuiccDefect.NoNotificationAfterDisable)
                ? s
                : Notifications.WithOtherSignedNotification(card, s, NotificationEvent.notificationDisable, disabled);
        });
        return DisableProfileResult.ok;
    }
}
