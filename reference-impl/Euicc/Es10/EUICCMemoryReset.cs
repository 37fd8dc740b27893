using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10c.eUICCMemoryReset (SGP.22 v2.5 §5.7.19): resetOptions deleteOperationalProfiles(0) deletes every
/// operational profile, deleteFieldLoadedTestProfiles(1) every test profile, resetDefaultSmdpAddress(2) restores
/// the default SM-DP+ address of personalisation. Profile policy rules do not apply to a memory reset and no
/// notification is generated for the deleted profiles (a reset is a local operation). nothingToDelete(1) when
/// nothing changed.
/// </summary>
internal sealed class EUICCMemoryReset : IEs10Function
{
    public Asn1Tag Tag => EuiccMemoryResetRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        EuiccMemoryResetRequest request = EuiccMemoryResetRequest.Decode(command);
        NamedBitList options = request.ResetOptions;
        bool operational = options.IsSet(ResetOption.deleteOperationalProfiles);
        bool test = options.IsSet(ResetOption.deleteFieldLoadedTestProfiles);
        bool address = options.IsSet(ResetOption.resetDefaultSmdpAddress);
        StoredProfile[] doomed = ProfileLookup.Installed(card.State)
            .Where(p => ProfileLookup.Metadata(p).EffectiveProfileClass switch
            {
                ProfileClass.operational => operational,
                ProfileClass.test => test,
                _ => false,
            })
            .ToArray();
        bool addressChanges = address && card.State.DefaultDpAddress != card.Options.DefaultSmdpAddress;
        if (doomed.Length == 0 && !addressChanges)
        {
            return new EuiccMemoryResetResponse(EuiccMemoryResetResult.nothingToDelete).Encode();
        }
        card.Memory.Update(s =>
        {
            foreach (StoredProfile p in doomed)
            {
                s = ProfileLookup.Remove(s, p);
            }
            return addressChanges ? s with { DefaultDpAddress = card.Options.DefaultSmdpAddress } : s;
        });
        return new EuiccMemoryResetResponse(EuiccMemoryResetResult.ok).Encode();
    }
}
