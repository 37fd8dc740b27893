using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>ES10b.GetEUICCInfo, EUICCInfo2 (SGP.22 v2.5 §5.7.8): the full description of the eUICC.</summary>
internal sealed class GetEUICCInfo2 : IEs10Function
{
    public Asn1Tag Tag => GetEuiccInfo2Request.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        _ = GetEuiccInfo2Request.Decode(command);
        return EuiccInfo.Info2(card.Identity, card.Options).Encode();
    }
}
