using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10c.EnableProfile (SGP.22 v2.5 §5.7.16): enables a disabled profile and disables the one enabled before;
/// "If the Profile is not in Disabled state" the result is profileNotInDisabledState(2); when the currently
/// enabled profile has PPR1 (its disabling is not allowed) the result is disallowedByPolicy(3). refreshFlag is
/// accepted either way (an emulator has no terminal to REFRESH). A disable notification for the previous profile
/// and an enable notification for the new one are generated as their notificationConfigurationInfo asks.
/// </summary>
internal sealed class EnableProfile : IEs10Function
{
    public Asn1Tag Tag => EnableProfileRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        EnableProfileRequest request = EnableProfileRequest.Decode(command);
        EnableProfileResult result = Enable(card, request.ProfileIdentifier);
        return new EnableProfileResponse(result).Encode();
    }

    private static EnableProfileResult Enable(EuiccCard card, ProfileIdentifier id)
    {
        StoredProfile? target = ProfileLookup.Find(card.State, id);
        if (target is null)
        {
            return EnableProfileResult.iccidOrAidNotFound;
        }
        if (target.State == ProfileState.enabled)
        {
            return card.Faults.Has(EuiccDefect.WrongResultForEnablingEnabledProfile) ? EnableProfileResult.ok : EnableProfileResult.profileNotInDisabledState;
        }
        StoredProfile? current = ProfileLookup.Enabled(card.State);
        // SGP.22 §2.9.1 PPR1: "Disabling of this Profile is not allowed", which enabling another profile would do.
        if (current is not null && ProfileLookup.HasPpr(current, PprId.ppr1) && !card.Faults.Has(EuiccDefect.IgnorePpr1))
        {
            return EnableProfileResult.disallowedByPolicy;
        }
        card.Memory.Update(s =>
        {
            if (current is not null)
            {
                StoredProfile disabled = current with { State = ProfileState.disabled };
                s = ProfileLookup.Replace(s, disabled);
                if (!card.Faults.Has(EuiccDefect.NoNotificationAfterDisable))
                {
                    s = Notifications.WithOtherSignedNotification(card, s, NotificationEvent.notificationDisable, disabled);
                }
            }
            StoredProfile enabled = target with { State = ProfileState.enabled };
            s = ProfileLookup.Replace(s, enabled);
            if (!card.Faults.Has(EuiccDefect.NoNotificationAfterEnable))
            {
                s = Notifications.WithOtherSignedNotification(card, s, NotificationEvent.notificationEnable, enabled);
            }
            return s;
        });
        return EnableProfileResult.ok;
    }
}
