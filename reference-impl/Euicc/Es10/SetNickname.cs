using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>ES10c.SetNickname (SGP.22 v2.5 §5.7.21): sets profileNickname of the profile with the ICCID; iccidNotFound(1) otherwise.</summary>
internal sealed class SetNickname : IEs10Function
{
    public Asn1Tag Tag => SetNicknameRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        SetNicknameRequest request = SetNicknameRequest.Decode(command);
        string iccid = request.Iccid.ToString();
        if (ProfileLookup.ByIccid(card.State, iccid) is null)
        {
            return new SetNicknameResponse(SetNicknameResult.iccidNotFound).Encode();
        }
        card.Memory.Update(s => s with
        {
            Profiles = s.Profiles.Select(p => p.Complete && p.Iccid == iccid ? p with { Nickname = request.ProfileNickname } : p).ToArray(),
        });
        return new SetNicknameResponse(SetNicknameResult.ok).Encode();
    }
}
