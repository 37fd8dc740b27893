using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.GetRAT (SGP.22 v2.5 §5.7.22): the Rules Authorisation Table of <see cref="EuiccOptions.EffectiveRat"/>
/// (by default PPR1 and PPR2 allowed for any operator).
/// </summary>
internal sealed class GetRAT : IEs10Function
{
    public Asn1Tag Tag => GetRatRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        _ = GetRatRequest.Decode(command);
        return new GetRatResponse(card.Options.EffectiveRat).Encode();
    }
}
