using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10a.SetDefaultDpAddress (SGP.22 v2.5 §5.7.4): "The eUICC SHALL replace the default SM-DP+ address with the
/// new value"; an empty string removes it (GetEuiccConfiguredAddresses then omits defaultDpAddress).
/// </summary>
internal sealed class SetDefaultDpAddress : IEs10Function
{
    public Asn1Tag Tag => SetDefaultDpAddressRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        SetDefaultDpAddressRequest request = SetDefaultDpAddressRequest.Decode(command);
        string? address = request.DefaultDpAddress.Length == 0 ? null : request.DefaultDpAddress;
        card.Memory.Update(s => s with { DefaultDpAddress = address });
        return new SetDefaultDpAddressResponse(SetDefaultDpAddressResult.ok).Encode();
    }
}
