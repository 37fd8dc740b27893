using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10a.GetEuiccConfiguredAddresses (SGP.22 v2.5 §5.7.3): the default SM-DP+ address, when one is set, and the
/// root SM-DS address.
/// </summary>
internal sealed class GetEuiccConfiguredAddresses : IEs10Function
{
    public Asn1Tag Tag => EuiccConfiguredAddressesRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        _ = EuiccConfiguredAddressesRequest.Decode(command);
        return new EuiccConfiguredAddressesResponse(card.State.DefaultDpAddress, card.Options.RootSmdsAddress).Encode();
    }
}
