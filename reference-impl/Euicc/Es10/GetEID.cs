using System.Formats.Asn1;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10c.GetEID (SGP.22 v2.5 §5.7.20), carried by GetEuiccData: "tagList ... the value SHALL be set to '5A'".
/// Another tag asks for data this eUICC does not hold: '6A88' referenced data not found.
/// </summary>
internal sealed class GetEID : IEs10Function
{
    public Asn1Tag Tag => GetEuiccDataRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        GetEuiccDataRequest request = GetEuiccDataRequest.Decode(command);
        if (request.TagList[0] != 0x5A)
        {
            throw new Es10StatusException(StatusWords.ReferencedDataNotFound, $"GetEuiccData for tag {request.TagList[0]:X2}: only the EID ('5A') is defined");
        }
        return new GetEuiccDataResponse(Convert.FromHexString(card.ReportedEid)).Encode();
    }
}
